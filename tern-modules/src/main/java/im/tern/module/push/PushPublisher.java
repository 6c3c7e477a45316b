package im.tern.module.push;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.module.Router;
import im.tern.xml.Element;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes notifications to an account's app servers and watches their answers. Each publish has an
 * unguessable id; an error answered to it by the app server it went to ends that registration (XEP-0357
 * section 8, "Publish Errors"), unless the error is of type {@code wait} (transient).
 *
 * <p>Answers are seen only from app servers that are local clients: the core consumes IQ results and errors
 * addressed to an account, so this module watches the {@code ClientStanza} hook for them. The error the
 * router itself produces for an app server on another domain ({@code remote-server-not-found}, as long as
 * Tern has no server-to-server) is consumed unseen, and such a registration stays.
 */
final class PushPublisher {
    private static final Logger log = LoggerFactory.getLogger(PushPublisher.class);
    /** Publishes not answered in this time are forgotten. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);
    private static final int PRUNE_ABOVE = 1_000;

    private record Pending(Jid account, PushRegistration registration, Instant sent) {}

    private final PushRegistrations registrations;
    private final Coalescer coalescer;
    private final Router router;
    private final Executor blocking;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    PushPublisher(PushRegistrations registrations, Coalescer coalescer, Router router, Executor blocking, Clock clock) {
        this.registrations = registrations;
        this.coalescer = coalescer;
        this.router = router;
        this.blocking = blocking;
        this.clock = clock;
    }

    /**
     * Looks up the account's registrations on the blocking pool and publishes to each that is not inside
     * its coalescing window. Returns at once: the caller (a delivery hook) does not wait for the push.
     */
    void notify(Jid account) {
        CompletableFuture.supplyAsync(() -> registrations.of(account.local()), blocking)
                .thenAccept(all -> publish(account, all))
                .whenComplete((v, error) -> {
                    if (error != null) log.warn("push notification for {} failed", account, error);
                });
    }

    private void publish(Jid account, List<PushRegistration> all) {
        Instant now = clock.instant();
        for (PushRegistration r : all) {
            if (!coalescer.allow(account, r, now)) continue;
            String id = newId();
            track(id, new Pending(account, r, now));
            router.route(Stanza.of(Notification.publish(id, account, r)));
        }
    }

    /** An IQ result or error a local client addressed to an account: the answer to a publish, perhaps. */
    void answer(Stanza iq) {
        String id = iq.id();
        Pending p = id == null ? null : pending.get(id);
        if (p == null || !p.account.equals(iq.to()) || !from(p.registration.service(), iq.from())) return;
        pending.remove(id, p);
        if (!iq.isError() || isTransient(iq)) return;
        log.info("push service {} refused a notification for {}; removing the registration", p.registration, p.account);
        CompletableFuture.runAsync(() -> {
            if (registrations.remove(p.account.local(), p.registration)) {
                coalescer.forget(p.account, p.registration.service(), p.registration.node());
            }
        }, blocking).whenComplete((v, error) -> {
            if (error != null) log.warn("could not remove push registration {} of {}", p.registration, p.account, error);
        });
    }

    /** The answer must come from the service the publish went to (any resource of a bare service JID). */
    private static boolean from(Jid service, Jid sender) {
        if (sender == null) return false;
        return sender.equals(service) || (service.isBare() && sender.bare().equals(service));
    }

    private static boolean isTransient(Stanza error) {
        Element e = error.element().child("error", Namespaces.CLIENT);
        return e != null && "wait".equals(e.attr("type"));
    }

    private void track(String id, Pending p) {
        pending.put(id, p);
        if (pending.size() > PRUNE_ABOVE) {
            Instant cutoff = p.sent.minus(ANSWER_TIMEOUT);
            pending.values().removeIf(old -> old.sent.isBefore(cutoff));
        }
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "push-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
