-- RFC 6121 rosters. roster_versions holds the XEP-0237 counter and is the row writers lock.
CREATE TABLE roster_versions (
    username  VARCHAR(1023) NOT NULL PRIMARY KEY,
    version   BIGINT        NOT NULL
);

CREATE TABLE roster_items (
    username      VARCHAR(1023) NOT NULL,
    contact       VARCHAR(3071) NOT NULL,
    name          VARCHAR(1023),
    subscription  VARCHAR(4)    NOT NULL,
    ask_subscribe BOOLEAN       NOT NULL,
    PRIMARY KEY (username, contact)
);

CREATE TABLE roster_groups (
    username    VARCHAR(1023) NOT NULL,
    contact     VARCHAR(3071) NOT NULL,
    group_name  VARCHAR(1023) NOT NULL,
    PRIMARY KEY (username, contact, group_name),
    FOREIGN KEY (username, contact) REFERENCES roster_items (username, contact) ON DELETE CASCADE
);

-- Inbound subscription requests not yet answered, kept while the user is offline.
CREATE TABLE roster_pending_in (
    username  VARCHAR(1023) NOT NULL,
    contact   VARCHAR(3071) NOT NULL,
    presence  VARCHAR       NOT NULL,
    PRIMARY KEY (username, contact)
);
