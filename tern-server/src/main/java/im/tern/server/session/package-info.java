/** Bound client sessions: the registry by bare and full JID, per-session state, and in-order stanza processing. */
package im.tern.server.session;
