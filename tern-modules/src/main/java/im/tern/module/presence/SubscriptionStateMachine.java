package im.tern.module.presence;

/**
 * The subscription state tables of RFC 6121 Appendix A as a pure function. "Outbound" is what the
 * account's server does with a subscription stanza the account sends (A.2); "inbound" is what it
 * does with one arriving for the account (A.3).
 */
final class SubscriptionStateMachine {
    /**
     * @param next    the state afterwards
     * @param pass    whether the stanza goes on: routed to the contact (outbound) or delivered to
     *                the account's resources (inbound)
     * @param approve whether the server answers an inbound subscribe with 'subscribed' on the
     *                account's behalf, because the contact is already subscribed (section 3.1.3)
     */
    record Transition(SubscriptionState before, SubscriptionState next, boolean pass, boolean approve) {
        /** The contact stopped receiving the account's presence. */
        boolean lostFrom() { return before.from() && !next.from(); }
    }

    private SubscriptionStateMachine() {}

    static Transition outbound(SubscriptionState s, SubscriptionType type) {
        return switch (type) {
            // Subscribe and unsubscribe are always routed: the contact's server may know better.
            case SUBSCRIBE -> new Transition(s, s.to() ? s : with(s, s.to(), s.from(), true, s.pendingIn()), true, false);
            case UNSUBSCRIBE -> new Transition(s, with(s, false, s.from(), false, s.pendingIn()), true, false);
            case SUBSCRIBED -> changedOnly(s, s.pendingIn() ? with(s, s.to(), true, s.pendingOut(), false) : s);
            case UNSUBSCRIBED -> changedOnly(s, s.pendingIn() ? with(s, s.to(), s.from(), s.pendingOut(), false)
                    : with(s, s.to(), false, s.pendingOut(), false));
        };
    }

    static Transition inbound(SubscriptionState s, SubscriptionType type) {
        return switch (type) {
            case SUBSCRIBE -> s.from() ? new Transition(s, s, false, true)
                    : changedOnly(s, with(s, s.to(), false, s.pendingOut(), true));
            case UNSUBSCRIBE -> changedOnly(s, s.pendingIn() ? with(s, s.to(), s.from(), s.pendingOut(), false)
                    : with(s, s.to(), false, s.pendingOut(), false));
            case SUBSCRIBED -> changedOnly(s, s.pendingOut() ? with(s, true, s.from(), false, s.pendingIn()) : s);
            case UNSUBSCRIBED -> changedOnly(s, with(s, false, s.from(), false, s.pendingIn()));
        };
    }

    private static Transition changedOnly(SubscriptionState before, SubscriptionState after) {
        return new Transition(before, after, !after.equals(before), false);
    }

    /** Pending out only exists while not subscribed to; pending in only while not subscribed from. */
    private static SubscriptionState with(SubscriptionState s, boolean to, boolean from, boolean pendingOut, boolean pendingIn) {
        return SubscriptionState.of(to, from, pendingOut && !to, pendingIn && !from);
    }
}
