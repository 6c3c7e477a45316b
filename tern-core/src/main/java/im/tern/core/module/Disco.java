package im.tern.core.module;

/** Registry of service discovery (XEP-0030) features and identities. */
public interface Disco {
    /** A feature the server (its domain JID) supports. */
    void serverFeature(String var);

    /** A feature every account (a bare user JID) supports, such as PEP. */
    void accountFeature(String var);

    void serverIdentity(String category, String type, String name);

    /** An extended-information data form (XEP-0128) in the domain's disco#info, e.g. XEP-0363's max-file-size. */
    void serverExtension(im.tern.xml.Element form);

    java.util.List<im.tern.xml.Element> serverExtensions();

    java.util.Set<String> serverFeatures();

    java.util.Set<String> accountFeatures();

    java.util.List<Identity> serverIdentities();

    record Identity(String category, String type, String name) {}
}
