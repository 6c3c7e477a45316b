/**
 * Message corrections (XEP-0308), reactions (XEP-0444) and replies (XEP-0461): protocols between clients
 * that the server relays untouched, archives and keeps for offline devices like any other message.
 *
 * <p>The server's disco#info lists {@code urn:xmpp:message-correct:0}, {@code urn:xmpp:reactions:0} and
 * {@code urn:xmpp:reply:0}. Each XEP defines its feature for clients only; on the server it says that
 * Tern relays these messages intact and keeps them (and, for corrections, applies the edit window).
 * They are not added to accounts' disco#info: a peer asking about an account would read them as saying
 * something about its clients. Receipts, chat markers and hints are not announced: the server does not
 * generate receipts or markers, and XEP-0334 defines no feature.
 *
 * <p>The edit window: with {@code editWindowSeconds} above zero, a correction of one's own message older
 * than that (by the sender's archive, looked up by the id in {@code <replace/>}) is refused with
 * {@code not-acceptable}. Zero (the default) enforces nothing. A correction whose original is not in the
 * archive goes through: the receiving client decides (XEP-0308 section 4).
 */
package im.tern.module.messagefeatures;
