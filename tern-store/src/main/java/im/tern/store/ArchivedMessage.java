package im.tern.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in an account's archive.
 *
 * @param owner     the account (localpart) whose archive holds it
 * @param id        its XEP-0359 stanza-id in that archive, unique per owner, at most {@value #MAX_ID} characters
 * @param with      the other party's bare JID
 * @param originId  the sender's XEP-0359 origin-id, or null; one longer than {@value #MAX_ORIGIN_ID}
 *                  characters is dropped here (kept as null), so a client's oversized id cannot fail the
 *                  group commit it shares with other accounts' messages
 * @param outgoing  whether the owner sent it
 * @param timestamp when the server archived it
 * @param expiresAt when it disappears (ephemeral messages), or null
 * @param xml       the message as delivered
 */
public record ArchivedMessage(String owner, String id, String with, String originId, boolean outgoing, Instant timestamp,
                              Instant expiresAt, String xml) {
    public static final int MAX_ID = 128;
    public static final int MAX_ORIGIN_ID = 256;

    public ArchivedMessage {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(with, "with");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(xml, "xml");
        if (Objects.requireNonNull(id, "id").length() > MAX_ID) {
            throw new IllegalArgumentException("id longer than " + MAX_ID + " characters");
        }
        if (originId != null && (originId.isEmpty() || originId.length() > MAX_ORIGIN_ID)) originId = null;
    }
}
