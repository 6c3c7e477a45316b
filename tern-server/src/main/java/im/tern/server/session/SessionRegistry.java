package im.tern.server.session;

import im.tern.core.Jid;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bound sessions by account. One map entry per online account holding a small array of its
 * resources: lookups by full JID scan that array, which is shorter than a second map is heavy.
 */
public final class SessionRegistry implements Sessions {
    private static final LocalSession[] NONE = new LocalSession[0];

    private final Map<Jid, LocalSession[]> byAccount = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    /** Registers the session, returning the one it displaced on the same full JID (to be closed), or null. */
    public LocalSession bind(LocalSession session) {
        LocalSession[] displaced = new LocalSession[1];
        byAccount.compute(session.jid().bare(), (bare, current) -> {
            LocalSession[] list = current == null ? NONE : current;
            for (int i = 0; i < list.length; i++) {
                if (list[i].jid().equals(session.jid())) {
                    displaced[0] = list[i];
                    LocalSession[] copy = list.clone();
                    copy[i] = session;
                    return copy;
                }
            }
            LocalSession[] copy = Arrays.copyOf(list, list.length + 1);
            copy[list.length] = session;
            return copy;
        });
        if (displaced[0] == null) count.incrementAndGet();
        return displaced[0];
    }

    /** Removes this session if it is still the one bound to its JID; false when it was displaced already. */
    public boolean unbind(LocalSession session) {
        boolean[] removed = new boolean[1];
        byAccount.computeIfPresent(session.jid().bare(), (bare, list) -> {
            for (int i = 0; i < list.length; i++) {
                if (list[i] == session) {
                    removed[0] = true;
                    if (list.length == 1) return null;
                    LocalSession[] copy = new LocalSession[list.length - 1];
                    System.arraycopy(list, 0, copy, 0, i);
                    System.arraycopy(list, i + 1, copy, i, list.length - i - 1);
                    return copy;
                }
            }
            return list;
        });
        if (removed[0]) count.decrementAndGet();
        return removed[0];
    }

    @Override
    public List<Session> of(Jid bare) {
        LocalSession[] list = byAccount.get(bare.bare());
        return list == null ? List.of() : List.of(list);
    }

    @Override
    public LocalSession get(Jid full) {
        LocalSession[] list = byAccount.get(full.bare());
        if (list == null) return null;
        for (LocalSession s : list) if (s.jid().equals(full)) return s;
        return null;
    }

    @Override
    public int count() { return count.get(); }

    /** Every bound session, for shutdown. */
    public List<LocalSession> all() {
        List<LocalSession> out = new ArrayList<>(count.get());
        for (LocalSession[] list : byAccount.values()) out.addAll(Arrays.asList(list));
        return out;
    }
}
