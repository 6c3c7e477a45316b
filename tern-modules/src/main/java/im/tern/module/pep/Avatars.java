package im.tern.module.pep;

import im.tern.xml.Element;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** XEP-0084 user avatar payloads, and their vcard-temp (XEP-0054) and XEP-0153 counterparts. */
final class Avatars {
    static final String DATA = "urn:xmpp:avatar:data";
    static final String METADATA = "urn:xmpp:avatar:metadata";
    static final String VCARD = "vcard-temp";
    static final String VCARD_UPDATE = "vcard-temp:x:update";

    /** One {@code <info/>} of the metadata: the image's SHA-1 (hex) as id, its media type and size. */
    record Info(String id, String type) {}

    private Avatars() {}

    /** The info for the image kept in the data node: the one the item is named for, or null for no avatar. */
    static Info info(Element metadata, String itemId) {
        Info first = null;
        for (Element i : metadata.elements("info", METADATA)) {
            if (i.attr("url") != null || i.attr("id") == null) continue; // served elsewhere, not from the data node
            Info info = new Info(i.attr("id"), i.attr("type") == null ? "image/png" : i.attr("type"));
            if (info.id().equals(itemId)) return info;
            if (first == null) first = info;
        }
        return first;
    }

    static Element data(byte[] image) {
        return Element.builder("data", DATA).text(Base64.getEncoder().encodeToString(image)).build();
    }

    static Element metadata(String id, int bytes, String type) {
        return Element.builder("metadata", METADATA).child(Element.builder("info", METADATA)
                .attr("bytes", Integer.toString(bytes)).attr("id", id).attr("type", type).build()).build();
    }

    /** Empty metadata: the account has no avatar (XEP-0084 section 4.2). */
    static Element noAvatar() {
        return Element.empty("metadata", METADATA);
    }

    static Element vcardPhoto(String type, String base64) {
        return Element.builder("PHOTO", VCARD).textChild("TYPE", type).textChild("BINVAL", base64).build();
    }

    /** {@code <x xmlns='vcard-temp:x:update'><photo>hash</photo></x>}; an empty hash says there is no avatar. */
    static Element presenceUpdate(String hash) {
        return Element.builder("x", VCARD_UPDATE).child(Element.builder("photo", VCARD_UPDATE).text(hash).build()).build();
    }

    /** The bytes base64 text decodes to, whitespace (line breaks) and padding not counted. */
    static long decodedLength(String base64) {
        long chars = 0;
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c != '=' && !Character.isWhitespace(c)) chars++;
        }
        return chars * 3 / 4; // six bits a character; the padding stands for nothing
    }

    static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always present", e);
        }
    }

    /** The media type of an image from its first bytes, for a vCard PHOTO that names none. */
    static String sniffType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if (b.length > 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) return "image/jpeg";
        if (b.length > 3 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') return "image/gif";
        if (b.length > 11 && b[0] == 'R' && b[1] == 'I' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "image/webp";
        return "image/png";
    }
}
