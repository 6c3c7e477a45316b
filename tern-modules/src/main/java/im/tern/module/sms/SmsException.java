package im.tern.module.sms;

/** A message the gateway did not accept: unreachable, refused, timed out, or answered with an error. */
public final class SmsException extends Exception {
    public SmsException(String message) {
        super(message);
    }

    public SmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
