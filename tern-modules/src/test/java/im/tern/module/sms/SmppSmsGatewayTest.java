package im.tern.module.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMPP gateway against an SMSC the test runs with jsmpp's server side. */
class SmppSmsGatewayTest {
    /** A minimal SMSC: accepts transmitter binds with the right password and keeps every submit_sm. */
    static final class TestSmsc implements ServerMessageReceiverListener, AutoCloseable {
        final List<SubmitSm> submitted = new CopyOnWriteArrayList<>();
        final List<String> boundSystemIds = new CopyOnWriteArrayList<>();
        final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
        final AtomicInteger ids = new AtomicInteger();
        final SMPPServerSessionListener listener;
        final ExecutorService accepting = Executors.newSingleThreadExecutor();

        TestSmsc(int port) throws IOException {
            listener = new SMPPServerSessionListener(port);
            listener.setMessageReceiverListener(this);
            accepting.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        SMPPServerSession s = listener.accept();
                        sessions.add(s);
                        BindRequest bind = s.waitForBind(5000);
                        if (bind.getBindType() == BindType.BIND_TX && "secret".equals(bind.getPassword())) {
                            boundSystemIds.add(bind.getSystemId());
                            bind.accept("test-smsc");
                        } else {
                            bind.reject(0x0E); // ESME_RINVPASWD
                        }
                    } catch (Exception e) {
                        if (Thread.currentThread().isInterrupted()) return;
                    }
                }
            });
        }

        /** Drops every bound connection, as an SMSC restart would. */
        void dropSessions() {
            for (SMPPServerSession s : sessions) s.close();
            sessions.clear();
        }

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            submitted.add(submitSm);
            try {
                return new SubmitSmResult(new MessageId(Integer.toHexString(ids.incrementAndGet())), null);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 8);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void close() throws IOException {
            accepting.shutdownNow();
            dropSessions();
            listener.close();
        }
    }

    private int port;
    private TestSmsc smsc;
    private SmppSmsGateway gateway;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        smsc = new TestSmsc(port);
        gateway = gateway("secret");
    }

    @AfterEach
    void stop() throws IOException {
        gateway.close();
        smsc.close();
    }

    private SmppSmsGateway gateway(String password) {
        return new SmppSmsGateway(new SmppSmsGateway.Settings("127.0.0.1", port, "tern", password, "", "Tern",
                Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(30)));
    }

    @Test
    void codeReachesTheSmscAddressedToTheInternationalNumber() throws Exception {
        gateway.send(new Sms("+447400123456", "493817", "Your Tern code is 493817. Do not share it."));

        assertThat(smsc.boundSystemIds).containsExactly("tern");
        assertThat(smsc.submitted).hasSize(1);
        SubmitSm sm = smsc.submitted.get(0);
        assertThat(sm.getDestAddress()).isEqualTo("447400123456");
        assertThat(sm.getDestAddrTon()).isEqualTo((byte) 1); // international
        assertThat(sm.getDestAddrNpi()).isEqualTo((byte) 1); // ISDN (E.164)
        assertThat(sm.getSourceAddr()).isEqualTo("Tern");
        assertThat(sm.getSourceAddrTon()).isEqualTo((byte) 5); // alphanumeric
        assertThat(new String(sm.getShortMessage(), StandardCharsets.US_ASCII)).contains("493817");
    }

    @Test
    void oneBindServesManyMessagesAndNonAsciiTextGoesAsUcs2() throws Exception {
        gateway.send(new Sms("+447400123456", "111111", "code 111111"));
        gateway.send(new Sms("+33612345678", "222222", "Votre code Tern : 222222 — merci"));

        assertThat(smsc.boundSystemIds).hasSize(1);
        SubmitSm second = smsc.submitted.get(1);
        assertThat(second.getDestAddress()).isEqualTo("33612345678");
        assertThat(second.getDataCoding()).isEqualTo((byte) 0x08);
        assertThat(new String(second.getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Votre code Tern : 222222 — merci");
    }

    @Test
    void aLostConnectionIsBoundAgainAndTheMessageStillGoes() throws Exception {
        gateway.send(new Sms("+447400123456", "111111", "code 111111"));
        smsc.dropSessions();
        Thread.sleep(200);

        gateway.send(new Sms("+447400123456", "222222", "code 222222"));

        assertThat(smsc.boundSystemIds).hasSize(2);
        assertThat(smsc.submitted).extracting(sm -> new String(sm.getShortMessage(), StandardCharsets.US_ASCII))
                .containsExactly("code 111111", "code 222222");
    }

    @Test
    void aRefusedBindOrAMissingSmscIsAFailure() throws IOException {
        try (SmppSmsGateway wrong = gateway("wrong")) {
            assertThatThrownBy(() -> wrong.send(new Sms("+447400123456", "1", "code 1"))).isInstanceOf(SmsException.class);
        }
        smsc.close();
        try (SmppSmsGateway nobody = gateway("secret")) {
            assertThatThrownBy(() -> nobody.send(new Sms("+447400123456", "1", "code 1")))
                    .isInstanceOf(SmsException.class).hasMessageContaining("cannot bind");
        }
        assertThat(smsc.submitted).isEmpty();
    }
}
