package im.tern.module.contacts;

import im.tern.core.Jid;
import im.tern.module.roster.RosterPush;
import im.tern.store.DiscoveryStore;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One discovery, the same over HTTP and XMPP: the numbers normalised (duplicates once), the look-up counted
 * against the daily cap, one query for which of them have accounts, and those optionally added to the
 * caller's roster. Blocks: run it on the blocking pool.
 */
final class ContactDiscovery {
    /** What a client asks: its account's local part, the numbers as written, the region for local formats (or null). */
    record Request(String account, List<String> numbers, String region, boolean addToRoster) {}

    /** A number with an account: as E.164, the account, and the first way the client wrote it. */
    record Found(String number, Jid jid, String given) {}

    sealed interface Outcome {}

    record Registered(List<Found> found) implements Outcome {}

    record TooMany(int max) implements Outcome {}

    record OverCap(NumberLookups.Refusal refusal) implements Outcome {}

    private final ContactsSettings settings;
    private final DiscoveryStore store;
    private final NumberLookups lookups;
    private final RosterStore rosters;
    private final RosterPush push;
    private final Jid domain;

    ContactDiscovery(ContactsSettings settings, DiscoveryStore store, NumberLookups lookups, RosterStore rosters,
                     RosterPush push, Jid domain) {
        this.settings = settings;
        this.store = store;
        this.lookups = lookups;
        this.rosters = rosters;
        this.push = push;
        this.domain = domain;
    }

    /** Whether a request of this many numbers is refused whole; checked before anything else. */
    boolean tooMany(int numbers) { return numbers > settings.maxNumbers(); }

    int maxNumbers() { return settings.maxNumbers(); }

    Outcome discover(Request r) {
        if (tooMany(r.numbers().size())) return new TooMany(settings.maxNumbers());
        String region = r.region() != null ? r.region() : AddressBookNumbers.regionOf(r.account());
        Map<String, String> asked = new LinkedHashMap<>(); // local part -> as given first
        for (String given : r.numbers()) {
            AddressBookNumbers.e164(given, region).ifPresent(e164 -> asked.putIfAbsent(e164.substring(1), given));
        }
        Optional<NumberLookups.Refusal> refused = lookups.admit(r.account(), asked.keySet());
        if (refused.isPresent()) return new OverCap(refused.get());
        Set<String> existing = store.existing(asked.keySet());
        List<Found> found = new ArrayList<>();
        for (Map.Entry<String, String> e : asked.entrySet()) {
            if (existing.contains(e.getKey())) found.add(new Found("+" + e.getKey(), Jid.of(e.getKey(), domain.domain(), null), e.getValue()));
        }
        if (r.addToRoster()) addToRoster(Jid.of(r.account(), domain.domain(), null), found);
        return new Registered(found);
    }

    /** Adds those not yet on the roster (never the account itself), each pushed to the account's interested resources. */
    private void addToRoster(Jid account, List<Found> found) {
        Set<Jid> present = new HashSet<>();
        for (RosterItem item : rosters.roster(account.local()).items()) present.add(item.jid());
        for (Found f : found) {
            if (f.jid().equals(account) || present.contains(f.jid())) continue;
            RosterItem item = new RosterItem(f.jid(), null, Subscription.NONE, false, Set.of());
            String version = rosters.put(account.local(), item);
            push.updated(account, item, version);
        }
    }
}
