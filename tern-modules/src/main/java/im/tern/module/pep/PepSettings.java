package im.tern.module.pep;

/**
 * The PEP service's limits (docs/pep.md, {@code pep} in docs/tern.example.yaml).
 *
 * @param maxItemBytes       largest item payload, as serialised UTF-8 XML; larger ones are refused with
 *                           not-acceptable and {@code <payload-too-big/>}
 * @param maxItemsPerNode    most items one node keeps; {@code pubsub#max_items} may ask for fewer, or {@code max} for this
 * @param maxNodesPerAccount most nodes one account may have; one more is refused with resource-constraint
 *                           and {@code <max-nodes-exceeded/>}
 * @param maxAvatarBytes     largest avatar image (XEP-0084 data, or a vCard PHOTO), decoded bytes
 * @param capsCacheSize      XEP-0115 capability sets remembered by verification string
 */
public record PepSettings(int maxItemBytes, int maxItemsPerNode, int maxNodesPerAccount, int maxAvatarBytes, int capsCacheSize) {
    public static final PepSettings DEFAULTS = new PepSettings(64 * 1024, 256, 256, 128 * 1024, 1000);

    public PepSettings {
        positive("maxItemBytes", maxItemBytes);
        positive("maxItemsPerNode", maxItemsPerNode);
        positive("maxNodesPerAccount", maxNodesPerAccount);
        positive("maxAvatarBytes", maxAvatarBytes);
        positive("capsCacheSize", capsCacheSize);
    }

    /** The longest a base64 avatar may be: the image limit, encoded (what a vCard PHOTO then needs room for). */
    public int maxAvatarBase64Chars() {
        return (int) Math.min(Integer.MAX_VALUE, 4L * ((maxAvatarBytes + 2L) / 3));
    }

    private static void positive(String name, int value) {
        if (value < 1) throw new IllegalArgumentException("pep." + name + " must be at least 1, not " + value);
    }
}
