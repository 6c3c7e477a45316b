package im.tern.module.pep;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Router;
import im.tern.xml.Element;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Learns what a XEP-0115 {@code <c/>} stands for: from the cache, or by asking the client that announced it
 * (disco#info to its full JID for {@code node#ver}, sent from the account's bare JID so the answer comes back
 * as {@link im.tern.core.module.Events.IqResponse}). A verified answer is cached for everyone announcing the
 * same string; one that does not verify serves only the client that gave it. Clients announcing one
 * string at the same time share one question. Unanswered questions are forgotten after a while.
 */
final class CapsResolver {
    /** What a presence announced. {@code hash} is null for the legacy form, which is never cached. */
    record Caps(String node, String ver, String hash) {}

    private static final long TIMEOUT_NANOS = Duration.ofSeconds(30).toNanos();
    /** Questions outstanding at once; past it, announcements wait for the sweep. */
    private static final int MAX_PENDING = 10_000;
    /** Outstanding questions past which each new one first drops those timed out. */
    private static final int SWEEP_ABOVE = 100;

    /** The features a client gave, and whether they hash to the string it announced. */
    private record Answer(Set<String> features, boolean verified) {}

    private record Pending(String id, Jid asked, Caps caps, long sentAt, CompletableFuture<Answer> answer) {}

    private final CapsCache cache;
    private final Router router;
    private final LongSupplier nanoTime;
    private final String idPrefix = "caps-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "-";
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Pending> byId = new ConcurrentHashMap<>();
    private final Map<String, Pending> byVer = new ConcurrentHashMap<>();

    CapsResolver(CapsCache cache, Router router, LongSupplier nanoTime) {
        this.cache = cache;
        this.router = router;
        this.nanoTime = nanoTime;
    }

    /** The features behind the caps a resource announced; completes null when they cannot be learnt. */
    CompletionStage<Set<String>> features(Jid resource, Caps caps) {
        if (caps.hash() != null) {
            Set<String> known = cache.get(caps.hash(), caps.ver());
            if (known != null) return CompletableFuture.completedFuture(known);
            Pending asking = byVer.get(key(caps));
            if (asking != null && nanoTime.getAsLong() - asking.sentAt < TIMEOUT_NANOS) {
                // Another client's answer counts for this one only if it verified.
                return asking.answer.thenApply(a -> a != null && a.verified ? a.features : null);
            }
        }
        return ask(resource, caps).thenApply(a -> a == null ? null : a.features);
    }

    private CompletionStage<Answer> ask(Jid resource, Caps caps) {
        long now = nanoTime.getAsLong();
        if (byId.size() >= SWEEP_ABOVE) sweep(now);
        if (byId.size() >= MAX_PENDING) return CompletableFuture.completedFuture(null);
        Pending p = new Pending(idPrefix + ids.incrementAndGet(), resource, caps, now, new CompletableFuture<>());
        byId.put(p.id, p);
        if (caps.hash() != null) byVer.put(key(caps), p);
        Element query = Element.builder("query", CapsVer.DISCO_INFO).attr("node", caps.node() + "#" + caps.ver()).build();
        router.route(Stanza.of(Iq.request("get", p.id, resource.bare(), resource, query)));
        return p.answer;
    }

    /** An IQ result or error addressed to an account: the answer to one of the questions, perhaps. */
    void answer(Stanza iq) {
        Pending p = iq.id() == null ? null : byId.get(iq.id());
        if (p == null || !p.asked.equals(iq.from())) return;
        byId.remove(p.id, p);
        byVer.remove(key(p.caps), p);
        Element query = iq.isError() ? null : iq.element().child("query", CapsVer.DISCO_INFO);
        if (query == null) {
            p.answer.complete(null);
            return;
        }
        Set<String> features = CapsVer.features(query);
        boolean verified = p.caps.hash() != null && p.caps.ver().equals(CapsVer.of(query, p.caps.hash()));
        if (verified) cache.put(p.caps.hash(), p.caps.ver(), features);
        p.answer.complete(new Answer(features, verified));
    }

    int pending() { return byId.size(); }

    /** Gives up on questions past the timeout: their waiters learn nothing, and the string may be asked again. */
    private void sweep(long now) {
        byId.values().removeIf(p -> {
            if (now - p.sentAt < TIMEOUT_NANOS) return false;
            byVer.remove(key(p.caps), p);
            p.answer.complete(null);
            return true;
        });
    }

    private static String key(Caps caps) { return caps.hash() + " " + caps.ver(); }
}
