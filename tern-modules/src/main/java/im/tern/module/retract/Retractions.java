package im.tern.module.retract;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Hook;
import im.tern.core.module.Session;
import im.tern.module.stored.StoredXml;
import im.tern.store.ArchivedMessage;
import im.tern.store.MessageStore;
import im.tern.xml.Element;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Checks a retraction a local client sends against the sender's archive, refuses it past the window, and
 * turns the archived copies into tombstones when it goes through. Runs before routing, so the archive
 * holds the tombstones by the time the recipient's devices hear of the retraction.
 */
final class Retractions {
    static final String TOO_LATE = "The time for retracting this message has passed";

    private enum Verdict { PASS, TOO_LATE }

    private final MessageStore archive;
    private final Duration window;
    private final Jid domain;
    private final Clock clock;
    private final Executor blocking;

    Retractions(MessageStore archive, Duration window, Jid domain, Clock clock, Executor blocking) {
        this.archive = archive;
        this.window = window;
        this.domain = domain;
        this.clock = clock;
        this.blocking = blocking;
    }

    CompletionStage<Hook.Outcome> check(Session session, Stanza stanza) {
        String retractedId = retractedId(stanza);
        if (retractedId == null) return Hook.CONTINUE;
        Jid sender = stanza.from().bare();
        Jid recipient = stanza.to() == null ? sender : stanza.to().bare();
        return CompletableFuture.supplyAsync(() -> judge(sender, recipient, retractedId, stanza.id()), blocking).thenApply(verdict -> {
            if (verdict == Verdict.PASS) return Hook.Outcome.CONTINUE;
            session.send(stanza.errorReply(StanzaError.NOT_ACCEPTABLE, TOO_LATE).element());
            return Hook.Outcome.STOP;
        });
    }

    /** On the blocking pool: the verdict, and the tombstones when the retraction passes. */
    private Verdict judge(Jid sender, Jid recipient, String retractedId, String retractionId) {
        Optional<ArchivedMessage> sent = archive.findByOriginId(sender.local(), recipient.toString(), retractedId, true);
        if (sent.isEmpty()) return Verdict.PASS; // not ours to judge: the recipient's client checks the sender
        Instant now = clock.instant();
        if (!window.isZero() && sent.get().timestamp().plus(window).isBefore(now)) return Verdict.TOO_LATE;
        tombstone(sent.get(), retractionId, now);
        if (recipient.domain().equals(domain.domain()) && recipient.local() != null && !recipient.equals(sender)) {
            archive.findByOriginId(recipient.local(), sender.toString(), retractedId, false)
                    .ifPresent(received -> tombstone(received, retractionId, now));
        }
        return Verdict.PASS;
    }

    private void tombstone(ArchivedMessage message, String retractionId, Instant at) {
        Element original = StoredXml.parse(message.xml());
        if (Tombstone.is(original)) return;
        archive.replace(message.owner(), message.id(), Tombstone.of(original, retractionId, at).toXml());
    }

    /** The id in {@code <retract/>} of a one-to-one message, or null. */
    static String retractedId(Stanza stanza) {
        if (stanza.kind() != Stanza.Kind.MESSAGE || "groupchat".equals(stanza.type()) || stanza.isError()) return null;
        Element retract = stanza.element().child("retract", RetractModule.NAMESPACE);
        String id = retract == null ? null : retract.attr("id");
        return id == null || id.isEmpty() ? null : id;
    }
}
