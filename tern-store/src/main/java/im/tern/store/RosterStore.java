package im.tern.store;

import im.tern.core.Jid;
import java.util.Map;
import java.util.Optional;

/**
 * Rosters (RFC 6121) with XEP-0237 versions, and inbound subscription requests kept while the
 * user is offline. A version is a per-user counter: every change raises it, a no-op keeps it.
 */
public interface RosterStore {
    Roster roster(String user);

    Optional<RosterItem> item(String user, Jid contact);

    /** Adds or replaces the item for {@code item.jid()}; returns the roster version after the write. */
    String put(String user, RosterItem item);

    /** Removes the item if present; returns the roster version after the write. */
    String remove(String user, Jid contact);

    /** Keeps the latest subscribe presence from {@code from}, replacing an earlier one. */
    void addPendingIn(String user, Jid from, String presenceXml);

    void removePendingIn(String user, Jid from);

    /** Pending inbound subscription requests: contact to the presence stanza as XML. */
    Map<Jid, String> pendingIn(String user);

    /** Removes the user's roster, version and pending requests. */
    void deleteAll(String user);

    /**
     * Removes a deleted account from every other roster: the items naming it (its bare JID or any full JID of it)
     * and the subscription requests it left pending. Returns each user whose roster changed, with the version
     * after the change, for the roster pushes.
     */
    Map<String, String> removeEverywhere(Jid account);
}
