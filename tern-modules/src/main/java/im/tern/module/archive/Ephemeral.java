package im.tern.module.archive;

import im.tern.core.Stanza;
import im.tern.xml.Element;
import java.time.Instant;

/**
 * Disappearing messages: {@code <ephemeral xmlns='urn:xmpp:ephemeral:0' timer='SECONDS'/>} in a message
 * (modelled on XEP-0466) makes the server forget it that many seconds after it arrived, from the archive
 * and from offline storage alike. The chat's timer is the clients' business; each message carries it.
 */
public final class Ephemeral {
    public static final String NAMESPACE = "urn:xmpp:ephemeral:0";
    public static final String ELEMENT = "ephemeral";
    /** Longer timers are cut to this (about 68 years), which keeps the arithmetic in range. */
    private static final long MAX_SECONDS = Integer.MAX_VALUE;

    private Ephemeral() {}

    /** When a message that arrived at {@code now} expires, or null when it carries no valid timer. */
    public static Instant expiresAt(Stanza message, Instant now) {
        Element e = message.element().child(ELEMENT, NAMESPACE);
        if (e == null) return null;
        String timer = e.attr("timer");
        if (timer == null) return null;
        long seconds;
        try {
            seconds = Long.parseLong(timer.trim());
        } catch (NumberFormatException ex) {
            return null;
        }
        return seconds <= 0 ? null : now.plusSeconds(Math.min(seconds, MAX_SECONDS));
    }

    /** The earlier of two expiries, either of which may be null (never). */
    public static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }
}
