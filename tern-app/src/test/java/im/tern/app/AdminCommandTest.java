package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tern admin user ...} on the data directory of a server that is running. */
class AdminCommandTest {
    RunningTern tern;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        tern = RunningTern.start();
    }

    @AfterEach
    void stop() {
        tern.close();
    }

    int tern(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = tern.data.toString();
        all[args.length + 2] = "--domain";
        all[args.length + 3] = RunningTern.DOMAIN;
        return cl.execute(all);
    }

    @Test
    void userAddedWhileTheServerRunsCanLogInAtOnce() throws Exception {
        assertThat(tern("admin", "user", "add", "dave@tern.test", "s3cret")).isZero();
        assertThat(out.toString()).contains("added dave@tern.test");

        XMPPTCPConnection c = tern.login("dave", "s3cret", "cli");
        assertThat(c.isAuthenticated()).isTrue();
    }

    @Test
    void listShowsAccountsAndDeleteRemovesThem() throws Exception {
        tern("admin", "user", "add-bulk", "--prefix", "load", "--count", "3", "--password", "pw");
        tern("admin", "user", "list");
        assertThat(out.toString()).contains("load1@tern.test", "load2@tern.test", "load3@tern.test");

        assertThat(tern("admin", "user", "delete", "load2@tern.test")).isZero();
        XMPPTCPConnection c = tern.connection(tern.config("load2", "pw", "x").build());
        c.connect();
        assertThatThrownBy(c::login).isInstanceOf(SASLErrorException.class);
    }

    @Test
    void bulkAccountsMayBePhoneNumbersOfOneWidth() {
        tern("admin", "user", "add-bulk", "--prefix", "447400", "--width", "6", "--count", "12", "--password", "pw");
        tern("admin", "user", "list");
        assertThat(out.toString()).contains("447400000001@tern.test", "447400000012@tern.test").doesNotContain("4474001@");
    }

    @Test
    void addingAnExistingAccountFailsWithAMessage() {
        tern("admin", "user", "add", "erin", "pw");
        assertThat(tern("admin", "user", "add", "erin", "pw2")).isEqualTo(1);
        assertThat(err.toString()).contains("already exists");
    }

    @Test
    void anAddressOnAnotherDomainIsRefused() {
        assertThat(tern("admin", "user", "add", "frank@elsewhere.example", "pw")).isNotZero();
        assertThat(err.toString()).contains("not on this server's domain");
    }

    @Test
    void passwdChangesThePasswordAndTheLinkedDevicesGoOn() throws Exception {
        try (SignupApi api = new SignupApi(tern)) {
            SignupApi.Account alice = api.signUp("+447400123456");
            SignupApi.Device web = api.link(alice, "web");

            assertThat(tern("admin", "user", "passwd", alice.jid(), "chosen by the admin")).isZero();
            assertThat(out.toString()).contains("password changed for " + alice.jid());

            assertThat(tern.login(alice.user(), "chosen by the admin", "phone").isAuthenticated()).isTrue();
            assertThat(tern.login(web.user(), web.token(), "web").isAuthenticated()).isTrue();
            XMPPTCPConnection old = tern.connection(tern.config(alice.user(), alice.token(), "old").build());
            old.connect();
            assertThatThrownBy(old::login).isInstanceOf(SASLErrorException.class);
            assertThat(tern("admin", "user", "passwd", "nobody", "pw")).isEqualTo(1);
        }
    }
}
