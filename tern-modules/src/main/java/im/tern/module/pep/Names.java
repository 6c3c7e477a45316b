package im.tern.module.pep;

import im.tern.core.StanzaError;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Node names and item ids as requests give them: present, and short enough to be store keys. */
final class Names {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Names() {}

    /** The node attribute of a request; PEP has no instant nodes, so it is required. */
    static String node(String node) {
        if (node == null || node.isEmpty()) throw PubSubError.of(StanzaError.BAD_REQUEST, "nodeid-required", "the request names no node");
        if (node.length() > PubSub.MAX_NAME_LENGTH) {
            throw PubSubError.of(StanzaError.NOT_ACCEPTABLE, "node names are limited to " + PubSub.MAX_NAME_LENGTH + " characters");
        }
        return node;
    }

    /** An item id the publisher chose, or a new random one when it chose none. */
    static String itemId(String id) {
        if (id == null || id.isEmpty()) {
            byte[] bytes = new byte[12];
            RANDOM.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
        if (id.length() > PubSub.MAX_NAME_LENGTH) {
            throw PubSubError.of(StanzaError.NOT_ACCEPTABLE, "item ids are limited to " + PubSub.MAX_NAME_LENGTH + " characters");
        }
        return id;
    }
}
