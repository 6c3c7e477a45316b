package im.tern.module.presence;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.store.Subscription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6121 Appendix A, row by row. States are written as in the RFC: None, None+PendingOut,
 * None+PendingIn, None+PendingOut+PendingIn, To, To+PendingIn, From, From+PendingOut, Both.
 */
class SubscriptionStateMachineTest {

    static SubscriptionState state(String s) {
        String[] parts = s.split("\\+");
        boolean out = s.contains("PendingOut");
        boolean in = s.contains("PendingIn");
        return new SubscriptionState(Subscription.valueOf(parts[0].toUpperCase()), out, in);
    }

    @ParameterizedTest(name = "A.2.1 outbound subscribe: {0} -> {1}")
    @CsvSource({
            "None, None+PendingOut", "None+PendingOut, None+PendingOut", "None+PendingIn, None+PendingOut+PendingIn",
            "None+PendingOut+PendingIn, None+PendingOut+PendingIn", "To, To", "To+PendingIn, To+PendingIn",
            "From, From+PendingOut", "From+PendingOut, From+PendingOut", "Both, Both"})
    void outboundSubscribeFollowsA21(String before, String after) {
        var t = SubscriptionStateMachine.outbound(state(before), SubscriptionType.SUBSCRIBE);
        assertThat(t.next()).isEqualTo(state(after));
        assertThat(t.pass()).isTrue();
    }

    @ParameterizedTest(name = "A.2.2 outbound unsubscribe: {0} -> {1}")
    @CsvSource({
            "None, None", "None+PendingOut, None", "None+PendingIn, None+PendingIn",
            "None+PendingOut+PendingIn, None+PendingIn", "To, None", "To+PendingIn, None+PendingIn",
            "From, From", "From+PendingOut, From", "Both, From"})
    void outboundUnsubscribeFollowsA22(String before, String after) {
        var t = SubscriptionStateMachine.outbound(state(before), SubscriptionType.UNSUBSCRIBE);
        assertThat(t.next()).isEqualTo(state(after));
        assertThat(t.pass()).isTrue();
    }

    @ParameterizedTest(name = "A.2.3 outbound subscribed: {0} -> {1}, routed {2}")
    @CsvSource({
            "None, None, false", "None+PendingOut, None+PendingOut, false", "None+PendingIn, From, true",
            "None+PendingOut+PendingIn, From+PendingOut, true", "To, To, false", "To+PendingIn, Both, true",
            "From, From, false", "From+PendingOut, From+PendingOut, false", "Both, Both, false"})
    void outboundSubscribedFollowsA23(String before, String after, boolean routed) {
        var t = SubscriptionStateMachine.outbound(state(before), SubscriptionType.SUBSCRIBED);
        assertThat(t.next()).isEqualTo(state(after));
        assertThat(t.pass()).isEqualTo(routed);
    }

    @ParameterizedTest(name = "A.2.4 outbound unsubscribed: {0} -> {1}, routed {2}")
    @CsvSource({
            "None, None, false", "None+PendingOut, None+PendingOut, false", "None+PendingIn, None, true",
            "None+PendingOut+PendingIn, None+PendingOut, true", "To, To, false", "To+PendingIn, To, true",
            "From, None, true", "From+PendingOut, None+PendingOut, true", "Both, To, true"})
    void outboundUnsubscribedFollowsA24(String before, String after, boolean routed) {
        var t = SubscriptionStateMachine.outbound(state(before), SubscriptionType.UNSUBSCRIBED);
        assertThat(t.next()).isEqualTo(state(after));
        assertThat(t.pass()).isEqualTo(routed);
    }

    @ParameterizedTest(name = "A.3.1 inbound subscribe: {0} -> {1}, delivered {2}, approved {3}")
    @CsvSource({
            "None, None+PendingIn, true, false", "None+PendingOut, None+PendingOut+PendingIn, true, false",
            "None+PendingIn, None+PendingIn, false, false", "None+PendingOut+PendingIn, None+PendingOut+PendingIn, false, false",
            "To, To+PendingIn, true, false", "To+PendingIn, To+PendingIn, false, false",
            "From, From, false, true", "From+PendingOut, From+PendingOut, false, true", "Both, Both, false, true"})
    void inboundSubscribeFollowsA31(String before, String after, boolean delivered, boolean approved) {
        var t = SubscriptionStateMachine.inbound(state(before), SubscriptionType.SUBSCRIBE);
        assertThat(t.next()).isEqualTo(state(after));
        assertThat(t.pass()).isEqualTo(delivered);
        assertThat(t.approve()).isEqualTo(approved);
    }

    @ParameterizedTest(name = "A.3.2 inbound unsubscribe: {0} -> {1}, delivered {2}")
    @CsvSource({
            "None, None, false", "None+PendingOut, None+PendingOut, false", "None+PendingIn, None, true",
            "None+PendingOut+PendingIn, None+PendingOut, true", "To, To, false", "To+PendingIn, To, true",
            "From, None, true", "From+PendingOut, None+PendingOut, true", "Both, To, true"})
    void inboundUnsubscribeFollowsA32(String before, String after, boolean delivered) {
        var t = SubscriptionStateMachine.inbound(state(before), SubscriptionType.UNSUBSCRIBE);
        assertThat(t.next()).isEqualTo(state(after));
        assertThat(t.pass()).isEqualTo(delivered);
    }

    @ParameterizedTest(name = "A.3.3 inbound subscribed: {0} -> {1}, delivered {2}")
    @CsvSource({
            "None, None, false", "None+PendingOut, To, true", "None+PendingIn, None+PendingIn, false",
            "None+PendingOut+PendingIn, To+PendingIn, true", "To, To, false", "To+PendingIn, To+PendingIn, false",
            "From, From, false", "From+PendingOut, Both, true", "Both, Both, false"})
    void inboundSubscribedFollowsA33(String before, String after, boolean delivered) {
        var t = SubscriptionStateMachine.inbound(state(before), SubscriptionType.SUBSCRIBED);
        assertThat(t.next()).isEqualTo(state(after));
        assertThat(t.pass()).isEqualTo(delivered);
    }

    @ParameterizedTest(name = "A.3.4 inbound unsubscribed: {0} -> {1}, delivered {2}")
    @CsvSource({
            "None, None, false", "None+PendingOut, None, true", "None+PendingIn, None+PendingIn, false",
            "None+PendingOut+PendingIn, None+PendingIn, true", "To, None, true", "To+PendingIn, None+PendingIn, true",
            "From, From, false", "From+PendingOut, From, true", "Both, From, true"})
    void inboundUnsubscribedFollowsA34(String before, String after, boolean delivered) {
        var t = SubscriptionStateMachine.inbound(state(before), SubscriptionType.UNSUBSCRIBED);
        assertThat(t.next()).isEqualTo(state(after));
        assertThat(t.pass()).isEqualTo(delivered);
    }
}
