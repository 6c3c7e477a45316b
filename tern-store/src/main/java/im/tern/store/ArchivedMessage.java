package im.tern.store;

import java.time.Instant;

/**
 * One message in an account's archive.
 *
 * @param owner     the account (localpart) whose archive holds it
 * @param id        its XEP-0359 stanza-id in that archive, unique per owner
 * @param with      the other party's bare JID
 * @param originId  the sender's XEP-0359 origin-id, or null
 * @param outgoing  whether the owner sent it
 * @param timestamp when the server archived it
 * @param expiresAt when it disappears (XEP-0466-style ephemeral messages), or null
 * @param xml       the message as delivered
 */
public record ArchivedMessage(String owner, String id, String with, String originId, boolean outgoing, Instant timestamp,
                              Instant expiresAt, String xml) {}
