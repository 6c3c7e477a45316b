/**
 * RFC 6121 section 2: roster get, set and push, with XEP-0237 roster versioning. Subscription states
 * change in {@code im.tern.module.presence}; this package owns the roster's wire form and pushes.
 */
package im.tern.module.roster;
