package im.tern.module.pep;

import im.tern.core.Jid;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link PepAccessRule}s in force. The application makes one and hands it to the PEP module and to
 * whichever module adds a rule (privacy settings), as it does with {@code DiscoItems}; a viewer sees a
 * node only when every rule allows it.
 */
public final class PepAccessRules {
    private final List<PepAccessRule> rules = new CopyOnWriteArrayList<>();

    public void add(PepAccessRule rule) { rules.add(Objects.requireNonNull(rule, "rule")); }

    boolean allow(Jid owner, String node, Jid viewer, boolean contact) {
        for (PepAccessRule r : rules) if (!r.allows(owner, node, viewer, contact)) return false;
        return true;
    }
}
