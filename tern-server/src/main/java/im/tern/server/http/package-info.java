/**
 * The HTTP port (HTTPS unless behind a proxy): the modules' API routes, {@code /health}, {@code /metrics},
 * XEP-0156 host-meta, and XMPP over WebSocket (RFC 7395)
 * at {@code /xmpp-websocket}, which runs the same {@link im.tern.server.stream.C2sStream} as TCP.
 */
package im.tern.server.http;
