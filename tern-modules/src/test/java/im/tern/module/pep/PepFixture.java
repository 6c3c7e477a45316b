package im.tern.module.pep;

import im.tern.core.Jid;
import im.tern.module.disco.DiscoModule;
import im.tern.module.presence.PresenceModule;
import im.tern.module.roster.RosterModule;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.module.vcard.VcardModule;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A test server with PEP and the modules it works with, and what a PEP client does, in short. */
final class PepFixture implements AutoCloseable {
    static final String NS = PubSub.NS;
    static final String OWNER = PubSub.OWNER;
    static final String EVENT = PubSub.EVENT;
    static final String FORMS = PubSub.FORMS;
    static final String MOOD = "http://jabber.org/protocol/mood";
    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    static final String DOMAIN = "example.com";

    final TestServer server;

    PepFixture(Path dir, PepSettings settings, PepAccessRules rules) {
        server = new TestServer(dir, new DiscoModule(), new RosterModule(), new PresenceModule(), new VcardModule(),
                new PepModule(settings, rules));
    }

    PepFixture(Path dir) { this(dir, PepSettings.DEFAULTS, new PepAccessRules()); }

    static String jid(String user) { return user + "@" + DOMAIN; }

    /** {@code owner} shares presence with {@code viewer} (owner's roster: from; viewer's: to), both ways kept. */
    void sharesPresence(String owner, String viewer) {
        server.account(owner);
        server.account(viewer);
        RosterStore rosters = server.store(RosterStore.class);
        add(rosters, owner, viewer, true);
        add(rosters, viewer, owner, false);
    }

    private static void add(RosterStore rosters, String user, String contact, boolean from) {
        Jid jid = Jid.of(jid(contact));
        Subscription now = rosters.item(user, jid).map(RosterItem::subscription).orElse(Subscription.NONE);
        boolean hasFrom = from || now == Subscription.FROM || now == Subscription.BOTH;
        boolean hasTo = !from || now == Subscription.TO || now == Subscription.BOTH;
        Subscription s = hasFrom && hasTo ? Subscription.BOTH : hasFrom ? Subscription.FROM : Subscription.TO;
        rosters.put(user, new RosterItem(jid, null, s, false, Set.of()));
    }

    /** Logs in, sends presence whose caps announce {@code <node>+notify} for each node, and answers the server's disco#info. */
    TestSession online(String user, String resource, String... notify) {
        TestSession s = server.login(user, resource);
        announce(s, notify);
        return s;
    }

    /** Sends presence with caps for these nodes; answers the disco#info the server asks, if it asks. */
    void announce(TestSession s, String... notify) {
        Element info = discoInfo(notify);
        String ver = CapsVer.of(info, "sha-1");
        server.send(s, presenceWithCaps(ver));
        answerCapsQuery(s, info);
    }

    static Element presenceWithCaps(String ver) {
        return Element.builder("presence", "jabber:client").child(Element.builder("c", PubSub.CAPS)
                .attr("hash", "sha-1").attr("node", "https://tern.example/client").attr("ver", ver).build()).build();
    }

    /** Answers a pending disco#info for a caps node with {@code info}; false when the server asked nothing. */
    boolean answerCapsQuery(TestSession s, Element info) {
        for (Element e : List.copyOf(s.received())) {
            Element q = e.child("query", DISCO_INFO);
            if (e.name().equals("iq") && "get".equals(e.attr("type")) && q != null && q.attr("node") != null) {
                s.received().remove(e);
                server.send(s, Element.builder("iq", "jabber:client").attr("type", "result").attr("id", e.attr("id"))
                        .attr("to", e.attr("from")).child(info.withAttr("node", q.attr("node"))).build());
                return true;
            }
        }
        return false;
    }

    static Element discoInfo(String... notify) {
        Element.Builder q = Element.builder("query", DISCO_INFO)
                .child(Element.builder("identity", DISCO_INFO).attr("category", "client").attr("type", "phone").attr("name", "Test").build())
                .child(Element.builder("feature", DISCO_INFO).attr("var", DISCO_INFO).build())
                .child(Element.builder("feature", DISCO_INFO).attr("var", PubSub.CAPS).build());
        for (String n : notify) q.child(Element.builder("feature", DISCO_INFO).attr("var", n + "+notify").build());
        return q.build();
    }

    static Element mood(String text) {
        return Element.builder("mood", MOOD).child(Element.empty("happy", MOOD)).textChild("text", text).build();
    }

    static Element item(String id, Element payload) {
        return Element.builder("item", NS).attr("id", id).child(payload).build();
    }

    static Element publishOptions(String... fieldValues) {
        Element.Builder x = DataForms.form("submit", PubSub.PUBLISH_OPTIONS);
        for (int i = 0; i < fieldValues.length; i += 2) x.child(DataForms.field(fieldValues[i], null, null, fieldValues[i + 1]));
        return Element.builder("publish-options", NS).child(x.build()).build();
    }

    Element publish(TestSession s, String node, String id, Element payload, Element options) {
        Element.Builder pubsub = Element.builder("pubsub", NS).child(Element.builder("publish", NS).attr("node", node)
                .child(id == null ? Element.builder("item", NS).child(payload).build() : item(id, payload)).build());
        if (options != null) pubsub.child(options);
        return server.iq(s, "set", null, pubsub.build());
    }

    Element publish(TestSession s, String node, String id, Element payload) {
        return publish(s, node, id, payload, null);
    }

    /** Item retrieval from {@code owner}'s node; {@code ids} names items, {@code max} (when positive) limits. */
    Element items(TestSession s, String owner, String node, int max, String... ids) {
        Element.Builder items = Element.builder("items", NS).attr("node", node).attr("max_items", max > 0 ? Integer.toString(max) : null);
        for (String id : ids) items.child(Element.builder("item", NS).attr("id", id).build());
        return server.iq(s, "get", owner == null ? null : jid(owner), Element.builder("pubsub", NS).child(items.build()).build());
    }

    /** Item ids of a retrieval result, in order. */
    static List<String> ids(Element result) {
        return result.child("pubsub", NS).child("items", NS).elements("item", NS).stream().map(i -> i.attr("id")).toList();
    }

    Element owner(TestSession s, String type, Element op) {
        return server.iq(s, type, null, Element.builder("pubsub", OWNER).child(op).build());
    }

    /** Takes the PEP event messages the session received. */
    static List<Element> events(TestSession s) {
        return s.drain(e -> e.name().equals("message") && e.child("event", EVENT) != null);
    }

    /** The item ids an event message carries for a node. */
    static List<String> itemIds(Element message) {
        return message.child("event", EVENT).child("items", EVENT).elements("item", EVENT).stream().map(i -> i.attr("id")).toList();
    }

    /** The XEP-0060 error condition (pubsub#errors) of an error reply, or null. */
    static String pubsubCondition(Element reply) {
        Element error = reply.child("error", "jabber:client");
        Element c = error == null ? null : error.childIn(PubSub.ERRORS);
        return c == null ? null : c.name();
    }

    @Override
    public void close() { server.close(); }
}
