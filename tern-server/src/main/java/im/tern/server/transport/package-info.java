/**
 * Netty transports for client streams: plain c2s with STARTTLS and direct TLS (XEP-0368), the adapter from
 * {@code ByteBuf}s to the stream parser, and the shared timers and per-address limits.
 */
package im.tern.server.transport;
