package im.tern.module.push;

import im.tern.core.Jid;
import im.tern.module.stored.StoredXml;
import im.tern.store.DocumentStore;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An account's push registrations, kept as one document in the {@link DocumentStore}. Every method
 * blocks: call it from the blocking pool. Changes to one account are serialised here, so two devices
 * enabling at once do not lose each other's registration (on one node; a cluster would need the store's
 * help).
 */
final class PushRegistrations {
    static final String KEY = "push:registrations";

    private final DocumentStore documents;
    private final int maxPerAccount;
    private final Object[] locks = new Object[64];

    PushRegistrations(DocumentStore documents, int maxPerAccount) {
        this.documents = documents;
        this.maxPerAccount = maxPerAccount;
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
    }

    List<PushRegistration> of(String user) {
        Optional<String> stored = documents.get(user, KEY);
        if (stored.isEmpty()) return List.of();
        List<PushRegistration> out = new ArrayList<>();
        for (Element e : StoredXml.parse(stored.get()).elements("registration", PushModule.NAMESPACE)) {
            PushRegistration r = PushRegistration.fromElement(e);
            if (r != null) out.add(r);
        }
        return out;
    }

    /**
     * Adds the registration, replacing one for the same service and node (the last request's publish
     * options win, XEP-0357 section 6). Past the limit, the oldest registration makes way.
     */
    void enable(String user, PushRegistration registration) {
        synchronized (lockFor(user)) {
            List<PushRegistration> all = new ArrayList<>(of(user));
            all.removeIf(r -> r.sameTarget(registration));
            all.add(registration);
            while (all.size() > maxPerAccount) all.remove(0);
            save(user, all);
        }
    }

    /** Removes the service's registration for that node, or all of the service's when node is null. */
    void disable(String user, Jid service, String node) {
        synchronized (lockFor(user)) {
            List<PushRegistration> all = new ArrayList<>(of(user));
            if (all.removeIf(r -> r.matches(service, node))) save(user, all);
        }
    }

    /** Removes exactly this registration, unless it was enabled again since with other options. */
    boolean remove(String user, PushRegistration registration) {
        synchronized (lockFor(user)) {
            List<PushRegistration> all = new ArrayList<>(of(user));
            if (!all.remove(registration)) return false;
            save(user, all);
            return true;
        }
    }

    void deleteAll(String user) {
        synchronized (lockFor(user)) {
            documents.delete(user, KEY);
        }
    }

    private void save(String user, List<PushRegistration> all) {
        if (all.isEmpty()) {
            documents.delete(user, KEY);
            return;
        }
        Element.Builder doc = Element.builder("registrations", PushModule.NAMESPACE);
        for (PushRegistration r : all) doc.child(r.toElement());
        documents.put(user, KEY, doc.build().toXml());
    }

    private Object lockFor(String user) {
        return locks[Math.floorMod(user.hashCode(), locks.length)];
    }
}
