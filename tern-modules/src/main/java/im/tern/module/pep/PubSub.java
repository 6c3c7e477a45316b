package im.tern.module.pep;

/** The XEP-0060 namespaces and names PEP speaks. */
final class PubSub {
    private PubSub() {}

    static final String NS = "http://jabber.org/protocol/pubsub";
    static final String OWNER = NS + "#owner";
    static final String EVENT = NS + "#event";
    static final String ERRORS = NS + "#errors";
    static final String NODE_CONFIG = NS + "#node_config";
    static final String PUBLISH_OPTIONS = NS + "#publish-options";
    static final String FORMS = "jabber:x:data";
    static final String CAPS = "http://jabber.org/protocol/caps";
    static final String DELAY = "urn:xmpp:delay";
    static final String NOTIFY = "+notify";

    /** Longest node name and item id accepted: they are keys in the store. */
    static final int MAX_NAME_LENGTH = 255;

    /** XEP-0060 features the PEP service offers (section 10), announced with the {@code NS#} prefix. */
    static final String[] FEATURES = {
        "access-open", "access-presence", "access-roster", "access-whitelist", "auto-create", "auto-subscribe",
        "config-node", "create-and-configure", "create-nodes", "delete-items", "delete-nodes", "filtered-notifications",
        "item-ids", "last-published", "persistent-items", "presence-notifications", "publish", "publish-options",
        "purge-nodes", "retrieve-default", "retrieve-items",
    };
}
