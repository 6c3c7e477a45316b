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

    /** Whether the node holds the account's photo (XEP-0084 data or metadata), which "who sees my photo" covers. */
    public static boolean isAvatarNode(String node) {
        return Avatars.DATA.equals(node) || Avatars.METADATA.equals(node);
    }

    public void add(PepAccessRule rule) { rules.add(Objects.requireNonNull(rule, "rule")); }

    boolean allow(Jid owner, String node, Jid viewer, boolean contact) {
        for (PepAccessRule r : rules) if (!r.allows(owner, node, viewer, contact)) return false;
        return true;
    }
}
