package im.tern.module.api;

import im.tern.core.Jid;
import im.tern.core.auth.Credentials;
import im.tern.core.http.HttpRequest;
import im.tern.store.UserStore;
import java.util.Optional;

/**
 * The account an HTTP request acts for: HTTP Basic with the account's JID (or its local part) and its token,
 * checked against the stored SCRAM credential. The check derives a key (PBKDF2), so it runs on the blocking pool.
 */
public final class AccountAuth {
    private final UserStore users;
    private final Jid domain;

    public AccountAuth(UserStore users, Jid domain) {
        this.users = users;
        this.domain = domain;
    }

    /** The credentials of the request, or a 401 problem when there are none; cheap, for the event loop. */
    public static BasicCredentials credentials(HttpRequest request) {
        BasicCredentials basic = BasicCredentials.parse(request.header("authorization"));
        if (basic == null) throw BasicCredentials.unauthorized("authenticate with your JID and token").exception();
        return basic;
    }

    /** The account's local part when the token is its password; else a 401 problem. Blocks. */
    public String authenticate(BasicCredentials basic) {
        String name = basic.username();
        Jid jid = Jid.parse(name.contains("@") ? name : name + "@" + domain.domain());
        Optional<Credentials> stored = jid == null || jid.local() == null || jid.resource() != null
                || !jid.domain().equals(domain.domain()) ? Optional.empty() : users.credentials(jid.local());
        if (stored.isEmpty() || !stored.get().sha256().matches(basic.password())) {
            throw BasicCredentials.unauthorized("wrong JID or token").exception();
        }
        return jid.local();
    }
}
