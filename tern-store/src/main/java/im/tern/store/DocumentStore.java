package im.tern.store;

import java.util.Optional;

/** Small XML documents an account keeps by key: vcard-temp, private XML storage (XEP-0049). */
public interface DocumentStore {
    Optional<String> get(String user, String key);

    /** Stores or replaces the document under {@code key}. */
    void put(String user, String key, String xml);

    boolean delete(String user, String key);

    void deleteAll(String user);
}
