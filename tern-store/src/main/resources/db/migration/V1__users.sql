-- Accounts with SCRAM credentials (RFC 5802): salt, iterations, StoredKey, ServerKey per hash.
-- The ordered_text placeholder makes PostgreSQL sort usernames by code point, as H2 does, so pages are stable.
CREATE TABLE users (
    username           VARCHAR(1023) ${ordered_text} NOT NULL PRIMARY KEY,
    sha1_salt          BYTEA   NOT NULL,
    sha1_iterations    INTEGER NOT NULL,
    sha1_stored_key    BYTEA   NOT NULL,
    sha1_server_key    BYTEA   NOT NULL,
    sha256_salt        BYTEA   NOT NULL,
    sha256_iterations  INTEGER NOT NULL,
    sha256_stored_key  BYTEA   NOT NULL,
    sha256_server_key  BYTEA   NOT NULL
);
