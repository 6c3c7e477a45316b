package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Two people sign up with their phone numbers over the HTTPS API, then chat over XMPP with the tokens they got. */
class SignupEndToEndTest {
    static final String ALICE_PHONE = "+447400123456";
    static final String BOB_LOCAL = "07400 123457"; // a local format, with the region as hint

    @Test
    void twoPeopleSignUpByPhoneAndChatWithTheirTokens() throws Exception {
        try (RunningTern tern = RunningTern.start(); SignupApi api = new SignupApi(tern)) {
            SignupApi.Response code = api.requestCode(ALICE_PHONE);
            assertThat(code.status()).isEqualTo(201);
            assertThat(code.contentType()).startsWith("application/json");
            assertThat(code.json().get("phone").asText()).isEqualTo(ALICE_PHONE);
            assertThat(code.json().get("expiresIn").asInt()).isEqualTo(600);
            assertThat(code.json().get("id").asText()).matches("[A-Za-z0-9_-]{22}");
            assertThat(api.messages()).hasSize(1);
            assertThat(api.messages().get(0)[0]).isEqualTo(ALICE_PHONE);

            SignupApi.Response created = api.createAccount(code.json().get("id").asText(), api.lastCode(ALICE_PHONE), null);
            assertThat(created.status()).isEqualTo(201);
            SignupApi.Account alice = new SignupApi.Account(created.json().get("jid").asText(), created.json().get("token").asText());
            assertThat(alice.jid()).isEqualTo("447400123456@tern.test");
            assertThat(alice.token()).matches("[A-Za-z0-9_-]{43}");

            SignupApi.Response bobCode = api.postJson("/v1/verifications", "{\"phone\":\"" + BOB_LOCAL + "\",\"region\":\"GB\"}");
            assertThat(bobCode.status()).isEqualTo(201);
            assertThat(bobCode.json().get("phone").asText()).isEqualTo("+447400123457");
            SignupApi.Response bobCreated = api.createAccount(bobCode.json().get("id").asText(), api.lastCode("+447400123457"), null);
            assertThat(bobCreated.status()).isEqualTo(201);
            SignupApi.Account bob = new SignupApi.Account(bobCreated.json().get("jid").asText(), bobCreated.json().get("token").asText());
            assertThat(bob.jid()).isEqualTo("447400123457@tern.test");

            XMPPTCPConnection aliceXmpp = tern.login(alice.user(), alice.token(), "phone");
            XMPPTCPConnection bobXmpp = tern.login(bob.user(), bob.token(), "phone");
            BlockingQueue<Message> aliceInbox = inbox(aliceXmpp);
            BlockingQueue<Message> bobInbox = inbox(bobXmpp);
            PingManager.getInstanceFor(aliceXmpp).pingMyServer();
            PingManager.getInstanceFor(bobXmpp).pingMyServer();

            aliceXmpp.sendStanza(chat(bob.jid(), "hi Bob, it's Alice"));
            Message atBob = bobInbox.poll(10, TimeUnit.SECONDS);
            assertThat(atBob).isNotNull();
            assertThat(atBob.getBody()).isEqualTo("hi Bob, it's Alice");
            assertThat(atBob.getFrom().toString()).isEqualTo(alice.jid() + "/phone");

            bobXmpp.sendStanza(chat(alice.jid(), "hello Alice"));
            Message atAlice = aliceInbox.poll(10, TimeUnit.SECONDS);
            assertThat(atAlice).isNotNull();
            assertThat(atAlice.getBody()).isEqualTo("hello Alice");
            assertThat(atAlice.getFrom().toString()).isEqualTo(bob.jid() + "/phone");
        }
    }

    static BlockingQueue<Message> inbox(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> q.add((Message) s), StanzaTypeFilter.MESSAGE);
        return q;
    }

    static Message chat(String to, String body) throws Exception {
        return StanzaBuilder.buildMessage().to(JidCreate.from(to)).ofType(Message.Type.chat).setBody(body).build();
    }
}
