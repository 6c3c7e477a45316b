-- Phone-number sign-up (docs/signup.md). Instants are epoch milliseconds of the server's clock.

-- One row per number that asked for a code. Opening a verification locks it, so two requests for one
-- number run one after the other and the resend cool-down holds on every node.
CREATE TABLE signup_numbers (
    phone       VARCHAR(32) NOT NULL PRIMARY KEY,
    touched_at  BIGINT      NOT NULL
);

-- Codes sent by SMS: a SHA-256 of the verification id and the code, never the code itself.
-- status: open (may be tried), used (made an account), dead (a newer code replaced it).
CREATE TABLE signup_verifications (
    id          VARCHAR(64) NOT NULL PRIMARY KEY,
    phone       VARCHAR(32) NOT NULL,
    code_hash   BYTEA       NOT NULL,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL,
    attempts    INTEGER     NOT NULL,
    status      VARCHAR(8)  NOT NULL
);
CREATE INDEX signup_verifications_phone ON signup_verifications (phone, created_at);
CREATE INDEX signup_verifications_created ON signup_verifications (created_at);

-- Two-step verification PINs: a salted PBKDF2 hash, the tries counted towards a lock-out, its end.
CREATE TABLE signup_pins (
    username      VARCHAR(1023) NOT NULL PRIMARY KEY,
    pin_hash      VARCHAR(255)  NOT NULL,
    tries         INTEGER       NOT NULL,
    locked_until  BIGINT        NOT NULL
);

-- Fixed-window counters behind the abuse limits (per number, per address, per number prefix).
CREATE TABLE quota_counters (
    counter_key   VARCHAR(255) NOT NULL,
    window_start  BIGINT       NOT NULL,
    window_end    BIGINT       NOT NULL,
    hits          INTEGER      NOT NULL,
    PRIMARY KEY (counter_key, window_start)
);
CREATE INDEX quota_counters_end ON quota_counters (window_end);
