/** TLS for client streams: the certificate (operator PEM files, or self-signed on first start) and Netty's SslContext. */
package im.tern.server.tls;
