package im.tern.module.pep;

import im.tern.core.Jid;
import im.tern.core.module.Disco;
import im.tern.core.module.Hook;
import im.tern.module.disco.AccountInfoQuery;
import im.tern.module.disco.AccountItemsQuery;
import im.tern.module.disco.DiscoItems;
import im.tern.store.PepStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * PEP in an account's service discovery (XEP-0163 section 6, XEP-0060 section 5): the {@code pubsub/pep}
 * identity; the nodes a requester may see as the account's items; and for one such node a
 * {@code pubsub/leaf} identity and its item ids. Nodes the requester may not see do not show.
 */
final class PepDisco {
    static final Disco.Identity PEP = new Disco.Identity("pubsub", "pep", null);
    static final Disco.Identity LEAF = new Disco.Identity("pubsub", "leaf", null);

    private final PepStore store;
    private final Access access;
    private final PepSettings settings;
    private final Executor blocking;

    PepDisco(PepStore store, Access access, PepSettings settings, Executor blocking) {
        this.store = store;
        this.access = access;
        this.settings = settings;
        this.blocking = blocking;
    }

    CompletionStage<Hook.Outcome> info(AccountInfoQuery q) {
        if (q.node() == null) {
            q.addIdentity(PEP);
            return Hook.CONTINUE;
        }
        if (q.node().length() > PubSub.MAX_NAME_LENGTH) return Hook.CONTINUE;
        return CompletableFuture.supplyAsync(() -> {
            if (visible(q.account(), q.node(), q.requester()).isPresent()) {
                q.found();
                q.addIdentity(LEAF);
                q.addFeature(PubSub.NS);
            }
            return Hook.Outcome.CONTINUE;
        }, blocking);
    }

    CompletionStage<Hook.Outcome> items(AccountItemsQuery q) {
        if (q.node() != null && q.node().length() > PubSub.MAX_NAME_LENGTH) return Hook.CONTINUE;
        Jid owner = q.account();
        return CompletableFuture.supplyAsync(() -> {
            if (q.node() == null) {
                Access.Relation relation = access.relation(owner, q.requester());
                for (PepStore.Node stored : store.nodes(List.of(owner.local()), List.of()).getOrDefault(owner.local(), List.of())) {
                    PepNode node = PepNode.of(stored);
                    if (access.allows(owner, node.name(), node.config(), q.requester(), relation)) {
                        q.add(new DiscoItems.Item(owner, node.config().title(), node.name()));
                    }
                }
            } else if (visible(owner, q.node(), q.requester()).isPresent()) {
                q.found();
                for (PepStore.Item item : store.items(owner.local(), q.node(), List.of(), settings.maxItemsPerNode())) {
                    q.add(new DiscoItems.Item(owner, item.id(), null));
                }
            }
            return Hook.Outcome.CONTINUE;
        }, blocking);
    }

    /** Blocking: the node when it exists and the requester may see it. */
    private Optional<PepNode> visible(Jid owner, String name, Jid requester) {
        return store.node(owner.local(), name).map(PepNode::of)
                .filter(n -> access.allows(owner, name, n.config(), requester, access.relation(owner, requester)));
    }
}
