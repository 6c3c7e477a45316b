package im.tern.module.contacts;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code <discover xmlns='urn:tern:contacts:0' region='GB' add-to-roster='true'><number>...</number></discover>}
 * to the server, get or set, answered {@code <discover><contact number='+E164' jid='...' given='...'/></discover>}.
 * Same semantics and limits as the HTTP API: too many numbers is {@code policy-violation}, the daily cap
 * {@code resource-constraint} with a {@code <daily-limit/>} telling when to retry.
 */
final class DiscoverIq {
    static final String ELEMENT = "discover";

    private final ContactDiscovery discovery;
    private final Executor blocking;

    DiscoverIq(ContactDiscovery discovery, Executor blocking) {
        this.discovery = discovery;
        this.blocking = blocking;
    }

    CompletionStage<Stanza> handle(Stanza request) {
        Jid from = request.from();
        if (from == null || from.local() == null) return done(request.errorReply(StanzaError.FORBIDDEN, "only accounts discover contacts"));
        Element query = Iq.payload(request);
        List<String> numbers = new ArrayList<>();
        for (Element child : query.elements()) {
            if (!child.is("number", ContactsModule.NAMESPACE) || !child.elements().isEmpty()) {
                return done(request.errorReply(StanzaError.BAD_REQUEST, "only <number/> elements holding text may be in <discover/>"));
            }
            numbers.add(child.text());
        }
        if (discovery.tooMany(numbers.size())) {
            return done(request.errorReply(StanzaError.POLICY_VIOLATION,
                    numbers.size() + " numbers in one request; at most " + discovery.maxNumbers() + " are accepted"));
        }
        String regionAttr = query.attr("region");
        String region = AddressBookNumbers.region(regionAttr);
        if (regionAttr != null && region == null) {
            return done(request.errorReply(StanzaError.BAD_REQUEST, "region must be an ISO 3166-1 alpha-2 code, such as GB"));
        }
        Boolean add = bool(query.attr("add-to-roster"));
        if (add == null) return done(request.errorReply(StanzaError.BAD_REQUEST, "add-to-roster must be true or false"));
        var asked = new ContactDiscovery.Request(from.local(), numbers, region, add);
        return CompletableFuture.supplyAsync(() -> answer(request, discovery.discover(asked)), blocking);
    }

    private static Stanza answer(Stanza request, ContactDiscovery.Outcome outcome) {
        if (outcome instanceof ContactDiscovery.OverCap o) {
            var r = o.refusal();
            Stanza error = request.errorReply(StanzaError.RESOURCE_CONSTRAINT, r.fresh() + " numbers were never looked up before and "
                    + r.remaining() + " more may be today; nothing was looked up");
            Element limit = Element.builder("daily-limit", ContactsModule.NAMESPACE)
                    .attr("new", Integer.toString(r.fresh())).attr("remaining", Integer.toString(r.remaining()))
                    .attr("retry-after", Long.toString(Math.max(1, r.retryAfter().toSeconds()))).build();
            Element e = error.element();
            return error.withElement(e.withChildren(List.of(e.child("error", e.namespace()).withChild(limit))));
        }
        if (outcome instanceof ContactDiscovery.TooMany t) {
            return request.errorReply(StanzaError.POLICY_VIOLATION, "at most " + t.max() + " numbers are accepted");
        }
        Element.Builder result = Element.builder(ELEMENT, ContactsModule.NAMESPACE);
        for (ContactDiscovery.Found f : ((ContactDiscovery.Registered) outcome).found()) {
            result.child(Element.builder("contact", ContactsModule.NAMESPACE).attr("number", f.number())
                    .attr("jid", f.jid().toString()).attr("given", f.given()).build());
        }
        return Iq.result(request, result.build());
    }

    /** xs:boolean; absent is false; null when it is something else. */
    private static Boolean bool(String value) {
        if (value == null || value.equals("false") || value.equals("0")) return Boolean.FALSE;
        if (value.equals("true") || value.equals("1")) return Boolean.TRUE;
        return null;
    }

    private static CompletionStage<Stanza> done(Stanza reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
