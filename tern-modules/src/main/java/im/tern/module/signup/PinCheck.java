package im.tern.module.signup;

import im.tern.module.api.Problem;
import im.tern.store.PinStore;
import im.tern.store.PinStore.Pin;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Two-step verification at re-registration: an account with a PIN is taken over only with that PIN. Each
 * try is counted before the PIN is compared; the last allowed wrong try locks the PIN for the lock-out time
 * (423 with Retry-After), during which even the right PIN is refused.
 */
final class PinCheck {
    private final PinStore pins;
    private final SignupSettings settings;

    PinCheck(PinStore pins, SignupSettings settings) {
        this.pins = pins;
        this.settings = settings;
    }

    /** Null when the account has no PIN or {@code given} is it; else the problem to answer. */
    Problem check(String user, String given, Instant now) {
        Optional<Pin> stored = pins.get(user);
        if (stored.isEmpty()) return null;
        Pin pin = stored.get();
        if (now.isBefore(pin.lockedUntil())) return locked(Duration.between(now, pin.lockedUntil()), false);
        if (given == null) {
            return Problem.of(403, "pin-required", "PIN required",
                    "this number's account has two-step verification: send its PIN as pin");
        }
        int tries = pins.countTry(user, now, settings.maxPinTries());
        if (tries == 0) {
            Instant until = pins.get(user).map(Pin::lockedUntil).filter(now::isBefore).orElse(now.plus(settings.pinLockout()));
            return locked(Duration.between(now, until), false);
        }
        if (PinHash.matches(given, pin.hash())) {
            pins.clearTries(user);
            return null;
        }
        if (tries >= settings.maxPinTries()) {
            pins.lock(user, now.plus(settings.pinLockout()));
            return locked(settings.pinLockout(), true);
        }
        int left = settings.maxPinTries() - tries;
        return Problem.of(403, "pin-wrong", "Wrong PIN", "that is not this account's PIN; " + left
                + (left == 1 ? " try" : " tries") + " left before it locks").with("attemptsLeft", left);
    }

    /** A PIN left over from an account that no longer exists belongs to nobody: the number's new owner starts fresh. */
    Problem forget(String user) {
        pins.delete(user);
        return null;
    }

    private Problem locked(Duration wait, boolean thisWasTheLast) {
        return Problem.of(423, "pin-locked", "PIN locked", (thisWasTheLast ? "wrong PIN, " + settings.maxPinTries()
                        + " times: " : "") + "the PIN is locked after too many wrong tries; try again later")
                .with("attemptsLeft", 0).retryAfter(wait);
    }
}
