package im.tern.module.blocking;

import im.tern.core.Jid;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** An account's blocked JIDs, in the order they were blocked; immutable. */
record Blocklist(Set<Jid> items) {
    static final Blocklist EMPTY = new Blocklist(Set.of());

    Blocklist {
        items = Collections.unmodifiableSet(new LinkedHashSet<>(items));
    }

    /** Whether some item matches the address (XEP-0016 section 2.1 rules). */
    boolean blocks(Jid address) {
        if (address == null || items.isEmpty()) return false;
        for (Jid item : items) {
            if (matches(item, address)) return true;
        }
        return false;
    }

    static boolean matches(Jid item, Jid address) {
        if (item.local() != null) {
            return item.isFull() ? item.equals(address) : item.equals(address.bare());
        }
        if (!item.domain().equals(address.domain())) return false;
        return item.isFull() ? address.local() == null && item.equals(address) : true;
    }

    Blocklist with(Collection<Jid> added) {
        Set<Jid> next = new LinkedHashSet<>(items);
        next.addAll(added);
        return new Blocklist(next);
    }

    Blocklist without(Collection<Jid> removed) {
        Set<Jid> next = new LinkedHashSet<>(items);
        next.removeAll(removed);
        return new Blocklist(next);
    }
}
