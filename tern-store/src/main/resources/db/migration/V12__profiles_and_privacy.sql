-- Profiles and privacy settings (docs/contacts-and-privacy.md). Lengths are limited by the profile module's
-- settings, not by the columns.
CREATE TABLE profiles (
    username      VARCHAR(1023) NOT NULL PRIMARY KEY,
    display_name  VARCHAR,
    about         VARCHAR
);

-- One row per setting the account has set; a missing row means the default. Settings added later need no
-- migration.
CREATE TABLE privacy_settings (
    username  VARCHAR(1023) NOT NULL,
    setting   VARCHAR(32)   NOT NULL,
    audience  VARCHAR(16)   NOT NULL,
    PRIMARY KEY (username, setting)
);
