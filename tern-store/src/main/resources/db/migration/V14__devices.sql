-- Linked devices (docs/devices.md, docs/decisions/0011-linked-device-credentials.md). Instants are epoch
-- milliseconds of the server's clock.

-- A device linked to an account, with its own token kept as SCRAM StoredKey/ServerKey per hash. The salts and
-- iteration counts are the account's (users), which every credential of the account shares.
CREATE TABLE devices (
    username           VARCHAR(1023) NOT NULL,
    device_id          VARCHAR(64)   NOT NULL,
    name               VARCHAR(255)  NOT NULL,
    created_at         BIGINT        NOT NULL,
    sha1_stored_key    BYTEA         NOT NULL,
    sha1_server_key    BYTEA         NOT NULL,
    sha256_stored_key  BYTEA         NOT NULL,
    sha256_server_key  BYTEA         NOT NULL,
    PRIMARY KEY (username, device_id)
);

-- Short-lived codes that link a new device: a SHA-256 of the code's secret part, never the code.
-- status: open (may be redeemed), used (linked a device), dead (a newer code of the account replaced it).
CREATE TABLE device_link_codes (
    id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    username     VARCHAR(1023) NOT NULL,
    secret_hash  BYTEA         NOT NULL,
    created_at   BIGINT        NOT NULL,
    expires_at   BIGINT        NOT NULL,
    attempts     INTEGER       NOT NULL,
    status       VARCHAR(8)    NOT NULL
);
CREATE INDEX device_link_codes_user ON device_link_codes (username);
CREATE INDEX device_link_codes_created ON device_link_codes (created_at);

-- Account deletion removes the deleted account from every other roster: find those rows by contact.
CREATE INDEX roster_items_contact ON roster_items (contact);
CREATE INDEX roster_pending_in_contact ON roster_pending_in (contact);
