package im.tern.server.sasl;

import java.util.concurrent.CompletionStage;

/** The server side of one authentication exchange; one instance per attempt, used on one thread at a time. */
public interface SaslMechanism {
    /**
     * Evaluates the client's next message: first the initial response (null when the client sent none),
     * then each {@code <response/>}. Slow work (store look-ups, PBKDF2) runs off the caller's thread.
     */
    CompletionStage<SaslStep> evaluate(byte[] response);
}
