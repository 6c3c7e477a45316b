-- Contact discovery (docs/contacts-and-privacy.md). Days are UTC epoch days (days since 1970-01-01).

-- The numbers each account has looked up, as hashes salted with the account (never the numbers): a number
-- counts against the daily cap of new numbers only the first time. A look-up refreshes last_day; rows not
-- looked up again for contacts.rememberDays are purged.
CREATE TABLE discovery_lookups (
    username     VARCHAR(1023) NOT NULL,
    number_hash  VARCHAR(64)   NOT NULL,
    last_day     BIGINT        NOT NULL,
    PRIMARY KEY (username, number_hash)
);
CREATE INDEX discovery_lookups_last_day ON discovery_lookups (last_day);

-- New numbers counted on quota_day per account. Look-ups lock this row, so concurrent ones stay within the cap.
CREATE TABLE discovery_quota (
    username   VARCHAR(1023) NOT NULL PRIMARY KEY,
    quota_day  BIGINT        NOT NULL,
    used       INTEGER       NOT NULL
);
