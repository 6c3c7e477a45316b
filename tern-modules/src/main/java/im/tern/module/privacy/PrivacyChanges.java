package im.tern.module.privacy;

import im.tern.core.Jid;
import im.tern.store.PrivacySettings;
import im.tern.store.PrivacySettings.Audience;
import im.tern.store.PrivacySettings.Setting;
import im.tern.store.PrivacyStore;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Applies a change to an account's settings, the same for the HTTP API and the IQ: the settings not named stay
 * as they were. Changes to one account are serial, so two at once cannot undo each other's other settings.
 * When who may see the account online changed, its presence goes out again, so contacts see the change at once.
 */
final class PrivacyChanges {
    private final PrivacyStore store;
    private final OnlineVisibility online;
    private final Executor blocking;
    private final Object[] locks = new Object[32];

    PrivacyChanges(PrivacyStore store, OnlineVisibility online, Executor blocking) {
        this.store = store;
        this.online = online;
        this.blocking = blocking;
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
    }

    CompletionStage<PrivacySettings> get(Jid account) {
        return CompletableFuture.supplyAsync(() -> store.get(account.local()), blocking);
    }

    /** Applies {@code changes}; completes with the settings after them. */
    CompletionStage<PrivacySettings> apply(Jid account, Map<Setting, Audience> changes) {
        String user = account.local();
        return CompletableFuture.supplyAsync(() -> {
            synchronized (locks[Math.floorMod(user.hashCode(), locks.length)]) {
                PrivacySettings before = store.get(user);
                PrivacySettings after = before;
                for (Map.Entry<Setting, Audience> c : changes.entrySet()) after = after.with(c.getKey(), c.getValue());
                if (!after.equals(before)) store.put(user, after);
                return new Change(before, after);
            }
        }, blocking).thenCompose(c -> c.before().get(Setting.ONLINE) == c.after().get(Setting.ONLINE)
                ? CompletableFuture.completedFuture(c.after())
                : online.presenceAgain(account).thenApply(v -> c.after()));
    }

    private record Change(PrivacySettings before, PrivacySettings after) {}
}
