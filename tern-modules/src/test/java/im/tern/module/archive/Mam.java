package im.tern.module.archive;

import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.List;

/** A test client's side of XEP-0313: builds queries, sends them, and collects the answer in the order it came. */
final class Mam {
    static final String NS = ArchiveModule.NAMESPACE;
    static final String X = "jabber:x:data";
    static final String RSM = "http://jabber.org/protocol/rsm";

    /** The result messages, then the IQ reply that ended them; {@code all} is everything received, in order. */
    record Answer(List<Element> results, Element reply, List<Element> all) {
        Element fin() { return reply.child("fin", NS); }

        Element set() { return fin().child("set", RSM); }

        boolean complete() { return "true".equals(fin().attr("complete")); }

        String first() { return set().childText("first", RSM); }

        String last() { return set().childText("last", RSM); }

        int count() { return Integer.parseInt(set().childText("count", RSM)); }

        /** The ids of the results, in the order they came. */
        List<String> ids() { return results.stream().map(r -> r.child("result", NS).attr("id")).toList(); }

        /** The archived messages, in the order they came. */
        List<Element> messages() {
            return results.stream().map(r -> r.child("result", NS).child("forwarded", "urn:xmpp:forward:0")
                    .child("message", "jabber:client")).toList();
        }

        List<String> bodies() { return messages().stream().map(m -> m.childText("body", "jabber:client")).toList(); }
    }

    private Mam() {}

    /** Waits up to five seconds for a condition that background work (the sweeper) makes true. */
    static void eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition still false after 5 s");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static Element field(String var, String... values) {
        Element.Builder f = Element.builder("field", X).attr("var", var);
        for (String v : values) f.child(Element.builder("value", X).text(v).build());
        return f.build();
    }

    static Element form(Element... fields) {
        Element.Builder x = Element.builder("x", X).attr("type", "submit").child(field("FORM_TYPE", NS));
        for (Element f : fields) x.child(f);
        return x.build();
    }

    /** {@code <set><max/><after/>|<before/></set>}; null leaves a part out, "" gives an empty before. */
    static Element set(Integer max, String after, String before) {
        Element.Builder s = Element.builder("set", RSM);
        if (max != null) s.child(Element.builder("max", RSM).text(max.toString()).build());
        if (after != null) s.child(Element.builder("after", RSM).text(after).build());
        if (before != null) s.child(Element.builder("before", RSM).text(before).build());
        return s.build();
    }

    static Answer query(TestServer server, TestSession session, Element form, Element set, Element... more) {
        return queryArchiveOf(server, session, null, form, set, more);
    }

    /** A query addressed to {@code to} (null: the session's own account). */
    static Answer queryArchiveOf(TestServer server, TestSession session, String to, Element form, Element set, Element... more) {
        session.drain();
        Element.Builder q = Element.builder("query", NS).attr("queryid", "qid").child(form).child(set);
        for (Element m : more) q.child(m);
        server.send(session, Element.builder("iq", "jabber:client").attr("type", "set").attr("id", "mam").attr("to", to)
                .child(q.build()).build());
        List<Element> all = session.drain();
        List<Element> results = new ArrayList<>();
        Element reply = null;
        for (Element e : all) {
            if (e.name().equals("iq") && "mam".equals(e.attr("id"))) reply = e;
            else if (e.child("result", NS) != null && "qid".equals(e.child("result", NS).attr("queryid"))) results.add(e);
        }
        if (reply == null) throw new AssertionError("no reply to the query; received " + all);
        return new Answer(results, reply, all);
    }
}
