package im.tern.module.presence;

import java.util.Locale;

/** The four presence types that manage subscriptions (RFC 6121 section 3). */
enum SubscriptionType {
    SUBSCRIBE, SUBSCRIBED, UNSUBSCRIBE, UNSUBSCRIBED;

    /** The type for a presence 'type' attribute, or null when it is not a subscription type. */
    static SubscriptionType of(String type) {
        if (type == null) return null;
        return switch (type) {
            case "subscribe" -> SUBSCRIBE;
            case "subscribed" -> SUBSCRIBED;
            case "unsubscribe" -> UNSUBSCRIBE;
            case "unsubscribed" -> UNSUBSCRIBED;
            default -> null;
        };
    }

    String attr() { return name().toLowerCase(Locale.ROOT); }
}
