package im.tern.core.module;

/**
 * IQ handlers keyed by type (get or set), target and the payload's name and namespace.
 *
 * <p>A server handler answers IQs addressed to the domain (and those with no {@code to} that no
 * account handler takes). An account handler answers IQs addressed to a user's bare JID, or
 * sent with no {@code to} by that user, on the account's behalf (roster, vCard...). IQs to a
 * full JID are routed to that resource and never reach a handler here.
 */
public interface IqHandlers {
    enum Type { GET, SET }

    /**
     * SERVER and ACCOUNT as above; PREAUTH answers IQs a client sends on a stream that has not
     * authenticated yet (XEP-0077 in-band registration), addressed to the domain and without a {@code from}.
     */
    enum Target { SERVER, ACCOUNT, PREAUTH }

    void on(Target target, Type type, String element, String namespace, IqHandler handler);

    default void serverGet(String element, String namespace, IqHandler h) { on(Target.SERVER, Type.GET, element, namespace, h); }

    default void serverSet(String element, String namespace, IqHandler h) { on(Target.SERVER, Type.SET, element, namespace, h); }

    default void accountGet(String element, String namespace, IqHandler h) { on(Target.ACCOUNT, Type.GET, element, namespace, h); }

    default void accountSet(String element, String namespace, IqHandler h) { on(Target.ACCOUNT, Type.SET, element, namespace, h); }

    /** The handler for a request, or null. */
    IqHandler find(Target target, Type type, String element, String namespace);
}
