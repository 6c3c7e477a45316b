package im.tern.module.pep;

import im.tern.core.module.Session;
import im.tern.core.module.SessionKey;
import java.util.Set;

/**
 * What a resource wants to be notified of: the features its XEP-0115 capabilities stand for, kept on
 * the session. The set is the one shared by every session with the same verification string, so a
 * session holds a reference, not a copy.
 */
final class Interests {
    /** @param ver the verification string the features were learnt for */
    record Interest(String ver, Set<String> features) {}

    static final SessionKey<Interest> KEY = new SessionKey<>("pep.interest");
    /** The verification string most recently announced, which a late answer for an older one must not overwrite. */
    static final SessionKey<String> ANNOUNCED = new SessionKey<>("pep.announced");

    private Interests() {}

    /** Whether the session's client announced {@code <node>+notify}. */
    static boolean wants(Session session, String node) {
        Interest i = session.get(KEY);
        return i != null && i.features().contains(node + PubSub.NOTIFY);
    }
}
