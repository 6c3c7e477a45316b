package im.tern.module.testing;

import im.tern.core.Jid;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

final class TestSessions implements Sessions {
    private final Map<Jid, List<Session>> byAccount = new ConcurrentHashMap<>();

    void add(Session s) {
        byAccount.compute(s.jid().bare(), (k, list) -> {
            if (list != null && list.stream().anyMatch(o -> o.jid().equals(s.jid()))) throw new IllegalStateException("bound twice: " + s.jid());
            return list == null ? List.of(s) : concat(list, s);
        });
    }

    void remove(Session s) {
        byAccount.computeIfPresent(s.jid().bare(), (k, list) -> {
            List<Session> rest = list.stream().filter(o -> o != s).toList();
            return rest.isEmpty() ? null : rest;
        });
    }

    @Override
    public List<Session> of(Jid bare) { return byAccount.getOrDefault(bare.bare(), List.of()); }

    @Override
    public Session get(Jid full) {
        for (Session s : of(full.bare())) if (s.jid().equals(full)) return s;
        return null;
    }

    @Override
    public int count() { return byAccount.values().stream().mapToInt(List::size).sum(); }

    private static List<Session> concat(List<Session> list, Session s) {
        Session[] all = list.toArray(new Session[list.size() + 1]);
        all[list.size()] = s;
        return List.of(all);
    }
}
