package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.parts.Localpart;

/** XEP-0077 in-band registration: off by default, and when on, the full account life cycle. */
class RegistrationEndToEndTest {

    @Test
    void accountCreatedInBandLogsInChangesPasswordAndCancels() throws Exception {
        try (RunningTern tern = RunningTern.start(cfg -> cfg.registration.inBand = true)) {
            XMPPTCPConnection anon = tern.connection(tern.config("x", "x", "x").build());
            anon.connect();
            AccountManager accounts = AccountManager.getInstance(anon);
            assertThat(accounts.supportsAccountCreation()).isTrue();
            accounts.createAccount(Localpart.from("newbie"), "first");
            assertThatThrownBy(() -> accounts.createAccount(Localpart.from("newbie"), "again"))
                    .isInstanceOfSatisfying(XMPPErrorException.class, e ->
                            assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.conflict));
            anon.disconnect();

            XMPPTCPConnection c = tern.login("newbie", "first", "r");
            AccountManager.getInstance(c).changePassword("second");
            c.disconnect();
            XMPPTCPConnection again = tern.login("newbie", "second", "r");
            AccountManager.getInstance(again).deleteAccount();

            XMPPTCPConnection gone = tern.connection(tern.config("newbie", "second", "r").build());
            gone.connect();
            assertThatThrownBy(gone::login).isInstanceOf(SASLErrorException.class);
        }
    }

    @Test
    void registrationIsRefusedWhenNotEnabled() throws Exception {
        try (RunningTern tern = RunningTern.start()) {
            XMPPTCPConnection anon = tern.connection(tern.config("x", "x", "x").build());
            anon.connect();
            AccountManager accounts = AccountManager.getInstance(anon);
            accounts.sensitiveOperationOverInsecureConnection(true);
            assertThat(anon.hasFeature("register", "http://jabber.org/features/iq-register")).isFalse();
            assertThatThrownBy(() -> accounts.createAccount(Localpart.from("sneaky"), "pw")).isNotNull();
            assertThat(tern.server.database().store(im.tern.store.UserStore.class).exists("sneaky")).isFalse();
        }
    }
}
