/** Routing stanzas to the server, to accounts and to their resources by RFC 6120 section 10 and RFC 6121 section 8.5. */
package im.tern.server.route;
