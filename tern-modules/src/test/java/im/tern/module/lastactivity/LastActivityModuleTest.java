package im.tern.module.lastactivity;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static im.tern.module.testing.TestStanzas.presence;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.Disco;
import im.tern.core.module.Events;
import im.tern.core.module.Hooks;
import im.tern.core.module.IqHandlers;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Router;
import im.tern.core.module.Sessions;
import im.tern.core.module.StreamFeatures;
import im.tern.module.blocking.BlockingModule;
import im.tern.module.presence.PresenceModule;
import im.tern.module.roster.RosterModule;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.PrivacySettings.Audience;
import im.tern.store.PrivacySettings.Setting;
import im.tern.store.PrivacyStore;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastActivityModuleTest {
    static final String NS = LastActivityModule.NAMESPACE;

    @TempDir
    Path dir;
    TestServer server;
    final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @BeforeEach
    void start() {
        server = new TestServer(dir, new RosterModule(), new PresenceModule(), new BlockingModule());
        new LastActivityModule().start(new ClockedContext(server, clock));
        for (String user : new String[] {"alice", "bob", "carol"}) server.account(user);
        // bob may see alice's presence; carol may not
        server.store(RosterStore.class).put("alice",
                new RosterItem(Jid.of("bob@example.com"), null, Subscription.FROM, false, Set.of()));
    }

    @AfterEach
    void stop() { server.close(); }

    TestSession online(String user, String resource) {
        TestSession s = server.login(user, resource);
        server.send(s, presence());
        s.drain();
        return s;
    }

    Element last(TestSession from, String to) {
        return server.iq(from, "get", to, Element.empty("query", NS));
    }

    static String seconds(Element reply) {
        assertThat(reply.attr("type")).as("%s", reply).isEqualTo("result");
        return reply.child("query", NS).attr("seconds");
    }

    @Test
    void accountWithAnAvailableResourceWasActiveZeroSecondsAgo() {
        online("alice", "phone");
        TestSession bob = online("bob", "desk");
        clock.advance(Duration.ofMinutes(5));
        assertThat(seconds(last(bob, "alice@example.com"))).isEqualTo("0");
    }

    @Test
    void offlineAccountReportsSecondsSinceItsLastSessionEndedWithItsStatus() {
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "desk");
        server.send(alice, Element.builder("presence", "jabber:client").attr("type", "unavailable")
                .textChild("status", "Heading home").build());
        clock.advance(Duration.ofSeconds(30));
        server.logout(alice);
        clock.advance(Duration.ofSeconds(903));

        Element reply = last(bob, "alice@example.com");
        assertThat(seconds(reply)).isEqualTo("903");
        assertThat(reply.child("query", NS).text()).isEqualTo("Heading home");
    }

    @Test
    void sessionThatJustDisconnectedCountsWithoutStatus() {
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "desk");
        server.logout(alice);
        clock.advance(Duration.ofSeconds(42));

        Element reply = last(bob, "alice@example.com");
        assertThat(seconds(reply)).isEqualTo("42");
        assertThat(reply.child("query", NS).text()).isEmpty();
    }

    @Test
    void theLastResourceToLeaveCounts() {
        TestSession phone = online("alice", "phone");
        TestSession laptop = online("alice", "laptop");
        TestSession bob = online("bob", "desk");
        server.logout(phone);
        clock.advance(Duration.ofSeconds(100));
        assertThat(seconds(last(bob, "alice@example.com"))).isEqualTo("0");
        server.logout(laptop);
        clock.advance(Duration.ofSeconds(7));
        assertThat(seconds(last(bob, "alice@example.com"))).isEqualTo("7");
    }

    @Test
    void aResourceGoingUnavailableWhileConnectedCounts() {
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "desk");
        server.send(alice, presence("unavailable", null));
        clock.advance(Duration.ofSeconds(11));
        assertThat(seconds(last(bob, "alice@example.com"))).isEqualTo("11");
    }

    void privacy(String user, Setting setting, Audience audience) {
        PrivacyStore store = server.store(PrivacyStore.class);
        store.put(user, store.get(user).with(setting, audience));
    }

    @Test
    void byDefaultAnyoneMaySeeLastSeenAsOnWhatsApp() {
        TestSession alice = online("alice", "phone");
        server.logout(alice);
        clock.advance(Duration.ofSeconds(5));
        TestSession carol = online("carol", "x");
        assertThat(seconds(last(carol, "alice@example.com"))).isEqualTo("5");
    }

    @Test
    void lastSeenForContactsOnlyForbidsWhoIsNotOnTheRoster() {
        privacy("alice", Setting.LAST_SEEN, Audience.CONTACTS);
        TestSession alice = online("alice", "phone");
        server.logout(alice);
        clock.advance(Duration.ofSeconds(7));
        TestSession carol = online("carol", "x");
        TestSession bob = online("bob", "desk");
        assertThat(errorCondition(last(carol, "alice@example.com"))).isEqualTo("forbidden");
        assertThat(seconds(last(bob, "alice@example.com"))).isEqualTo("7");
    }

    @Test
    void lastSeenForNobodyForbidsContactsButNotTheAccountItself() {
        privacy("alice", Setting.LAST_SEEN, Audience.NOBODY);
        TestSession phone = online("alice", "phone");
        server.logout(phone);
        TestSession bob = online("bob", "desk");
        assertThat(errorCondition(last(bob, "alice@example.com"))).isEqualTo("forbidden");
        TestSession laptop = server.login("alice", "laptop");
        assertThat(seconds(last(laptop, "alice@example.com"))).isEqualTo("0");
    }

    @Test
    void whoMayNotSeeTheAccountOnlineGetsTheTimeItWasLastOffline() {
        TestSession phone = online("alice", "phone");
        server.logout(phone);
        clock.advance(Duration.ofSeconds(60));
        online("alice", "phone");
        clock.advance(Duration.ofSeconds(40));
        TestSession carol = online("carol", "x");
        TestSession bob = online("bob", "desk");
        assertThat(seconds(last(carol, "alice@example.com"))).isEqualTo("0");

        privacy("alice", Setting.ONLINE, Audience.CONTACTS);
        assertThat(seconds(last(carol, "alice@example.com"))).isEqualTo("100");
        assertThat(seconds(last(bob, "alice@example.com"))).isEqualTo("0");
    }

    @Test
    void theAccountMayAskAboutItself() {
        TestSession phone = online("alice", "phone");
        server.logout(phone);
        TestSession laptop = server.login("alice", "laptop"); // connected, but no presence: not available
        clock.advance(Duration.ofSeconds(3));
        assertThat(seconds(last(laptop, "alice@example.com"))).isEqualTo("3");
    }

    @Test
    void neverSeenAccountIsItemNotFound() {
        TestSession bob = online("bob", "desk");
        assertThat(errorCondition(last(bob, "alice@example.com"))).isEqualTo("item-not-found");
    }

    @Test
    void blockedRequesterIsRefusedBeforeTheQueryIsAnswered() {
        TestSession alice = online("alice", "phone");
        server.iq(alice, "set", null, Element.builder("block", BlockingModule.NAMESPACE)
                .child(Element.builder("item", BlockingModule.NAMESPACE).attr("jid", "bob@example.com").build()).build());
        TestSession bob = online("bob", "desk");
        assertThat(errorCondition(last(bob, "alice@example.com"))).isEqualTo("service-unavailable");
    }

    @Test
    void lastSeenSurvivesAndGoesWithTheAccount() {
        TestSession alice = online("alice", "phone");
        server.logout(alice);
        TestSession laptop = server.login("alice", "laptop");
        assertThat(seconds(last(laptop, "alice@example.com"))).isEqualTo("0");
        server.fire(new Events.AccountDeleted(Jid.of("alice@example.com")));
        assertThat(errorCondition(last(laptop, "alice@example.com"))).isEqualTo("item-not-found");
    }

    @Test
    void serverAnswersItsUptime() {
        TestSession bob = online("bob", "desk");
        clock.advance(Duration.ofHours(2));
        assertThat(seconds(last(bob, "example.com"))).isEqualTo("7200");
    }

    @Test
    void lastActivityIsAnnouncedForServerAndAccounts() {
        assertThat(server.disco().serverFeatures()).contains(NS);
        assertThat(server.disco().accountFeatures()).contains(NS);
    }

    /** A clock that stands still until moved. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) { now = start; }

        void advance(Duration d) { now = now.plus(d); }

        @Override
        public Instant instant() { return now; }

        @Override
        public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(ZoneId zone) { return this; }
    }

    /** The test server's context with another clock. */
    record ClockedContext(TestServer server, Clock clock) implements ModuleContext {
        @Override
        public Jid domain() { return server.domain(); }

        @Override
        public Disco disco() { return server.disco(); }

        @Override
        public IqHandlers iq() { return server.iq(); }

        @Override
        public StreamFeatures streamFeatures() { return server.streamFeatures(); }

        @Override
        public Hooks hooks() { return server.hooks(); }

        @Override
        public Router router() { return server.router(); }

        @Override
        public Sessions sessions() { return server.sessions(); }

        @Override
        public <T> T store(Class<T> type) { return server.store(type); }

        @Override
        public Executor blocking() { return server.blocking(); }

        @Override
        public im.tern.core.http.HttpApi http() { return server.http(); }
    }
}
