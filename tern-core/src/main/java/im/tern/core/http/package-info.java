/**
 * The HTTP API a module may serve on the server's HTTP port (sign-up, contact discovery, business API):
 * routes by method and path, requests and responses as plain values. The server owns the transport
 * (HTTP/1.1 with Netty, HTTPS by default); a module only maps a request to a response stage, and must not
 * block in its handler: storage goes to {@code ModuleContext.blocking()}.
 */
package im.tern.core.http;
