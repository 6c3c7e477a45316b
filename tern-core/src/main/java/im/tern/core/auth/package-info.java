/** Stored login secrets: SCRAM salted hashes (RFC 5802, RFC 7677), never passwords. */
package im.tern.core.auth;
