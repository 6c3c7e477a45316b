-- HTTP File Upload (XEP-0363, docs/upload.md). Instants are epoch milliseconds of the server's clock.

-- One row per slot; complete once its file is stored. The id is the random name of the file on disk and in
-- its URLs; the filename is what the client said, metadata only. expires_at is the slot's deadline until
-- the upload completes, then the file's.
CREATE TABLE uploads (
    id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    owner         VARCHAR(1023) NOT NULL,
    filename      VARCHAR(255)  NOT NULL,
    size          BIGINT        NOT NULL,
    content_type  VARCHAR(255)  NOT NULL,
    created_at    BIGINT        NOT NULL,
    expires_at    BIGINT        NOT NULL,
    complete      BOOLEAN       NOT NULL
);
CREATE INDEX uploads_owner ON uploads (owner, created_at);
CREATE INDEX uploads_expires ON uploads (expires_at);

-- A row per account that has asked for a slot: locked while a slot is reserved, so concurrent requests of
-- one account cannot both pass its quota.
CREATE TABLE upload_owners (
    owner VARCHAR(1023) NOT NULL PRIMARY KEY
);
