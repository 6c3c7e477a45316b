/**
 * XEP-0424: Message Retraction ("delete for everyone"), with a time limit.
 *
 * <p>A retraction is an ordinary message carrying {@code <retract id='…' xmlns='urn:xmpp:message-retract:1'/>};
 * the server relays it like any other, and the recipient's client hides the message. Before it is routed,
 * this module looks the retracted message up in the sender's archive (one the sender sent to this
 * recipient; a user can retract only their own messages):
 * <ul>
 *   <li>found and older than the window ({@code messages.retractWindowSeconds}, two days by default;
 *       0 for no limit): refused with {@code not-acceptable}, and not delivered;
 *   <li>found within the window: delivered, and both archived copies (the sender's and, for a local
 *       recipient, the recipient's) become tombstones: the {@code <message/>} keeps its attributes and
 *       XEP-0359 ids, and its contents are replaced with
 *       {@code <retracted xmlns='urn:xmpp:message-retract:1' id='RETRACTION-ID' stamp='…'/>} (XEP-0424
 *       section 5), so a device syncing later sees neither the text nor a gap. The retraction itself is
 *       archived as usual;
 *   <li>not found (never archived, expired, or not the sender's): delivered unchanged; the recipient's
 *       client checks that sender and original match (XEP-0424 section 6).
 * </ul>
 * The server announces {@code urn:xmpp:message-retract:1} and {@code urn:xmpp:message-retract:1#tombstone}
 * on its domain and on accounts (where clients look for the archive's features).
 */
package im.tern.module.retract;
