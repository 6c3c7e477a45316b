/**
 * The client-to-server stream state machine (RFC 6120): header checks, stream features, STARTTLS, SASL,
 * resource binding and the validation of every stanza a client sends. Transport-agnostic: it consumes
 * parser events and writes through {@link im.tern.server.stream.StreamOutput}.
 */
package im.tern.server.stream;
