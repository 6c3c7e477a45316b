package im.tern.store;

/** A storage failure the caller cannot fix by changing its arguments: the backend is down, a statement failed. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
