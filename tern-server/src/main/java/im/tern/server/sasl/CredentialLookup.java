package im.tern.server.sasl;

import im.tern.core.auth.AccountCredentials;
import im.tern.store.DeviceStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An account's SCRAM credentials, its own and its linked devices', read on the blocking executor at every
 * login (one query). Not cached: a password changed in-band, by the admin command from another process, a
 * re-registration or a revoked device must count at once, and one indexed read costs far less than the SCRAM
 * exchange around it.
 */
public final class CredentialLookup {
    private final DeviceStore devices;
    private final Executor blocking;

    public CredentialLookup(DeviceStore devices, Executor blocking) {
        this.devices = devices;
        this.blocking = blocking;
    }

    public CompletableFuture<Optional<AccountCredentials>> credentials(String username) {
        return CompletableFuture.supplyAsync(() -> devices.credentials(username), blocking);
    }
}
