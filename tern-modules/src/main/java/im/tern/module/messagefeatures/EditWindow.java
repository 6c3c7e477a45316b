package im.tern.module.messagefeatures;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Hook;
import im.tern.core.module.Session;
import im.tern.store.ArchivedMessage;
import im.tern.store.MessageStore;
import im.tern.xml.Element;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Refuses a correction (XEP-0308) of one's own message once the edit window has passed, judged by when
 * the sender's archive took the original. Corrections whose original is not archived go through.
 */
final class EditWindow {
    static final String TOO_LATE = "The time for editing this message has passed";

    private final MessageStore archive;
    private final Duration window;
    private final Clock clock;
    private final Executor blocking;

    EditWindow(MessageStore archive, Duration window, Clock clock, Executor blocking) {
        this.archive = archive;
        this.window = window;
        this.clock = clock;
        this.blocking = blocking;
    }

    CompletionStage<Hook.Outcome> check(Session session, Stanza stanza) {
        String originalId = correctedId(stanza);
        if (originalId == null) return Hook.CONTINUE;
        Jid sender = stanza.from().bare();
        Jid peer = stanza.to() == null ? sender : stanza.to().bare();
        return CompletableFuture.supplyAsync(() -> original(sender, peer, originalId), blocking).thenApply(original -> {
            if (original.isEmpty() || !original.get().timestamp().plus(window).isBefore(clock.instant())) {
                return Hook.Outcome.CONTINUE;
            }
            session.send(stanza.errorReply(StanzaError.NOT_ACCEPTABLE, TOO_LATE).element());
            return Hook.Outcome.STOP;
        });
    }

    private Optional<ArchivedMessage> original(Jid sender, Jid peer, String id) {
        return archive.findByOriginId(sender.local(), peer.toString(), id, true);
    }

    /** The id in {@code <replace/>} of a one-to-one message, or null. */
    static String correctedId(Stanza stanza) {
        if (stanza.kind() != Stanza.Kind.MESSAGE || "groupchat".equals(stanza.type()) || stanza.isError()) return null;
        Element replace = stanza.element().child("replace", MessageFeaturesModule.CORRECTION);
        String id = replace == null ? null : replace.attr("id");
        return id == null || id.isEmpty() ? null : id;
    }
}
