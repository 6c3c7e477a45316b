package im.tern.core;

import im.tern.xml.Element;

/**
 * A stanza error condition (RFC 6120 section 8.3.3) with the error type the RFC recommends for it.
 */
public enum StanzaError {
    BAD_REQUEST("bad-request", "modify"),
    CONFLICT("conflict", "cancel"),
    FEATURE_NOT_IMPLEMENTED("feature-not-implemented", "cancel"),
    FORBIDDEN("forbidden", "auth"),
    GONE("gone", "cancel"),
    INTERNAL_SERVER_ERROR("internal-server-error", "cancel"),
    ITEM_NOT_FOUND("item-not-found", "cancel"),
    JID_MALFORMED("jid-malformed", "modify"),
    NOT_ACCEPTABLE("not-acceptable", "modify"),
    NOT_ALLOWED("not-allowed", "cancel"),
    NOT_AUTHORIZED("not-authorized", "auth"),
    POLICY_VIOLATION("policy-violation", "modify"),
    RECIPIENT_UNAVAILABLE("recipient-unavailable", "wait"),
    REDIRECT("redirect", "modify"),
    REGISTRATION_REQUIRED("registration-required", "auth"),
    REMOTE_SERVER_NOT_FOUND("remote-server-not-found", "cancel"),
    REMOTE_SERVER_TIMEOUT("remote-server-timeout", "wait"),
    RESOURCE_CONSTRAINT("resource-constraint", "wait"),
    SERVICE_UNAVAILABLE("service-unavailable", "cancel"),
    SUBSCRIPTION_REQUIRED("subscription-required", "auth"),
    UNDEFINED_CONDITION("undefined-condition", "cancel"),
    UNEXPECTED_REQUEST("unexpected-request", "wait");

    private final String condition;
    private final String type;

    StanzaError(String condition, String type) {
        this.condition = condition;
        this.type = type;
    }

    public String condition() { return condition; }

    public String type() { return type; }

    /** The {@code <error/>} child for this condition, with an optional human-readable text. */
    public Element toElement(String text) {
        Element.Builder b = Element.builder("error", Namespaces.CLIENT).attr("type", type)
                .child(Element.empty(condition, Namespaces.STANZA_ERRORS));
        if (text != null) {
            b.child(Element.builder("text", Namespaces.STANZA_ERRORS).attr("xml:lang", "en").text(text).build());
        }
        return b.build();
    }
}
