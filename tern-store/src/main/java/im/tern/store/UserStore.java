package im.tern.store;

import im.tern.core.auth.Credentials;
import java.util.List;
import java.util.Optional;

/** Accounts and their SCRAM credentials, keyed by the normalised JID localpart. */
public interface UserStore {
    /** Creates the account; false when it already exists. */
    boolean create(String username, Credentials credentials);

    Optional<Credentials> credentials(String username);

    /** Replaces the credentials; false when there is no such account. */
    boolean setCredentials(String username, Credentials credentials);

    /** Deletes the account row only; other stores' data is removed by their own {@code deleteAll}. */
    boolean delete(String username);

    boolean exists(String username);

    /** Usernames in ascending order, one page at a time. */
    List<String> list(int offset, int limit);

    long count();
}
