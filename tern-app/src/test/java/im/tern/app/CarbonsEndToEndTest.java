package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0280 Message Carbons with Smack's CarbonManager: two devices of alice see each other's conversations. */
class CarbonsEndToEndTest {
    RunningTern tern;
    XMPPTCPConnection phone;
    XMPPTCPConnection laptop;
    XMPPTCPConnection bob;

    record Copy(CarbonExtension.Direction direction, Message message, Message wrapper) {}

    @BeforeEach
    void start() throws Exception {
        tern = RunningTern.start();
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
        phone = tern.login("alice", "pw", "phone");
        laptop = tern.login("alice", "pw", "laptop");
        bob = tern.login("bob", "pw", "desk");
    }

    @AfterEach
    void stop() {
        tern.close();
    }

    static BlockingQueue<Copy> carbons(XMPPTCPConnection c) throws Exception {
        CarbonManager carbons = CarbonManager.getInstanceFor(c);
        assertThat(carbons.isSupportedByServer()).isTrue();
        carbons.enableCarbons();
        BlockingQueue<Copy> q = new LinkedBlockingQueue<>();
        carbons.addCarbonCopyReceivedListener((direction, message, wrapper) -> q.add(new Copy(direction, message, wrapper)));
        return q;
    }

    static BlockingQueue<Message> inbox(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> q.add((Message) s), StanzaTypeFilter.MESSAGE);
        return q;
    }

    static MessageBuilder chat(String to, String body) throws Exception {
        return StanzaBuilder.buildMessage().to(JidCreate.from(to)).ofType(Message.Type.chat).setBody(body);
    }

    @Test
    void messageToThePhoneIsCopiedAsReceivedToTheLaptop() throws Exception {
        carbons(phone);
        BlockingQueue<Copy> onLaptop = carbons(laptop);

        bob.sendStanza(chat("alice@tern.test/phone", "hi phone").build());

        Copy copy = onLaptop.poll(10, TimeUnit.SECONDS);
        assertThat(copy).isNotNull();
        assertThat(copy.direction()).isEqualTo(CarbonExtension.Direction.received);
        assertThat(copy.message().getBody()).isEqualTo("hi phone");
        assertThat(copy.message().getFrom().toString()).isEqualTo("bob@tern.test/desk");
        assertThat(copy.message().getTo().toString()).isEqualTo("alice@tern.test/phone");
        assertThat(copy.wrapper().getFrom().toString()).isEqualTo("alice@tern.test");
        assertThat(copy.wrapper().getTo().toString()).isEqualTo("alice@tern.test/laptop");
    }

    @Test
    void messageFromThePhoneIsCopiedAsSentToTheLaptop() throws Exception {
        carbons(phone);
        BlockingQueue<Copy> onLaptop = carbons(laptop);
        BlockingQueue<Message> toBob = inbox(bob);

        phone.sendStanza(chat("bob@tern.test", "hi bob").build());

        assertThat(toBob.poll(10, TimeUnit.SECONDS)).isNotNull();
        Copy copy = onLaptop.poll(10, TimeUnit.SECONDS);
        assertThat(copy).isNotNull();
        assertThat(copy.direction()).isEqualTo(CarbonExtension.Direction.sent);
        assertThat(copy.message().getBody()).isEqualTo("hi bob");
        assertThat(copy.message().getFrom().toString()).isEqualTo("alice@tern.test/phone");
        assertThat(copy.message().getTo().toString()).isEqualTo("bob@tern.test");
    }

    @Test
    void resourceWithCarbonsOffGetsNoCopies() throws Exception {
        carbons(phone);
        BlockingQueue<Copy> onLaptop = carbons(laptop);
        XMPPTCPConnection tablet = tern.login("alice", "pw", "tablet");
        BlockingQueue<Message> onTablet = inbox(tablet);

        bob.sendStanza(chat("alice@tern.test/phone", "one").build());
        phone.sendStanza(chat("bob@tern.test", "two").build());

        assertThat(onLaptop.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(onLaptop.poll(10, TimeUnit.SECONDS)).isNotNull();
        // The laptop's copies were written after the tablet would have got its own, had it any.
        tablet.sendStanza(chat("alice@tern.test/tablet", "marker").build());
        Message first = onTablet.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.getBody()).isEqualTo("marker");
    }

    @Test
    void disablingCarbonsStopsTheCopies() throws Exception {
        carbons(phone);
        BlockingQueue<Copy> onLaptop = carbons(laptop);
        BlockingQueue<Message> onPhone = inbox(phone);
        CarbonManager.getInstanceFor(laptop).disableCarbons();

        bob.sendStanza(chat("alice@tern.test/phone", "not for the laptop").build());
        assertThat(onPhone.poll(10, TimeUnit.SECONDS)).isNotNull();
        CarbonManager.getInstanceFor(laptop).enableCarbons();
        bob.sendStanza(chat("alice@tern.test/phone", "for the laptop").build());

        Copy copy = onLaptop.poll(10, TimeUnit.SECONDS);
        assertThat(copy).isNotNull();
        assertThat(copy.message().getBody()).isEqualTo("for the laptop");
    }

    @Test
    void privateMessagesAreNotCopied() throws Exception {
        carbons(phone);
        BlockingQueue<Copy> onLaptop = carbons(laptop);

        MessageBuilder secret = chat("bob@tern.test", "secret");
        CarbonExtension.Private.addTo(secret);
        phone.sendStanza(secret.build());
        phone.sendStanza(chat("bob@tern.test", "public").build());

        Copy copy = onLaptop.poll(10, TimeUnit.SECONDS);
        assertThat(copy).isNotNull();
        assertThat(copy.message().getBody()).isEqualTo("public");
    }
}
