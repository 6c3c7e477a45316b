package im.tern.module.pep;

import im.tern.core.StanzaError;
import im.tern.module.stored.StoredXml;
import im.tern.xml.Element;
import java.util.List;
import java.util.Map;

/**
 * Node configuration as data forms: the {@code pubsub#node_config} form of owner configure requests and
 * of storage, and {@code pubsub#publish-options} (XEP-0060 section 7.1.5), whose fields are preconditions
 * on an existing node and the configuration of a node the publish creates.
 */
final class NodeConfigForm {
    private NodeConfigForm() {}

    /** The form showing a configuration: {@code form} to be filled in, {@code submit} to be stored. */
    static Element form(NodeConfig config, String type) {
        Element.Builder x = DataForms.form(type, PubSub.NODE_CONFIG);
        for (ConfigField f : ConfigField.values()) {
            if (f.value(config) != null || type.equals("form")) x.child(f.toField(config));
        }
        return x.build();
    }

    /** The text the store keeps for a configuration. */
    static String stored(NodeConfig config) {
        return form(config, "submit").toXml();
    }

    /** A stored configuration; values that no longer read (a changed release) fall back to the default. */
    static NodeConfig load(String stored) {
        NodeConfig config = NodeConfig.DEFAULT;
        for (Map.Entry<String, List<String>> e : DataForms.fields(StoredXml.parse(stored)).entrySet()) {
            ConfigField f = ConfigField.of(e.getKey());
            if (f == null || e.getValue().isEmpty()) continue;
            try {
                config = f.apply(config, e.getValue().get(0), NodeConfig.MAX - 1);
            } catch (PubSubError ignored) {
                // keep the default for this field
            }
        }
        return config;
    }

    /**
     * A submitted {@code node_config} form applied on {@code base}. Refuses a form of another type, a field
     * Tern does not honour, and values it cannot: not-acceptable, or policy-violation for a limit.
     */
    static NodeConfig submitted(Element x, NodeConfig base, int maxItemsLimit) {
        Map<String, List<String>> fields = fieldsOf(x, PubSub.NODE_CONFIG);
        NodeConfig config = base;
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            if (e.getKey().equals(DataForms.FORM_TYPE)) continue;
            ConfigField f = ConfigField.of(e.getKey());
            if (f == null) throw PubSubError.of(StanzaError.NOT_ACCEPTABLE, "node configuration field " + e.getKey() + " is not supported");
            config = f.apply(config, first(e.getValue()), maxItemsLimit);
        }
        return config;
    }

    /**
     * The configuration of a node created by a publish with these options: any option that cannot be
     * honoured is an unmet precondition (conflict), a limit a policy-violation.
     */
    static NodeConfig forNewNode(Element options, int maxItemsLimit) {
        if (options == null) return NodeConfig.DEFAULT;
        try {
            return submitted(asNodeConfig(options), NodeConfig.DEFAULT, maxItemsLimit);
        } catch (PubSubError e) {
            throw e.error() == StanzaError.POLICY_VIOLATION ? e : preconditionNotMet(e.getMessage());
        }
    }

    /** Checks publish-options against an existing node: every option must already hold (conflict otherwise). */
    static void checkPreconditions(Element options, NodeConfig existing, int maxItemsLimit) {
        if (options == null) return;
        for (Map.Entry<String, List<String>> e : fieldsOf(options, PubSub.PUBLISH_OPTIONS).entrySet()) {
            if (e.getKey().equals(DataForms.FORM_TYPE)) continue;
            ConfigField f = ConfigField.of(e.getKey());
            if (f == null) throw preconditionNotMet("publish option " + e.getKey() + " is not supported");
            NodeConfig wanted;
            try {
                wanted = f.apply(existing, first(e.getValue()), NodeConfig.MAX - 1);
            } catch (PubSubError refused) {
                throw preconditionNotMet(refused.getMessage());
            }
            if (!java.util.Objects.equals(f.value(wanted), f.value(existing))) {
                throw preconditionNotMet("the node has " + f.var + " " + f.value(existing) + ", not " + first(e.getValue()));
            }
        }
    }

    /** The publish-options form read as a node_config form (same fields, other FORM_TYPE). */
    private static Element asNodeConfig(Element options) {
        Map<String, List<String>> fields = fieldsOf(options, PubSub.PUBLISH_OPTIONS);
        Element.Builder x = DataForms.form("submit", PubSub.NODE_CONFIG);
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            if (!e.getKey().equals(DataForms.FORM_TYPE)) x.child(DataForms.field(e.getKey(), null, null, first(e.getValue())));
        }
        return x.build();
    }

    private static Map<String, List<String>> fieldsOf(Element x, String formType) {
        if (x == null || !x.is("x", PubSub.FORMS)) throw PubSubError.of(StanzaError.BAD_REQUEST, "expected a data form");
        Map<String, List<String>> fields = DataForms.fields(x);
        String type = DataForms.formType(fields);
        if (type != null && !type.equals(formType)) {
            throw PubSubError.of(StanzaError.BAD_REQUEST, "expected a form of type " + formType + ", not " + type);
        }
        return fields;
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }

    private static PubSubError preconditionNotMet(String text) {
        return PubSubError.of(StanzaError.CONFLICT, "precondition-not-met", text);
    }
}
