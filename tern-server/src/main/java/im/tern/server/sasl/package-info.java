/**
 * SASL (RFC 6120 section 6): SCRAM-SHA-256 and SCRAM-SHA-1 (RFC 5802, RFC 7677) without channel
 * binding, PLAIN over TLS only, cached credential look-ups and back-off after failed logins.
 */
package im.tern.server.sasl;
