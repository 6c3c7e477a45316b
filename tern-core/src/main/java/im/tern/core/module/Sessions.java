package im.tern.core.module;

import im.tern.core.Jid;
import java.util.List;

/** The sessions bound on this server. */
public interface Sessions {
    /** The sessions of an account, in no particular order; empty when none. */
    List<Session> of(Jid bare);

    /** The session bound to this full JID, or null. */
    Session get(Jid full);

    int count();
}
