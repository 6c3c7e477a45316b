package im.tern.module.privacy;

import im.tern.core.Jid;
import im.tern.core.module.ModuleContext;
import im.tern.module.blocking.StoredBlocklist;
import im.tern.store.DocumentStore;
import im.tern.store.PrivacySettings;
import im.tern.store.PrivacySettings.Audience;
import im.tern.store.PrivacySettings.Setting;
import im.tern.store.PrivacyStore;
import im.tern.store.RosterStore;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Whether a viewer may see a part of an account (or, for {@link Setting#GROUP_ADD}, add it to a group), by the
 * account's privacy settings: the account itself always may; an address the account blocks (XEP-0191) never
 * may; otherwise {@code everyone}, {@code contacts} (the viewer's bare JID is on the account's roster, whatever
 * the subscription) or {@code nobody}. Any module may make one from its context; the settings are cached by
 * the store, so a check is cheap unless it needs the roster.
 */
public final class Privacy {
    private final PrivacyStore settings;
    private final RosterStore rosters;
    private final DocumentStore documents;
    private final Executor blocking;

    public Privacy(PrivacyStore settings, RosterStore rosters, DocumentStore documents, Executor blocking) {
        this.settings = settings;
        this.rosters = rosters;
        this.documents = documents;
        this.blocking = blocking;
    }

    /** The checks over the module's stores and blocking pool. */
    public static Privacy of(ModuleContext ctx) {
        return new Privacy(ctx.store(PrivacyStore.class), ctx.store(RosterStore.class), ctx.store(DocumentStore.class), ctx.blocking());
    }

    /** Whether {@code viewer} (null: someone unknown) may see {@code setting} of {@code owner}; on the blocking pool. */
    public CompletionStage<Boolean> check(Jid owner, Jid viewer, Setting setting) {
        return CompletableFuture.supplyAsync(() -> allows(owner, viewer, setting), blocking);
    }

    /** As {@link #check}, on the calling thread: it reads the store. */
    public boolean allows(Jid owner, Jid viewer, Setting setting) {
        return allowed(owner, viewer).contains(setting);
    }

    /** Every setting {@code viewer} may see of {@code owner}, reading each store at most once; blocks. */
    public Set<Setting> allowed(Jid owner, Jid viewer) {
        if (self(owner, viewer)) return EnumSet.allOf(Setting.class);
        if (StoredBlocklist.blocks(documents, owner.local(), viewer)) return EnumSet.noneOf(Setting.class);
        return byAudience(owner, viewer, settings.get(owner.local()));
    }

    /** By the settings alone, blocklists aside: for stanzas the blocking module has already filtered. Blocks. */
    boolean allowsIgnoringBlocks(Jid owner, Jid viewer, Setting setting) {
        return self(owner, viewer) || byAudience(owner, viewer, settings.get(owner.local())).contains(setting);
    }

    /** The account's settings as stored (the defaults when never set); blocks. */
    PrivacySettings settingsOf(Jid owner) {
        return settings.get(owner.local());
    }

    private Set<Setting> byAudience(Jid owner, Jid viewer, PrivacySettings set) {
        Set<Setting> allowed = EnumSet.noneOf(Setting.class);
        Boolean contact = null; // looked up once, and only when a setting needs it
        for (Setting s : Setting.values()) {
            Audience a = set.get(s);
            if (a == Audience.EVERYONE) {
                allowed.add(s);
            } else if (a == Audience.CONTACTS && viewer != null) {
                if (contact == null) contact = rosters.item(owner.local(), viewer.bare()).isPresent();
                if (contact) allowed.add(s);
            }
        }
        return allowed;
    }

    private static boolean self(Jid owner, Jid viewer) {
        return viewer != null && viewer.local() != null && viewer.bare().equals(owner.bare());
    }
}
