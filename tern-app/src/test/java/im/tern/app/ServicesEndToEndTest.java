package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Service discovery, ping, software version and vCards through Smack's managers. */
class ServicesEndToEndTest {
    static RunningTern tern;

    @BeforeAll
    static void start() throws Exception {
        tern = RunningTern.start();
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
    }

    @AfterAll
    static void stop() {
        tern.close();
    }

    @Test
    void serverAnnouncesItsFeaturesInDiscoInfo() throws Exception {
        XMPPTCPConnection c = tern.login("alice", "pw", "disco");
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(c).discoverInfo(JidCreate.domainBareFrom("tern.test"));
        assertThat(info.getIdentities()).anySatisfy(i -> {
            assertThat(i.getCategory()).isEqualTo("server");
            assertThat(i.getType()).isEqualTo("im");
        });
        assertThat(info.containsFeature("http://jabber.org/protocol/disco#info")).isTrue();
        assertThat(info.containsFeature("urn:xmpp:ping")).isTrue();
        assertThat(info.containsFeature("jabber:iq:version")).isTrue();
        assertThat(info.containsFeature("vcard-temp")).isTrue();
    }

    @Test
    void pingingTheServerSucceeds() throws Exception {
        XMPPTCPConnection c = tern.login("alice", "pw", "ping");
        assertThat(PingManager.getInstanceFor(c).pingMyServer(true)).isTrue();
    }

    @Test
    void serverReportsItsSoftwareVersion() throws Exception {
        XMPPTCPConnection c = tern.login("alice", "pw", "version");
        Version v = VersionManager.getInstanceFor(c).getVersion(JidCreate.from("tern.test"));
        assertThat(v.getName()).isEqualTo("Tern");
        assertThat(v.getVersion()).isNotBlank();
    }

    @Test
    void vcardSavedByOneUserIsReadByAnother() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "vcard");
        VCard mine = new VCard();
        mine.setNickName("Ally");
        mine.setEmailHome("alice@example.org");
        VCardManager.getInstanceFor(alice).saveVCard(mine);

        XMPPTCPConnection bob = tern.login("bob", "pw", "vcard");
        VCard hers = VCardManager.getInstanceFor(bob).loadVCard(JidCreate.entityBareFrom("alice@tern.test"));
        assertThat(hers.getNickName()).isEqualTo("Ally");
        assertThat(hers.getEmailHome()).isEqualTo("alice@example.org");
    }

    @Test
    void oneClientQueriesAnotherClientsVersionThroughTheServer() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "asker");
        XMPPTCPConnection bob = tern.login("bob", "pw", "answerer");
        VersionManager.getInstanceFor(bob).setVersion("BobClient", "1.2");
        Version v = VersionManager.getInstanceFor(alice).getVersion(bob.getUser());
        assertThat(v.getName()).startsWith("BobClient");
    }

    @Test
    void iqToAnUnknownAccountIsServiceUnavailable() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "unknown");
        assertThatThrownBy(() -> VersionManager.getInstanceFor(alice).getVersion(JidCreate.from("ghost@tern.test/x")))
                .isInstanceOfSatisfying(XMPPErrorException.class, e ->
                        assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable));
    }
}
