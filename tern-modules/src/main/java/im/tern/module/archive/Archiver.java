package im.tern.module.archive;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.store.ArchivedMessage;
import im.tern.store.GroupCommit;
import im.tern.xml.Element;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Archives each message that reaches a local account (XEP-0313 section 3.5): a copy in the recipient's
 * archive and, when a local account sent it, one in the sender's, both in one commit; then stamps the
 * recipient's copy with its {@code <stanza-id/>}. The hook completes after the commit, so the server
 * acknowledges the sender only once the message is durable. A stanza-id claiming to be by the recipient
 * is removed from every message, archived or not (XEP-0359 section 3.3).
 */
final class Archiver implements Hook<Events.InboundStanza> {
    private final Jid domain;
    private final GroupCommit<ArchivedMessage> commits;
    private final Clock clock;

    Archiver(Jid domain, GroupCommit<ArchivedMessage> commits, Clock clock) {
        this.domain = domain;
        this.commits = commits;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Hook.Outcome> on(Events.InboundStanza event) {
        Stanza s = event.stanza();
        if (s.kind() != Stanza.Kind.MESSAGE || s.to() == null || s.to().local() == null) return Hook.CONTINUE;
        Jid owner = s.to().bare();
        Element cleaned = StanzaIds.withoutIdsBy(s.element(), owner);
        Stanza message = cleaned == s.element() ? s : s.withElement(cleaned);
        if (message != s) event.replace(message);
        if (!Storable.forArchive(message)) return Hook.CONTINUE;

        Instant now = clock.instant();
        Instant expiresAt = Ephemeral.expiresAt(message, now);
        String originId = StanzaIds.originId(cleaned);
        Jid from = message.from() == null ? domain : message.from().bare();
        String id = StanzaIds.newId();
        List<ArchivedMessage> copies = new ArrayList<>(2);
        copies.add(new ArchivedMessage(owner.local(), id, from.toString(), originId, false, now, expiresAt, cleaned.toXml()));
        if (isLocalAccount(from) && !from.equals(owner)) {
            Element sent = StanzaIds.withoutIdsBy(cleaned, from);
            copies.add(new ArchivedMessage(from.local(), StanzaIds.newId(), owner.toString(), originId, true, now, expiresAt, sent.toXml()));
        }
        return commits.submit(copies).thenApply(v -> {
            event.replace(message.withElement(StanzaIds.withId(cleaned, owner, id)));
            return Hook.Outcome.CONTINUE;
        });
    }

    private boolean isLocalAccount(Jid jid) {
        return jid.local() != null && jid.domain().equals(domain.domain());
    }
}
