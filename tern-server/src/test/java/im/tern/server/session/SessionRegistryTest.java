package im.tern.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.SessionKey;
import im.tern.xml.Element;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {
    private static final Connection NOWHERE = new Connection() {
        @Override
        public void send(Element stanza) {}

        @Override
        public void send(Element original, byte[] serialised) {}

        @Override
        public void close(String condition) {}
    };

    private final SessionRegistry registry = new SessionRegistry();

    private static LocalSession session(String jid) { return new LocalSession(Jid.of(jid), NOWHERE); }

    @Test
    void findsSessionsByAccountAndByFullJid() {
        LocalSession phone = session("a@x/phone");
        LocalSession laptop = session("a@x/laptop");
        registry.bind(phone);
        registry.bind(laptop);

        assertThat(registry.of(Jid.of("a@x"))).containsExactlyInAnyOrder(phone, laptop);
        assertThat(registry.get(Jid.of("a@x/laptop"))).isSameAs(laptop);
        assertThat(registry.get(Jid.of("a@x/tablet"))).isNull();
        assertThat(registry.count()).isEqualTo(2);
    }

    @Test
    void bindingATakenFullJidDisplacesTheOldSession() {
        LocalSession old = session("a@x/phone");
        LocalSession fresh = session("a@x/phone");
        registry.bind(old);

        assertThat(registry.bind(fresh)).isSameAs(old);
        assertThat(registry.get(Jid.of("a@x/phone"))).isSameAs(fresh);
        assertThat(registry.count()).isEqualTo(1);
    }

    @Test
    void unbindingADisplacedSessionLeavesItsSuccessor() {
        LocalSession old = session("a@x/phone");
        LocalSession fresh = session("a@x/phone");
        registry.bind(old);
        registry.bind(fresh);

        assertThat(registry.unbind(old)).isFalse();
        assertThat(registry.get(Jid.of("a@x/phone"))).isSameAs(fresh);
        assertThat(registry.unbind(fresh)).isTrue();
        assertThat(registry.of(Jid.of("a@x"))).isEmpty();
        assertThat(registry.count()).isZero();
    }

    @Test
    void keepsPerModuleStateByKeyIdentity() {
        LocalSession s = session("a@x/r");
        SessionKey<String> one = new SessionKey<>("carbons");
        SessionKey<String> other = new SessionKey<>("carbons");
        s.put(one, "enabled");
        assertThat(s.get(one)).isEqualTo("enabled");
        assertThat(s.get(other)).isNull();
        s.put(one, null);
        assertThat(s.get(one)).isNull();
    }

    @Test
    void presencePriorityFollowsTheLastAvailablePresence() {
        LocalSession s = session("a@x/r");
        s.setPresence(Element.builder("presence", "jabber:client").textChild("priority", "-5").build());
        assertThat(s.available()).isTrue();
        assertThat(s.priority()).isEqualTo(-5);
        s.setPresence(Element.builder("presence", "jabber:client").attr("type", "unavailable").build());
        assertThat(s.available()).isFalse();
        assertThat(s.priority()).isZero();
    }
}
