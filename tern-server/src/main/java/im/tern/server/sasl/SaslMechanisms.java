package im.tern.server.sasl;

import im.tern.core.Jid;
import im.tern.core.auth.ScramAlgorithm;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Executor;

/** The mechanisms this server offers, strongest first, and a fresh instance of one per attempt. */
public final class SaslMechanisms {
    public static final String PLAIN = "PLAIN";
    private static final List<String> OVER_TLS = List.of("SCRAM-SHA-256", "SCRAM-SHA-1", PLAIN);
    private static final List<String> IN_CLEAR = List.of("SCRAM-SHA-256", "SCRAM-SHA-1");

    private final Jid domain;
    private final CredentialLookup credentials;
    private final Executor blocking;
    private final byte[] secret = new byte[32];

    public SaslMechanisms(Jid domain, CredentialLookup credentials, Executor blocking) {
        this.domain = domain;
        this.credentials = credentials;
        this.blocking = blocking;
        new SecureRandom().nextBytes(secret);
    }

    /** PLAIN would show the password to anyone on the path, so it is offered only over TLS. */
    public List<String> offered(boolean secure) { return secure ? OVER_TLS : IN_CLEAR; }

    /** A new exchange, or null for a mechanism we do not implement. */
    public SaslMechanism create(String name) {
        if (name == null) return null;
        return switch (name) {
            case "SCRAM-SHA-256" -> new ScramMechanism(ScramAlgorithm.SHA_256, domain, credentials, secret);
            case "SCRAM-SHA-1" -> new ScramMechanism(ScramAlgorithm.SHA_1, domain, credentials, secret);
            case PLAIN -> new PlainMechanism(domain, credentials, blocking);
            default -> null;
        };
    }
}
