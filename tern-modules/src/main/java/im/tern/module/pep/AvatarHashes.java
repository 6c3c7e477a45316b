package im.tern.module.pep;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.module.stored.StoredXml;
import im.tern.store.PepStore;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XEP-0153 for clients that know only vCard avatars: every available presence an account's resources
 * send carries {@code <x xmlns='vcard-temp:x:update'><photo>SHA-1</photo></x>} for the account's current
 * avatar, whatever the client put there (as Prosody's mod_vcard_legacy does), and when the avatar changes
 * the resources' presence goes out to the contacts again. The hash is read once per online account and kept while it has
 * sessions; an account that never had avatar metadata keeps its clients' own element. Presence between an
 * account's own resources is left as the client sent it.
 */
final class AvatarHashes {
    private static final Logger log = LoggerFactory.getLogger(AvatarHashes.class);

    private final PepStore store;
    private final RosterStore rosters;
    private final Sessions sessions;
    private final Router router;
    private final Executor blocking;
    /** By bare JID: the hex SHA-1 of the avatar, "" for none, null when the account never published metadata. */
    private final Map<Jid, CompletableFuture<String>> hashes = new ConcurrentHashMap<>();

    AvatarHashes(PepStore store, RosterStore rosters, Sessions sessions, Router router, Executor blocking) {
        this.store = store;
        this.rosters = rosters;
        this.sessions = sessions;
        this.router = router;
        this.blocking = blocking;
    }

    /** InboundStanza: an available presence from one of our clients gets the account's hash. */
    CompletionStage<Hook.Outcome> stamp(Events.InboundStanza event) {
        Stanza s = event.stanza();
        if (s.kind() != Stanza.Kind.PRESENCE || s.type() != null || s.from() == null || !s.from().isFull()) return Hook.CONTINUE;
        // Not to the account's own resources: they know their avatar, and a login then costs no look-up.
        if (s.to().bare().equals(s.from().bare()) || sessions.get(s.from()) == null) return Hook.CONTINUE;
        return of(s.from().bare()).thenApply(hash -> {
            if (hash != null) {
                Element presence = s.element().withoutChildren("x", Avatars.VCARD_UPDATE).withChild(Avatars.presenceUpdate(hash));
                event.replace(s.withElement(presence));
            }
            return Hook.Outcome.CONTINUE;
        });
    }

    /**
     * The avatar changed: remember the new hash and send each available resource's last presence again to
     * the contacts it goes to (subscription from or both), now stamped. The presence is routed as it is,
     * without going through the presence module, so the session's own state is left alone.
     */
    void changed(Jid account, String hash) {
        if (sessions.of(account).isEmpty()) {
            hashes.remove(account);
            return;
        }
        hashes.put(account, CompletableFuture.completedFuture(hash));
        CompletableFuture.runAsync(() -> {
            List<Jid> contacts = new ArrayList<>();
            for (RosterItem item : rosters.roster(account.local()).items()) {
                if (item.subscription() == Subscription.FROM || item.subscription() == Subscription.BOTH) contacts.add(item.jid());
            }
            for (Session s : sessions.of(account)) {
                Element presence = s.presence();
                if (presence == null) continue;
                for (Jid contact : contacts) {
                    router.route(Stanza.of(presence.withAttr("from", s.jid().toString()).withAttr("to", contact.toString())));
                }
            }
        }, blocking).whenComplete((v, error) -> {
            if (error != null) log.warn("could not send the presence of {} with its new avatar", account, error);
        });
    }

    /** A session ended: forget the account once none is left. */
    void sessionClosed(Session session) {
        Jid account = session.jid().bare();
        if (sessions.of(account).isEmpty()) hashes.remove(account);
    }

    private CompletionStage<String> of(Jid account) {
        return hashes.computeIfAbsent(account, a -> CompletableFuture.supplyAsync(() -> load(a), blocking))
                .exceptionally(error -> null);
    }

    private String load(Jid account) {
        return store.nodes(List.of(account.local()), List.of(Avatars.METADATA)).getOrDefault(account.local(), List.of()).stream()
                .map(PepStore.Node::last)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(last -> Avatars.info(StoredXml.parse(last.xml()), last.id()) == null ? "" : last.id())
                .orElse(null);
    }
}
