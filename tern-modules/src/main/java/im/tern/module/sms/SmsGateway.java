package im.tern.module.sms;

/**
 * Where text messages go. {@link #send} blocks until the gateway has accepted the message (not until the phone
 * has it) and throws when it did not; implementations are thread-safe.
 */
public interface SmsGateway extends AutoCloseable {
    void send(Sms sms) throws SmsException;

    /** Lets go of connections; called once on shutdown. */
    @Override
    default void close() {}
}
