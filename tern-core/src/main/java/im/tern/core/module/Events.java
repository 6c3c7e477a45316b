package im.tern.core.module;

import im.tern.core.Stanza;
import im.tern.xml.Element;

/** The events the core fires through {@link Hooks}. */
public final class Events {
    private Events() {}

    /** A resource was bound and may now exchange stanzas. */
    public record SessionBound(Session session) {}

    /** A session ended; {@code lastPresence} is what it had broadcast, or null. */
    public record SessionClosed(Session session, Element lastPresence) {}

    /**
     * A stanza from a local client, stamped and validated, before the core routes it. The
     * presence module takes presence here; a BEFORE hook may refuse anything. When no hook stops
     * it, the core routes it.
     */
    public record ClientStanza(Session session, Stanza stanza) {}

    /**
     * A message or presence addressed to a local account (bare or full JID), from anywhere, before
     * delivery. The presence module takes subscription requests here.
     */
    public record InboundStanza(Stanza stanza) {}

    /**
     * A message for a local account that no available resource can take (RFC 6121 section 8.5.2.2).
     * An offline-storage module stops it after storing; otherwise the core answers it with an error.
     */
    public record UndeliverableMessage(Stanza stanza) {}

    /** An account was removed; modules drop what they hold for it. */
    public record AccountDeleted(im.tern.core.Jid account) {}
}
