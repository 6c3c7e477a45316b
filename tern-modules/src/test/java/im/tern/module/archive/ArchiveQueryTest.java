package im.tern.module.archive;

import static im.tern.module.archive.Mam.field;
import static im.tern.module.archive.Mam.form;
import static im.tern.module.archive.Mam.set;
import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.module.testing.TestStanzas;
import im.tern.xml.Element;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries on the archive (XEP-0313 section 4): paging, filters, errors, the form, preferences, metadata. */
class ArchiveQueryTest extends ArchiveTestBase {
    @Test
    void resultsComeInOrderBeforeTheFin() {
        aliceSends(5);
        Mam.Answer a = Mam.query(server, bob, null, null);

        assertThat(a.all().get(a.all().size() - 1)).isSameAs(a.reply());
        assertThat(a.bodies()).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(a.results()).allSatisfy(r -> {
            assertThat(r.attr("to")).isEqualTo("bob@example.com/laptop");
            assertThat(r.child("result", Mam.NS).child("forwarded", "urn:xmpp:forward:0").child("delay", Delay.NAMESPACE).attr("stamp"))
                    .isNotNull();
        });
        assertThat(a.complete()).isTrue();
        assertThat(a.count()).isEqualTo(5);
    }

    @Test
    void pagesForwardAndBackwardThroughOneHundredTwentyMessages() {
        aliceSends(120);

        Mam.Answer first = Mam.query(server, bob, null, set(50, null, null));
        assertThat(first.bodies()).isEqualTo(bodies(0, 50));
        assertThat(first.complete()).isFalse();
        assertThat(first.count()).isEqualTo(120);
        assertThat(first.set().child("first", Mam.RSM).attr("index")).isEqualTo("0");
        assertThat(first.first()).isEqualTo(first.ids().get(0));
        assertThat(first.last()).isEqualTo(first.ids().get(49));

        Mam.Answer second = Mam.query(server, bob, null, set(50, first.last(), null));
        assertThat(second.bodies()).isEqualTo(bodies(50, 100));
        assertThat(second.complete()).isFalse();
        assertThat(second.set().child("first", Mam.RSM).attr("index")).isEqualTo("50");

        Mam.Answer third = Mam.query(server, bob, null, set(50, second.last(), null));
        assertThat(third.bodies()).isEqualTo(bodies(100, 120));
        assertThat(third.complete()).isTrue();

        Mam.Answer last = Mam.query(server, bob, null, set(50, null, ""));
        assertThat(last.bodies()).isEqualTo(bodies(70, 120));
        assertThat(last.complete()).isFalse();
        Mam.Answer before = Mam.query(server, bob, null, set(50, null, last.first()));
        assertThat(before.bodies()).isEqualTo(bodies(20, 70));
        Mam.Answer oldest = Mam.query(server, bob, null, set(50, null, before.first()));
        assertThat(oldest.bodies()).isEqualTo(bodies(0, 20));
        assertThat(oldest.complete()).isTrue();
    }

    @Test
    void withoutMaxTheServerSendsItsDefaultPageAndCapsLargerOnes() {
        aliceSends(60);
        assertThat(Mam.query(server, bob, null, null).results()).hasSize(MamRequest.DEFAULT_MAX);
        assertThat(Mam.query(server, bob, null, set(1000, null, null)).results()).hasSize(60);
    }

    @Test
    void maxZeroCountsWithoutSendingMessages() {
        aliceSends(3);
        Mam.Answer a = Mam.query(server, bob, null, set(0, null, null));
        assertThat(a.results()).isEmpty();
        assertThat(a.count()).isEqualTo(3);
    }

    @Test
    void filtersByCorrespondentAndTime() {
        Instant t0 = clock.instant();
        aliceSends(3); // at t0, t0+1s, t0+2s
        online("carol", "tab");
        server.send(server.login("carol", "desk"), chat("bob@example.com", "from carol"));

        assertThat(Mam.query(server, bob, form(field("with", "carol@example.com")), null).bodies()).containsExactly("from carol");
        assertThat(Mam.query(server, bob, form(field("with", "alice@example.com/phone")), null).bodies()).hasSize(3);
        assertThat(Mam.query(server, bob, form(field("start", Delay.format(t0.plusSeconds(1)))), null).bodies())
                .containsExactly("m1", "m2", "from carol");
        assertThat(Mam.query(server, bob, form(field("end", Delay.format(t0.plusSeconds(1)))), null).bodies())
                .containsExactly("m0", "m1");
        assertThat(Mam.query(server, bob, form(field("start", Delay.format(t0.plusSeconds(1))),
                field("end", Delay.format(t0.plusSeconds(1)))), null).bodies()).containsExactly("m1");
    }

    @Test
    void extendedFieldsSelectByArchiveId() {
        aliceSends(5);
        List<String> ids = Mam.query(server, bob, null, null).ids();

        assertThat(Mam.query(server, bob, form(field("after-id", ids.get(1))), null).bodies()).containsExactly("m2", "m3", "m4");
        assertThat(Mam.query(server, bob, form(field("before-id", ids.get(1))), null).bodies()).containsExactly("m0");
        assertThat(Mam.query(server, bob, form(field("after-id", ids.get(0)), field("before-id", ids.get(3))), null).bodies())
                .containsExactly("m1", "m2");
        assertThat(Mam.query(server, bob, form(field("ids", ids.get(4), ids.get(2))), null).bodies()).containsExactly("m2", "m4");
    }

    @Test
    void flippedPagesComeNewestFirstButPageTheSameWay() {
        aliceSends(5);
        Mam.Answer a = Mam.query(server, bob, null, set(3, null, ""), Element.empty("flip-page", Mam.NS));
        assertThat(a.bodies()).containsExactly("m4", "m3", "m2");
        assertThat(a.first()).isEqualTo(a.ids().get(2));
        assertThat(a.last()).isEqualTo(a.ids().get(0));
    }

    @Test
    void unknownIdsAreItemNotFound() {
        aliceSends(2);
        assertThat(errorCondition(Mam.query(server, bob, null, set(10, "bogus", null)).reply())).isEqualTo("item-not-found");
        assertThat(errorCondition(Mam.query(server, bob, null, set(10, null, "bogus")).reply())).isEqualTo("item-not-found");
        assertThat(errorCondition(Mam.query(server, bob, form(field("after-id", "bogus")), null).reply())).isEqualTo("item-not-found");
        assertThat(errorCondition(Mam.query(server, bob, form(field("ids", "bogus")), null).reply())).isEqualTo("item-not-found");
    }

    @Test
    void anIdFromAnotherArchiveIsNotFound() {
        server.send(alice, chat("bob@example.com", "x"));
        String bobsId = bob.drain().get(0).child("stanza-id", SID).attr("id");
        assertThat(errorCondition(Mam.query(server, alice, null, set(10, bobsId, null)).reply())).isEqualTo("item-not-found");
    }

    @Test
    void unknownFieldsAndBadRequestsAreRefused() {
        assertThat(errorCondition(Mam.query(server, bob, form(field("include-groupchat", "true")), null).reply()))
                .isEqualTo("feature-not-implemented");
        assertThat(errorCondition(Mam.query(server, bob, form(field("start", "last tuesday")), null).reply())).isEqualTo("bad-request");
    }

    @Test
    void anotherAccountsArchiveIsForbidden() {
        aliceSends(1);
        Mam.Answer a = Mam.queryArchiveOf(server, alice, "bob@example.com", null, null);
        assertThat(errorCondition(a.reply())).isEqualTo("forbidden");
        assertThat(a.results()).isEmpty();
        Element prefs = server.iq(alice, "get", "bob@example.com", Element.empty("prefs", Mam.NS));
        assertThat(errorCondition(prefs)).isEqualTo("forbidden");
    }

    @Test
    void theFormListsEveryFieldAQueryMayUse() {
        Element reply = server.iq(bob, "get", null, Element.empty("query", Mam.NS));
        Element x = reply.child("query", Mam.NS).child("x", Mam.X);
        assertThat(x.attr("type")).isEqualTo("form");
        assertThat(x.elements("field", Mam.X)).extracting(f -> f.attr("var"))
                .containsExactly("FORM_TYPE", "with", "start", "end", "before-id", "after-id", "ids");
    }

    @Test
    void preferencesAreKeptAndReturned() {
        Element initial = server.iq(bob, "get", null, Element.empty("prefs", Mam.NS)).child("prefs", Mam.NS);
        assertThat(initial.attr("default")).isEqualTo("always");

        Element prefs = Element.builder("prefs", Mam.NS).attr("default", "roster")
                .child(Element.builder("never", Mam.NS).child(Element.builder("jid", Mam.NS).text("spam@example.com").build()).build())
                .build();
        Element set = server.iq(bob, "set", null, prefs);
        assertThat(set.attr("type")).isEqualTo("result");
        Element stored = server.iq(bob, "get", null, Element.empty("prefs", Mam.NS)).child("prefs", Mam.NS);
        assertThat(stored.attr("default")).isEqualTo("roster");
        assertThat(stored.child("never", Mam.NS).childText("jid", Mam.NS)).isEqualTo("spam@example.com");
        assertThat(stored.child("always", Mam.NS)).isNotNull();
        assertThat(errorCondition(server.iq(bob, "set", null, Element.builder("prefs", Mam.NS).attr("default", "sometimes").build())))
                .isEqualTo("bad-request");
    }

    @Test
    void metadataNamesTheFirstAndLastMessage() {
        Element empty = server.iq(bob, "get", null, Element.empty("metadata", Mam.NS)).child("metadata", Mam.NS);
        assertThat(empty.elements()).isEmpty();

        aliceSends(3);
        List<String> ids = Mam.query(server, bob, null, null).ids();
        Element metadata = server.iq(bob, "get", null, Element.empty("metadata", Mam.NS)).child("metadata", Mam.NS);
        assertThat(metadata.child("start", Mam.NS).attr("id")).isEqualTo(ids.get(0));
        assertThat(metadata.child("end", Mam.NS).attr("id")).isEqualTo(ids.get(2));
        assertThat(metadata.child("end", Mam.NS).attr("timestamp")).isNotNull();
    }

    @Test
    void theResultsAreSentBeforeTheReplyCompletes() throws Exception {
        aliceSends(2);
        ArchiveQueries queries = new ArchiveQueries(store(), server.sessions(), server.blocking(), clock);
        Element iq = Element.builder("iq", "jabber:client").attr("type", "set").attr("id", "q")
                .attr("from", "bob@example.com/laptop").attr("to", "bob@example.com")
                .child(Element.builder("query", Mam.NS).attr("queryid", "x").build()).build();
        var reply = queries.query(im.tern.core.Stanza.of(iq)).toCompletableFuture();
        int[] sentBefore = new int[1];
        reply.thenRun(() -> sentBefore[0] = bob.received().size()).get(5, java.util.concurrent.TimeUnit.SECONDS);
        // The connection writes in the order asked (OrderedWriter), so the <fin/> follows these on the wire.
        assertThat(sentBefore[0]).isEqualTo(2);
    }
}
