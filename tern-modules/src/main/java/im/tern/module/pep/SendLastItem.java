package im.tern.module.pep;

import java.util.Locale;

/**
 * When a node's last item goes to a resource that did not see it published ({@code pubsub#send_last_published_item}).
 * Under PEP a resource is subscribed when its capabilities show interest, so {@code on_sub} and
 * {@code on_sub_and_presence} both send it when a resource becomes interested, which includes every time
 * a client comes online; {@code never} does not.
 */
enum SendLastItem {
    NEVER, ON_SUB, ON_SUB_AND_PRESENCE;

    String value() { return name().toLowerCase(Locale.ROOT); }

    static SendLastItem of(String value) {
        for (SendLastItem s : values()) if (s.value().equals(value)) return s;
        return null;
    }
}
