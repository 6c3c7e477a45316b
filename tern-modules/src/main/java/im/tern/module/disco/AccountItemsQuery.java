package im.tern.module.disco;

import im.tern.core.Jid;
import java.util.ArrayList;
import java.util.List;

/**
 * A disco#items request to an account, fired through the hooks so a feature adds the items it hosts
 * there (as Prosody's {@code account-disco-items}): PEP lists the nodes the requester may see, or the
 * items of one node. For a node the answer is the hooks' alone, unknown unless a hook calls {@link #found()}.
 */
public final class AccountItemsQuery {
    private final Jid account;
    private final Jid requester;
    private final String node;
    private final boolean authorised;
    private final List<DiscoItems.Item> items = new ArrayList<>();
    private boolean found;

    public AccountItemsQuery(Jid account, Jid requester, String node, boolean authorised) {
        this.account = account;
        this.requester = requester;
        this.node = node;
        this.authorised = authorised;
    }

    public Jid account() { return account; }

    public Jid requester() { return requester; }

    /** The node asked about, or null for the account itself. */
    public String node() { return node; }

    /** Whether the requester is the account itself or a contact it shares presence with. */
    public boolean authorised() { return authorised; }

    public synchronized void add(DiscoItems.Item item) { items.add(item); }

    /** The node exists and the requester may learn about it. */
    public synchronized void found() { found = true; }

    synchronized boolean isFound() { return found; }

    synchronized List<DiscoItems.Item> items() { return List.copyOf(items); }
}
