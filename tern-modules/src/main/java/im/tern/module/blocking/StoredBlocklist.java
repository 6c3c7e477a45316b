package im.tern.module.blocking;

import im.tern.core.Jid;
import im.tern.store.DocumentStore;

/**
 * Whether an account blocks an address, read from the store, for features outside this package that answer
 * over other paths than routed stanzas (the HTTP profile, privacy checks). Uncached: those are rare beside
 * routing, which the module's own cache serves.
 */
public final class StoredBlocklist {
    private StoredBlocklist() {}

    /** Blocks; true when {@code owner}'s blocklist has an item matching {@code address}. */
    public static boolean blocks(DocumentStore documents, String owner, Jid address) {
        if (address == null) return false;
        return documents.get(owner, Blocklists.KEY).map(xml -> Blocklists.parse(owner, xml)).orElse(Blocklist.EMPTY).blocks(address);
    }
}
