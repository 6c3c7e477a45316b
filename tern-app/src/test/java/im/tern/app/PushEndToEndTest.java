package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import im.tern.store.DocumentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jivesoftware.smackx.push_notifications.PushNotificationsManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * XEP-0357 with real clients: alice registers a push gateway (a Smack client logged in as
 * push@tern.test/gateway, answering pubsub publishes), goes offline, and bob writes to her.
 *
 * <p>Smack 4.5.0-beta5 cannot parse the publish into its own {@code PubSub}: its generic element parser
 * fails an assertion on the nested {@code <notification xmlns='urn:xmpp:push:0'>} under the StAX parser,
 * which ends the reader thread. So while these tests run, the gateway (and every connection in this JVM)
 * reads {@code <pubsub/>} with {@link RawPubSub}, which keeps the XML as it came; the stock provider is
 * put back afterwards.
 */
class PushEndToEndTest {
    static final Pattern NODE = Pattern.compile("<publish[^>]* node=['\"]([^'\"]+)['\"]");

    RunningTern tern;
    TestClock clock = new TestClock();
    XMPPTCPConnection gateway;
    XMPPTCPConnection bob;
    /** Every publish the gateway received, as XML. */
    final BlockingQueue<String> pushes = new LinkedBlockingQueue<>();
    /** Nodes whose publishes the gateway refuses, as an app server does for a token gone stale. */
    final Set<String> refusedNodes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    IqProvider<IQ> stockPubSubProvider;

    @BeforeEach
    void start() throws Exception {
        stockPubSubProvider = ProviderManager.getIQProvider(PubSub.ELEMENT, PubSub.NAMESPACE);
        ProviderManager.addIQProvider(PubSub.ELEMENT, PubSub.NAMESPACE, new RawPubSub.Provider());
        tern = RunningTern.start(cfg -> {}, clock);
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
        tern.addUser("push", "pw");
        gateway = tern.login("push", "pw", "gateway");
        gateway.registerIQRequestHandler(new AbstractIqRequestHandler(PubSub.ELEMENT, PubSub.NAMESPACE, IQ.Type.set,
                IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                String xml = "<iq from='" + request.getFrom() + "' to='" + request.getTo() + "'>" + ((RawPubSub) request).xml() + "</iq>";
                pushes.add(xml);
                return refusedNodes.contains(node(xml))
                        ? IQ.createErrorResponse(request, StanzaError.Condition.item_not_found)
                        : IQ.createResultIQ(request);
            }
        });
        bob = tern.login("bob", "pw", "laptop");
    }

    @AfterEach
    void stop() {
        tern.close();
        ProviderManager.addIQProvider(PubSub.ELEMENT, PubSub.NAMESPACE, stockPubSubProvider);
    }

    static String node(String publishXml) {
        Matcher m = NODE.matcher(publishXml);
        return m.find() ? m.group(1) : null;
    }

    /** Alice's phone logs in, registers the nodes with the gateway, and goes away. */
    void alicePhoneEnables(String... nodes) throws Exception {
        XMPPTCPConnection phone = tern.login("alice", "pw", "phone");
        PushNotificationsManager push = PushNotificationsManager.getInstanceFor(phone);
        for (String node : nodes) assertThat(push.enable(gateway.getUser(), node)).isTrue();
        phone.disconnect();
        awaitOffline("alice@tern.test/phone");
    }

    void alicePhoneDisables(String node) throws Exception {
        XMPPTCPConnection phone = tern.login("alice", "pw", "phone");
        assertThat(PushNotificationsManager.getInstanceFor(phone).disable(gateway.getUser(), node)).isTrue();
        phone.disconnect();
        awaitOffline("alice@tern.test/phone");
    }

    /** Until the server has ended that session, an IQ to it is answered by the client, not refused by the server. */
    void awaitOffline(String fullJid) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> VersionManager.getInstanceFor(bob).getVersion(JidCreate.from(fullJid)))
                        .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(e.getStanzaError().getCondition())
                                .isEqualTo(StanzaError.Condition.service_unavailable)));
    }

    void bobWritesToAlice(String body) throws Exception {
        Message m = StanzaBuilder.buildMessage().to(JidCreate.from("alice@tern.test")).ofType(Message.Type.chat)
                .setBody(body).build();
        bob.sendStanza(m);
    }

    /** The pushes that arrive within the time, by node. */
    List<String> pushesWithin(Duration wait, int expected) throws InterruptedException {
        List<String> nodes = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (nodes.size() < expected) {
            String xml = pushes.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (xml == null) break;
            nodes.add(node(xml));
        }
        return nodes;
    }

    @Test
    void gatewayGetsAPushWithoutContentWhenAliceIsOffline() throws Exception {
        XMPPTCPConnection phone = tern.login("alice", "pw", "check");
        assertThat(PushNotificationsManager.getInstanceFor(phone).isSupported()).isTrue();
        phone.disconnect();
        alicePhoneEnables("alice-phone-node");

        bobWritesToAlice("meet me at the old mill at five");

        String xml = pushes.poll(10, TimeUnit.SECONDS);
        assertThat(xml).as("a push reached the gateway").isNotNull();
        assertThat(xml).contains("from='alice@tern.test'").contains("to='push@tern.test/gateway'")
                .contains("node='alice-phone-node'")
                .contains("urn:xmpp:push:0")
                .contains("urn:xmpp:push:summary")
                .contains("message-count");
        assertThat(xml).doesNotContain("old mill").doesNotContain("bob");
    }

    @Test
    void afterDisableThatNodeGetsNoPush() throws Exception {
        alicePhoneEnables("phone", "tablet");
        bobWritesToAlice("one");
        assertThat(pushesWithin(Duration.ofSeconds(10), 2)).containsExactlyInAnyOrder("phone", "tablet");

        alicePhoneDisables("phone");
        clock.advance(Duration.ofSeconds(5));
        bobWritesToAlice("two");

        assertThat(pushesWithin(Duration.ofSeconds(10), 1)).containsExactly("tablet");
        assertThat(pushesWithin(Duration.ofMillis(500), 1)).isEmpty();
    }

    @Test
    void burstOfMessagesWakesTheDeviceOncePerWindow() throws Exception {
        alicePhoneEnables("phone");

        for (int i = 0; i < 5; i++) bobWritesToAlice("message " + i);
        assertThat(pushesWithin(Duration.ofSeconds(10), 1)).containsExactly("phone");
        assertThat(pushesWithin(Duration.ofMillis(500), 1)).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        bobWritesToAlice("later");
        assertThat(pushesWithin(Duration.ofSeconds(10), 1)).containsExactly("phone");
    }

    @Test
    void errorFromTheGatewayEndsThatRegistration() throws Exception {
        refusedNodes.add("stale");
        alicePhoneEnables("stale", "fresh");
        bobWritesToAlice("one");
        assertThat(pushesWithin(Duration.ofSeconds(10), 2)).containsExactlyInAnyOrder("stale", "fresh");
        DocumentStore documents = tern.server.database().store(DocumentStore.class);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !documents.get("alice", "push:registrations").orElse("").contains("stale"));

        clock.advance(Duration.ofSeconds(5));
        bobWritesToAlice("two");

        assertThat(pushesWithin(Duration.ofSeconds(10), 1)).containsExactly("fresh");
        assertThat(pushesWithin(Duration.ofMillis(500), 1)).isEmpty();
    }
}
