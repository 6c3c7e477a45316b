package im.tern.module.pep;

import im.tern.core.Jid;
import im.tern.core.StanzaError;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;

/**
 * Who may see a node: the owner always; others as the node's access model says (XEP-0060 section 4.5),
 * judged on the owner's roster, and then only if every {@link PepAccessRule} agrees. Blocking: reads the roster.
 */
final class Access {
    enum Relation { OWNER, CONTACT, STRANGER }

    private final RosterStore rosters;
    private final PepAccessRules rules;

    Access(RosterStore rosters, PepAccessRules rules) {
        this.rosters = rosters;
        this.rules = rules;
    }

    /** How the viewer stands to the owner: a contact when the owner shares presence with it (from or both). */
    Relation relation(Jid owner, Jid viewer) {
        if (viewer == null) return Relation.STRANGER;
        Jid bare = viewer.bare();
        if (bare.equals(owner)) return Relation.OWNER;
        return rosters.item(owner.local(), bare).map(RosterItem::subscription)
                .map(s -> s == Subscription.FROM || s == Subscription.BOTH ? Relation.CONTACT : Relation.STRANGER)
                .orElse(Relation.STRANGER);
    }

    boolean allows(Jid owner, String node, NodeConfig config, Jid viewer, Relation relation) {
        return refusal(owner, node, config, viewer, relation) == null;
    }

    /** Throws the XEP-0060 section 6.5.9 error when the viewer may not retrieve the node's items. */
    void check(Jid owner, String node, NodeConfig config, Jid viewer, Relation relation) {
        PubSubError refused = refusal(owner, node, config, viewer, relation);
        if (refused != null) throw refused;
    }

    private PubSubError refusal(Jid owner, String node, NodeConfig config, Jid viewer, Relation relation) {
        if (relation == Relation.OWNER) return null;
        if (viewer == null) return PubSubError.of(StanzaError.FORBIDDEN, "no requester");
        PubSubError byModel = switch (config.accessModel()) {
            case OPEN -> null;
            case PRESENCE -> relation == Relation.CONTACT ? null : PubSubError.of(StanzaError.NOT_AUTHORIZED,
                    "presence-subscription-required", "node " + node + " is for contacts only");
            case ROSTER -> relation == Relation.CONTACT ? null : PubSubError.of(StanzaError.NOT_AUTHORIZED,
                    "not-in-roster-group", "node " + node + " is for contacts only");
            case WHITELIST -> PubSubError.of(StanzaError.NOT_ALLOWED, "closed-node", "node " + node + " is for its owner only");
        };
        if (byModel != null) return byModel;
        if (!rules.allow(owner, node, viewer.bare(), relation == Relation.CONTACT)) {
            return PubSubError.of(StanzaError.FORBIDDEN, "the owner's settings do not show node " + node + " to you");
        }
        return null;
    }
}
