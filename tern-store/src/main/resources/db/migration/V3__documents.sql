-- Small per-account XML documents by key: vcard-temp, private XML storage (XEP-0049).
CREATE TABLE documents (
    username  VARCHAR(1023) NOT NULL,
    doc_key   VARCHAR(1023) NOT NULL,
    xml       VARCHAR       NOT NULL,
    PRIMARY KEY (username, doc_key)
);
