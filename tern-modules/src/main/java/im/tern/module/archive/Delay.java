package im.tern.module.archive;

import im.tern.core.Jid;
import im.tern.xml.Element;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** XEP-0203 delayed delivery stamps and the XEP-0082 date-times they are written in. */
public final class Delay {
    public static final String NAMESPACE = "urn:xmpp:delay";

    private Delay() {}

    /** {@code <delay xmlns='urn:xmpp:delay' from stamp/>}; {@code from} may be null. */
    public static Element element(Jid from, Instant stamp) {
        return Element.builder("delay", NAMESPACE).attr("from", from == null ? null : from.toString())
                .attr("stamp", format(stamp)).build();
    }

    /** A UTC date-time to the millisecond, e.g. {@code 2026-01-01T12:00:00.250Z}. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses an XEP-0082 date-time (with Z or an offset); throws {@link IllegalArgumentException} when it is not one. */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an XEP-0082 date-time: " + text, e);
        }
    }
}
