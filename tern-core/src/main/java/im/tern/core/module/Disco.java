package im.tern.core.module;

/** Registry of service discovery (XEP-0030) features and identities. */
public interface Disco {
    /** A feature the server (its domain JID) supports. */
    void serverFeature(String var);

    /** A feature every account (a bare user JID) supports, such as PEP. */
    void accountFeature(String var);

    void serverIdentity(String category, String type, String name);

    java.util.Set<String> serverFeatures();

    java.util.Set<String> accountFeatures();

    java.util.List<Identity> serverIdentities();

    record Identity(String category, String type, String name) {}
}
