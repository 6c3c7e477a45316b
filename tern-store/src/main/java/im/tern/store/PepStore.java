package im.tern.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Personal eventing (XEP-0163): each account's pubsub nodes and their items. An owner is an account's
 * localpart, as in the other stores. A node's configuration and an item's payload are text the PEP module
 * writes and reads back; the store does not look inside them. Items of a node are ordered by publication,
 * an item published again under its id counting as the newest.
 */
public interface PepStore {
    /** One item: its id, its payload, when it was published (to the millisecond). */
    record Item(String id, String xml, Instant published) {}

    /** One node: its name, its configuration, and its newest item, or null when it holds none. */
    record Node(String name, String config, Item last) {}

    enum Creation { CREATED, EXISTS, LIMIT_REACHED }

    /**
     * Nodes of several owners, each with its newest item, by owner and then by name: those named in
     * {@code names}, or every node when it is empty. Owners without such nodes are absent from the map.
     * One query serves a session coming online with many contacts.
     */
    Map<String, List<Node>> nodes(Collection<String> owners, Collection<String> names);

    Optional<Node> node(String owner, String name);

    /**
     * Creates a node unless it exists or the owner already has {@code maxNodes}; the limit holds exactly
     * under concurrent callers.
     */
    Creation create(String owner, String name, String config, int maxNodes);

    /** Replaces the node's configuration and keeps only its newest {@code keep} items; false when there is no such node. */
    boolean configure(String owner, String name, String config, int keep);

    /**
     * Stores the item as the node's newest, replacing one with the same id, then keeps only the newest
     * {@code keep}; false when there is no such node.
     */
    boolean publish(String owner, String node, Item item, int keep);

    /**
     * Items of a node, oldest first: those with the given ids (unknown ids are skipped), or when
     * {@code ids} is empty the newest {@code max}.
     */
    List<Item> items(String owner, String node, List<String> ids, int max);

    /** Removes one item; false when the node holds no item with that id. */
    boolean retract(String owner, String node, String id);

    /** Removes a node and its items; false when there is no such node. */
    boolean delete(String owner, String name);

    /** Removes every node and item of the owner (the account was deleted). */
    void deleteAll(String owner);
}
