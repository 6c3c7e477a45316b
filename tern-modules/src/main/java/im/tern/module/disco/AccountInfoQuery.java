package im.tern.module.disco;

import im.tern.core.Jid;
import im.tern.core.module.Disco;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A disco#info request to an account, fired through the hooks before the answer is built, so a feature
 * that serves on accounts adds to it (as Prosody's {@code account-disco-info}): PEP adds its identity
 * for the account, and answers for the nodes it hosts. For a node, the answer is the hooks' alone, and
 * the node is unknown unless a hook calls {@link #found()}. Hooks run one after another.
 */
public final class AccountInfoQuery {
    private final Jid account;
    private final Jid requester;
    private final String node;
    private final boolean authorised;
    private final List<Disco.Identity> identities = new ArrayList<>();
    private final Set<String> features = new LinkedHashSet<>();
    private boolean found;

    public AccountInfoQuery(Jid account, Jid requester, String node, boolean authorised) {
        this.account = account;
        this.requester = requester;
        this.node = node;
        this.authorised = authorised;
    }

    public Jid account() { return account; }

    public Jid requester() { return requester; }

    /** The node asked about, or null for the account itself. */
    public String node() { return node; }

    /**
     * Whether the requester is the account itself or a contact it shares presence with. The account's own
     * info is answered only to them; a node's as the feature that hosts it decides.
     */
    public boolean authorised() { return authorised; }

    public synchronized void addIdentity(Disco.Identity identity) { identities.add(identity); }

    public synchronized void addFeature(String var) { features.add(var); }

    /** The node exists and the requester may learn about it. */
    public synchronized void found() { found = true; }

    synchronized boolean isFound() { return found; }

    synchronized List<Disco.Identity> identities() { return List.copyOf(identities); }

    synchronized Set<String> features() { return Set.copyOf(features); }
}
