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
     * delivery. The presence module takes subscription requests here. A hook may replace the stanza
     * (the archive adds its XEP-0359 {@code <stanza-id/>}); what is delivered is the stanza at the end.
     * The core completes the sender's acknowledgement only once every hook's stage has completed, so a
     * hook that stores the message makes its acceptance durable.
     */
    public static final class InboundStanza {
        private volatile Stanza stanza;

        public InboundStanza(Stanza stanza) { this.stanza = stanza; }

        public Stanza stanza() { return stanza; }

        public void replace(Stanza replacement) { this.stanza = replacement; }

        @Override
        public String toString() { return "InboundStanza[" + stanza + "]"; }
    }

    /**
     * A session sent its initial available presence (RFC 6121 section 4.2): the moment offline
     * messages are delivered (XEP-0160).
     */
    public record InitialPresence(Session session) {}

    /**
     * A message that reached a session but was never acknowledged by the client (XEP-0198), when that
     * session ended without resuming. An offline-storage module stores it again, so it is not lost.
     */
    public record UnacknowledgedMessage(Session session, Stanza stanza) {}

    /**
     * A message for a local account that no available resource can take (RFC 6121 section 8.5.2.2).
     * An offline-storage module stops it after storing; otherwise the core answers it with an error.
     */
    public record UndeliverableMessage(Stanza stanza) {}

    /**
     * An IQ result or error addressed to a local account's bare JID: the answer to a request a module sent
     * from that address (XEP-0357 publishes to an app server). The core consumes it after the hooks.
     */
    public record IqResponse(Stanza stanza) {}

    /** An account was removed; modules drop what they hold for it. */
    public record AccountDeleted(im.tern.core.Jid account) {}
}
