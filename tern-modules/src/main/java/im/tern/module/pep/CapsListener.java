package im.tern.module.pep;

import im.tern.core.Stanza;
import im.tern.core.module.Session;
import im.tern.xml.Element;
import java.util.HashSet;
import java.util.Set;

/**
 * Watches the presence clients broadcast for their XEP-0115 {@code <c/>}: a new verification string is
 * resolved to features, which become the session's {@link Interests}, and the nodes it newly wants
 * ({@code <node>+notify}) get their last item sent (XEP-0163 section 4.3.4). A presence without caps keeps
 * what the session had; unavailable clears it.
 */
final class CapsListener {
    private final CapsResolver resolver;
    private final LastItems lastItems;

    CapsListener(CapsResolver resolver, LastItems lastItems) {
        this.resolver = resolver;
        this.lastItems = lastItems;
    }

    void presence(Session session, Stanza presence) {
        if (presence.to() != null) return; // directed presence announces nothing to the account's contacts
        String type = presence.type();
        if ("unavailable".equals(type)) {
            if (session.get(Interests.ANNOUNCED) != null) {
                session.put(Interests.KEY, null);
                session.put(Interests.ANNOUNCED, null);
            }
            return;
        }
        if (type != null) return;
        Element c = presence.element().child("c", PubSub.CAPS);
        if (c == null) return;
        String ver = c.attr("ver");
        String node = c.attr("node");
        if (ver == null || ver.isEmpty() || node == null) return;
        Interests.Interest current = session.get(Interests.KEY);
        if (current != null && current.ver().equals(ver)) return;
        session.put(Interests.ANNOUNCED, ver);
        resolver.features(session.jid(), new CapsResolver.Caps(node, ver, c.attr("hash"))).thenAccept(features -> {
            // An answer for an older string arriving after a newer one was announced changes nothing.
            if (features == null || !ver.equals(session.get(Interests.ANNOUNCED))) return;
            Interests.Interest before = session.get(Interests.KEY);
            session.put(Interests.KEY, new Interests.Interest(ver, features));
            Set<String> newly = new HashSet<>();
            for (String f : features) {
                if (f.endsWith(PubSub.NOTIFY) && (before == null || !before.features().contains(f))) {
                    newly.add(f.substring(0, f.length() - PubSub.NOTIFY.length()));
                }
            }
            if (!newly.isEmpty()) lastItems.toNewlyInterested(session, newly);
        });
    }
}
