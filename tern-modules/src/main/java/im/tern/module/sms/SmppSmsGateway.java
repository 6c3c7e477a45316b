package im.tern.module.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through an SMSC over SMPP 3.4 as a transmitter ({@code bind_transmitter}, {@code submit_sm}). The
 * session is bound on the first message and kept, with {@code enquire_link} keep-alives; when it is found
 * unbound, or a submit fails on the connection, it is dropped and bound again, and the message is tried once
 * more. A negative answer from the SMSC (a refused message) is not retried.
 *
 * <p>The destination goes as an international ISDN number. The source is an alphanumeric sender id, a
 * {@code +}international number, or digits (a short code), each with the matching TON/NPI. Texts in ASCII go
 * in the SMSC's default alphabet, anything else as UCS-2; one message holds at most 254 octets.
 */
public final class SmppSmsGateway implements SmsGateway {
    private static final Logger LOG = LoggerFactory.getLogger(SmppSmsGateway.class);
    private static final int MAX_OCTETS = 254;

    /** Where the SMSC is and how to bind to it. */
    public record Settings(String host, int port, String systemId, String password, String systemType,
                           String sourceAddress, Duration bindTimeout, Duration submitTimeout, Duration enquireLinkInterval) {
        public Settings {
            Objects.requireNonNull(host, "sms.smpp.host is required for the smpp gateway");
            Objects.requireNonNull(systemId, "sms.smpp.systemId is required for the smpp gateway");
            password = password == null ? "" : password;
            systemType = systemType == null ? "" : systemType;
            sourceAddress = sourceAddress == null ? "" : sourceAddress;
        }
    }

    private final Settings settings;
    private SMPPSession session; // guarded by this
    private boolean closed;      // guarded by this

    public SmppSmsGateway(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void send(Sms sms) throws SmsException {
        Exception last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            SMPPSession s = bound();
            try {
                String id = submit(s, sms);
                LOG.debug("submit_sm to {} accepted as {}", sms.to(), id);
                return;
            } catch (NegativeResponseException e) {
                throw new SmsException("the SMSC refused the message (command status " + e.getCommandStatus() + ")", e);
            } catch (PDUException e) {
                throw new SmsException("the message cannot be put in a submit_sm: " + e.getMessage(), e);
            } catch (IOException | ResponseTimeoutException | InvalidResponseException e) {
                LOG.warn("SMPP submit failed on {}:{}, binding again: {}", settings.host(), settings.port(), e.toString());
                drop(s);
                last = e;
            }
        }
        throw new SmsException("SMPP submit failed twice: " + last.getMessage(), last);
    }

    private String submit(SMPPSession s, Sms sms) throws PDUException, ResponseTimeoutException, InvalidResponseException,
            NegativeResponseException, IOException, SmsException {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(sms.text());
        byte[] text = sms.text().getBytes(ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE);
        if (text.length > MAX_OCTETS) throw new SmsException("the text is " + text.length + " octets; one SMPP message holds " + MAX_OCTETS);
        String source = settings.sourceAddress();
        TypeOfNumber sourceTon;
        NumberingPlanIndicator sourceNpi;
        if (source.startsWith("+")) {
            source = source.substring(1);
            sourceTon = TypeOfNumber.INTERNATIONAL;
            sourceNpi = NumberingPlanIndicator.ISDN;
        } else if (!source.isEmpty() && source.chars().allMatch(Character::isDigit)) {
            sourceTon = TypeOfNumber.UNKNOWN;
            sourceNpi = NumberingPlanIndicator.ISDN;
        } else {
            sourceTon = source.isEmpty() ? TypeOfNumber.UNKNOWN : TypeOfNumber.ALPHANUMERIC;
            sourceNpi = NumberingPlanIndicator.UNKNOWN;
        }
        return s.submitShortMessage("", sourceTon, sourceNpi, source,
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, sms.toDigits(),
                new ESMClass(), (byte) 0, (byte) 1, null, null,
                new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                new GeneralDataCoding(ascii ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2), (byte) 0, text).getMessageId();
    }

    /** The bound session, binding a new one when there is none or it was lost. */
    private synchronized SMPPSession bound() throws SmsException {
        if (closed) throw new SmsException("the SMPP gateway is shut down");
        if (session != null && session.getSessionState().isBound()) return session;
        if (session != null) session.unbindAndClose();
        session = null;
        SMPPSession s = new SMPPSession();
        s.setTransactionTimer(settings.submitTimeout().toMillis());
        s.setEnquireLinkTimer((int) settings.enquireLinkInterval().toMillis());
        try {
            s.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TX, settings.systemId(),
                    settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    settings.bindTimeout().toMillis());
        } catch (IOException e) {
            s.close();
            throw new SmsException("cannot bind to the SMSC at " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        LOG.info("bound to SMSC {}:{} as transmitter {}", settings.host(), settings.port(), settings.systemId());
        session = s;
        return s;
    }

    private synchronized void drop(SMPPSession s) {
        if (session == s) session = null;
        s.unbindAndClose();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (session != null) session.unbindAndClose();
        session = null;
    }
}
