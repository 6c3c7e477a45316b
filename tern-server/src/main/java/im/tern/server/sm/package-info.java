/**
 * XEP-0198 Stream Management: acknowledgements in both directions and session resumption. A stream
 * that enables it gets an {@link im.tern.server.sm.Outbox} that keeps every stanza sent until the
 * client acknowledges it; a resumable one is registered in {@link im.tern.server.sm.Resumption}, so a
 * client whose connection drops can take its session back within the timeout and receive exactly what
 * it missed. When the timeout passes, the unacknowledged messages are handed to the offline store
 * ({@code Events.UnacknowledgedMessage}), never dropped. The server counts a client's stanza as handled
 * only once its processing completed, i.e. once it was delivered or durably stored.
 */
package im.tern.server.sm;
