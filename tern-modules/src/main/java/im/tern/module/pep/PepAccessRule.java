package im.tern.module.pep;

import im.tern.core.Jid;

/**
 * A further say on who sees an account's node, asked only after the node's access model allowed the
 * viewer: the place for a privacy setting such as "who sees my photo" (everyone, contacts, nobody) to
 * narrow the avatar nodes. It can only take away. It decides item retrieval, notifications, the last
 * item sent on coming online, and disco listings alike.
 *
 * <p>Runs on the blocking pool, so it may read a store; it is asked once per viewer and node.
 */
@FunctionalInterface
public interface PepAccessRule {
    /**
     * @param owner   the account whose node it is (a bare JID)
     * @param node    the node's name, e.g. {@code urn:xmpp:avatar:metadata}
     * @param viewer  who would see it: a bare JID other than the owner
     * @param contact whether the owner shares presence with the viewer (roster subscription from or both)
     */
    boolean allows(Jid owner, String node, Jid viewer, boolean contact);
}
