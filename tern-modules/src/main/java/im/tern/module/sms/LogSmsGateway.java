package im.tern.module.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For development and tests: writes exactly one INFO line {@code sms to=+E164 code=NNNNNN} to the
 * {@value #LOGGER} logger instead of sending anything. Never use it where the log is readable by others.
 */
public final class LogSmsGateway implements SmsGateway {
    public static final String LOGGER = "tern.sms";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void send(Sms sms) {
        LOG.info("sms to={} code={}", sms.to(), sms.code());
    }
}
