package im.tern.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import im.tern.module.pep.PepSettings;

/**
 * The {@code pep} section: limits of every account's personal eventing service (XEP-0163) and of
 * avatars. Documented with its defaults in docs/tern.example.yaml and docs/pep.md.
 */
public final class PepConfig {
    private static final PepSettings D = PepSettings.DEFAULTS;

    /** Largest item payload in bytes (serialised XML); larger ones are refused with payload-too-big. */
    @JsonProperty public int maxItemBytes = D.maxItemBytes();
    /** Most items one node keeps; what {@code pubsub#max_items = max} means. */
    @JsonProperty public int maxItemsPerNode = D.maxItemsPerNode();
    /** Most nodes one account may have (OMEMO makes one per device). */
    @JsonProperty public int maxNodesPerAccount = D.maxNodesPerAccount();
    /** Largest avatar image in bytes, published over PEP (XEP-0084) or as a vCard PHOTO. */
    @JsonProperty public int maxAvatarBytes = D.maxAvatarBytes();
    /** Client capability sets (XEP-0115) remembered by verification string. */
    @JsonProperty public int capsCacheSize = D.capsCacheSize();

    PepSettings settings() {
        return new PepSettings(maxItemBytes, maxItemsPerNode, maxNodesPerAccount, maxAvatarBytes, capsCacheSize);
    }
}
