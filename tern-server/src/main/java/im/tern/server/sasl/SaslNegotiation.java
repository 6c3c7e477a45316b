package im.tern.server.sasl;

import im.tern.core.Namespaces;
import im.tern.xml.Element;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream's SASL exchange (RFC 6120 section 6.4): turns {@code <auth/>}, {@code <response/>} and
 * {@code <abort/>} into challenges, success or failures, counting failures towards the back-off.
 * The returned stage may complete on another thread; the stream applies the outcome on its own loop.
 */
public final class SaslNegotiation {
    private static final Logger log = LoggerFactory.getLogger(SaslNegotiation.class);
    /** RFC 6120 section 6.4.5 wants at least two retries and advises at most five. */
    public static final int MAX_FAILURES_PER_STREAM = 5;

    /** What to send; {@code username} and the {@code device} whose credential it was are set on success. */
    public record Outcome(Element reply, String username, String device, boolean failed) {}

    private final SaslMechanisms mechanisms;
    private final LoginBackoff backoff;
    private final String address;
    private SaslMechanism current;
    private int failures;

    public SaslNegotiation(SaslMechanisms mechanisms, LoginBackoff backoff, String address) {
        this.mechanisms = mechanisms;
        this.backoff = backoff;
        this.address = address;
    }

    public int failures() { return failures; }

    public CompletionStage<Outcome> handle(Element e, boolean secure) {
        switch (e.name()) {
            case "auth": {
                current = null;
                if (backoff.addressBlocked(address)) return fail("temporary-auth-failure", null, false);
                String name = e.attr("mechanism");
                if (name == null || !mechanisms.offered(true).contains(name)) return fail("invalid-mechanism", null, false);
                if (!mechanisms.offered(secure).contains(name)) return fail("encryption-required", null, false);
                current = mechanisms.create(name);
                return step(e.text());
            }
            case "response":
                if (current == null) return fail("malformed-request", null, false);
                return step(e.text());
            case "abort":
                current = null;
                return fail("aborted", null, false);
            default:
                return fail("malformed-request", null, false);
        }
    }

    private CompletionStage<Outcome> step(String text) {
        byte[] data;
        String trimmed = text.strip();
        if (trimmed.isEmpty()) data = null; // no initial response
        else if (trimmed.equals("=")) data = new byte[0];
        else {
            try {
                data = Base64.getMimeDecoder().decode(trimmed);
            } catch (IllegalArgumentException ex) {
                current = null;
                return fail("incorrect-encoding", null, true);
            }
        }
        SaslMechanism mechanism = current;
        return mechanism.evaluate(data).thenApply(step -> switch (step.kind()) {
            case CHALLENGE -> new Outcome(withData("challenge", step.data()), null, null, false);
            case SUCCESS -> succeeded(step.username(), step.device(), step.data());
            case FAILURE -> failed(step.condition(), step.username(), true);
        });
    }

    private Outcome succeeded(String username, String device, byte[] data) {
        current = null;
        if (backoff.userBlocked(username)) return failed("temporary-auth-failure", null, false);
        log.debug("{} ({}) authenticated from {}", username, device, address);
        return new Outcome(withData("success", data), username, device, false);
    }

    private Outcome failed(String condition, String username, boolean counts) {
        current = null;
        if (counts) {
            // One line per failed login, for operators and tools such as fail2ban.
            log.info("authentication failed for {} from {}: {}", username == null ? "(unknown)" : username, address, condition);
            failures++;
            backoff.failed(address, username);
        }
        Element failure = Element.builder("failure", Namespaces.SASL)
                .child(Element.empty(condition, Namespaces.SASL)).build();
        return new Outcome(failure, null, null, true);
    }

    private CompletionStage<Outcome> fail(String condition, String username, boolean counts) {
        return CompletableFuture.completedFuture(failed(condition, username, counts));
    }

    private static Element withData(String name, byte[] data) {
        Element.Builder b = Element.builder(name, Namespaces.SASL);
        if (data != null && data.length > 0) b.text(Base64.getEncoder().encodeToString(data));
        return b.build();
    }
}
