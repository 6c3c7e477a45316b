package im.tern.module.pep;

import im.tern.core.StanzaError;
import im.tern.xml.Element;
import java.util.Arrays;
import java.util.List;

/**
 * The node configuration fields Tern honours: how each reads from a form value onto a {@link NodeConfig},
 * and how it shows in a form. A value that cannot be honoured is refused with the reason; a field not
 * listed here is refused by {@link NodeConfigForm}, since ignoring it would promise what the node does not do.
 */
enum ConfigField {
    TITLE("pubsub#title", "text-single", "A friendly name for the node") {
        @Override String value(NodeConfig c) { return c.title(); }
        @Override NodeConfig apply(NodeConfig c, String v, int limit) { return c.withTitle(v.isEmpty() ? null : v); }
    },
    ACCESS_MODEL("pubsub#access_model", "list-single", "Who may see the items") {
        @Override String value(NodeConfig c) { return c.accessModel().value(); }
        @Override NodeConfig apply(NodeConfig c, String v, int limit) {
            AccessModel m = AccessModel.of(v);
            if (m == null) {
                throw PubSubError.of(StanzaError.NOT_ACCEPTABLE, "unsupported-access-model", "access model '" + v
                        + "' is not offered; use one of " + Arrays.stream(AccessModel.values()).map(AccessModel::value).toList());
            }
            return c.withAccessModel(m);
        }
        @Override List<String> options() { return Arrays.stream(AccessModel.values()).map(AccessModel::value).toList(); }
    },
    MAX_ITEMS("pubsub#max_items", "text-single", "Items kept, or max") {
        @Override String value(NodeConfig c) { return c.maxItems() == NodeConfig.MAX ? "max" : Integer.toString(c.maxItems()); }
        @Override NodeConfig apply(NodeConfig c, String v, int limit) {
            if (v.equals("max")) return c.withMaxItems(NodeConfig.MAX);
            int n;
            try {
                n = Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw refused(this, v);
            }
            if (n < 1) throw refused(this, v);
            if (n > limit) {
                throw PubSubError.of(StanzaError.POLICY_VIOLATION, "max-items-exceeded",
                        "pubsub#max_items " + n + " is over this server's limit of " + limit + " (or use max)");
            }
            return c.withMaxItems(n);
        }
    },
    PERSIST_ITEMS("pubsub#persist_items", "boolean", "Keep items beyond the last") {
        @Override String value(NodeConfig c) { return bool(c.persistItems()); }
        @Override NodeConfig apply(NodeConfig c, String v, int limit) { return c.withPersistItems(parseBool(this, v)); }
    },
    SEND_LAST("pubsub#send_last_published_item", "list-single", "When to send the last item") {
        @Override String value(NodeConfig c) { return c.sendLastPublishedItem().value(); }
        @Override NodeConfig apply(NodeConfig c, String v, int limit) {
            SendLastItem s = SendLastItem.of(v);
            if (s == null) throw refused(this, v);
            return c.withSendLastPublishedItem(s);
        }
        @Override List<String> options() { return Arrays.stream(SendLastItem.values()).map(SendLastItem::value).toList(); }
    },
    NOTIFY_RETRACT("pubsub#notify_retract", "boolean", "Notify when an item is retracted") {
        @Override String value(NodeConfig c) { return bool(c.notifyRetract()); }
        @Override NodeConfig apply(NodeConfig c, String v, int limit) { return c.withNotifyRetract(parseBool(this, v)); }
    },
    NOTIFY_DELETE("pubsub#notify_delete", "boolean", "Notify when the node is deleted") {
        @Override String value(NodeConfig c) { return bool(c.notifyDelete()); }
        @Override NodeConfig apply(NodeConfig c, String v, int limit) { return c.withNotifyDelete(parseBool(this, v)); }
    },
    DELIVER_PAYLOADS("pubsub#deliver_payloads", "boolean", "Send payloads with notifications") {
        @Override String value(NodeConfig c) { return bool(c.deliverPayloads()); }
        @Override NodeConfig apply(NodeConfig c, String v, int limit) { return c.withDeliverPayloads(parseBool(this, v)); }
    };

    final String var;
    final String type;
    final String label;

    ConfigField(String var, String type, String label) {
        this.var = var;
        this.type = type;
        this.label = label;
    }

    /** The field's value in a form, or null when unset. */
    abstract String value(NodeConfig c);

    /**
     * The configuration with this field set from a form value; throws {@link PubSubError} when the value
     * cannot be honoured. {@code limit} is the server's largest {@code max_items}.
     */
    abstract NodeConfig apply(NodeConfig c, String v, int limit);

    List<String> options() { return List.of(); }

    Element toField(NodeConfig c) {
        return options().isEmpty() ? DataForms.field(var, type, label, value(c)) : DataForms.listField(var, label, value(c), options());
    }

    static ConfigField of(String var) {
        for (ConfigField f : values()) if (f.var.equals(var)) return f;
        return null;
    }

    private static String bool(boolean b) { return b ? "1" : "0"; }

    private static boolean parseBool(ConfigField f, String v) {
        return switch (v.trim()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw refused(f, v);
        };
    }

    private static PubSubError refused(ConfigField f, String v) {
        return PubSubError.of(StanzaError.NOT_ACCEPTABLE, "'" + v + "' is not a value for " + f.var);
    }
}
