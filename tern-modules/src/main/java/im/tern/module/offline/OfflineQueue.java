package im.tern.module.offline;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Router;
import im.tern.module.archive.Delay;
import im.tern.module.archive.Ephemeral;
import im.tern.store.MessageStore;
import im.tern.xml.Element;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts messages in an account's offline queue, stamped with when the server took them (XEP-0203
 * {@code <delay from='domain'/>}) and with the time they expire: the maximum age, or sooner for a
 * disappearing message. A full queue refuses the message; {@link #refuse} tells its sender {@code resource-constraint}.
 */
final class OfflineQueue {
    private static final Logger log = LoggerFactory.getLogger(OfflineQueue.class);

    private final MessageStore store;
    private final Jid domain;
    private final Router router;
    private final Executor blocking;
    private final Clock clock;
    private final Duration maxAge; // null: no limit
    private final int limit;

    OfflineQueue(MessageStore store, Jid domain, Router router, Executor blocking, Clock clock, Duration maxAge, int limit) {
        this.store = store;
        this.domain = domain;
        this.router = router;
        this.blocking = blocking;
        this.clock = clock;
        this.maxAge = maxAge;
        this.limit = limit;
    }

    /** Stores a message for its recipient, within the account's limit; completes with false when the queue is full. */
    CompletionStage<Boolean> store(Stanza message) {
        return store(message, message.to().local(), limit);
    }

    /**
     * Stores again a message the server already accepted and a session never acknowledged: the sender
     * was told it arrived, so it is kept even past the limit rather than lost.
     */
    CompletionStage<Boolean> storeAccepted(Stanza message, String owner) {
        return store(message, owner, Integer.MAX_VALUE);
    }

    /** Tells the sender that the message was not stored because the recipient's queue is full. */
    void refuse(Stanza message) {
        log.debug("offline queue of {} is full; refusing a message from {}", message.to(), message.from());
        if (message.from() != null) {
            router.route(message.errorReply(StanzaError.RESOURCE_CONSTRAINT, "the recipient has too many messages waiting"));
        }
    }

    private CompletionStage<Boolean> store(Stanza message, String owner, int max) {
        Instant now = clock.instant();
        Instant expiresAt = Ephemeral.earliest(maxAge == null ? null : now.plus(maxAge), Ephemeral.expiresAt(message, now));
        String xml = stamped(message.element(), now).toXml();
        return CompletableFuture.supplyAsync(() -> store.storeOffline(owner, xml, now, expiresAt, max) >= 0, blocking);
    }

    /** The message with the server's delay stamp, unless it already carries one from this server. */
    private Element stamped(Element message, Instant now) {
        for (Element d : message.elements("delay", Delay.NAMESPACE)) {
            if (domain.toString().equals(d.attr("from"))) return message;
        }
        return message.withChild(Delay.element(domain, now));
    }
}
