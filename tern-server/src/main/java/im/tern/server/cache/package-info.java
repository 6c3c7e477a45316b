/** Short-lived caches in front of the store, so that logins and routing at thousands per second stay off the database. */
package im.tern.server.cache;
