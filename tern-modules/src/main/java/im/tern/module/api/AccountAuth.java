package im.tern.module.api;

import im.tern.core.Jid;
import im.tern.core.auth.AccountCredentials;
import im.tern.core.http.HttpRequest;
import im.tern.store.DeviceStore;
import java.util.Optional;

/**
 * HTTP Basic for the account APIs: the account's JID (or its local part) and a token, the account's own or
 * a linked device's, checked against the stored SCRAM credentials (one PBKDF2 run on the account's salt).
 * Blocking: call it on the blocking pool.
 */
public final class AccountAuth {
    /** Who called: the account, and which of its devices (see {@link AccountCredentials#PRIMARY}). */
    public record Caller(Jid account, String device) {
        public boolean primary() { return AccountCredentials.PRIMARY.equals(device); }

        /** The account's local part, as the stores key it. */
        public String user() { return account.local(); }
    }

    private final DeviceStore devices;
    private final Jid domain;

    public AccountAuth(DeviceStore devices, Jid domain) {
        this.devices = devices;
        this.domain = domain;
    }

    /** The credentials of the request, or a 401 problem when there are none; cheap, for the event loop. */
    public static BasicCredentials credentials(HttpRequest request) {
        BasicCredentials basic = BasicCredentials.parse(request.header("authorization"));
        if (basic == null) throw BasicCredentials.unauthorized("authenticate with your JID and token").exception();
        return basic;
    }

    /** The caller whose token this is; else a {@link ProblemException} with 401 and the Basic challenge. */
    public Caller authenticate(BasicCredentials basic) {
        String name = basic.username();
        Jid jid = Jid.parse(name.contains("@") ? name : name + "@" + domain.domain());
        Optional<AccountCredentials> stored = jid == null || jid.local() == null || jid.resource() != null
                || !jid.domain().equals(domain.domain()) ? Optional.empty() : devices.credentials(jid.local());
        String device = stored.map(c -> c.deviceOf(basic.password())).orElse(null);
        if (device == null) throw BasicCredentials.unauthorized("wrong JID or token").exception();
        return new Caller(jid.bare(), device);
    }

    /** 403 for what only the account's primary device (the phone that signed up) may do. */
    public static Problem primaryOnly(String what) {
        return Problem.of(403, "primary-only", "Only the primary device may do this",
                "only the account's primary device (the phone that signed up) may " + what
                        + "; this token belongs to a linked device");
    }
}
