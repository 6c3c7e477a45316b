/**
 * The XMPP server: {@link im.tern.server.XmppServer} wires the transports, stream negotiation, sessions,
 * router and module registries together from a {@link im.tern.server.ServerConfig}.
 */
package im.tern.server;
