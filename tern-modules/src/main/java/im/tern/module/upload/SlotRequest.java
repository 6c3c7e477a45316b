package im.tern.module.upload;

import im.tern.xml.Element;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A XEP-0363 slot request, checked: a file name (metadata only: it never names a file on disk), a positive
 * size, and a media type ({@code application/octet-stream} when none is given).
 */
record SlotRequest(String filename, long size, String contentType) {
    static final int MAX_FILENAME_CHARS = 255;
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN);

    /** Why a request was refused, for the {@code <text/>} of a bad-request error. */
    static final class Invalid extends Exception {
        Invalid(String message) { super(message, null, false, false); }
    }

    static SlotRequest parse(Element request) throws Invalid {
        String filename = request.attr("filename");
        if (filename == null || filename.isBlank()) throw new Invalid("filename is required");
        if (filename.length() > MAX_FILENAME_CHARS) throw new Invalid("filename may have at most " + MAX_FILENAME_CHARS + " characters");
        if (filename.chars().anyMatch(Character::isISOControl)) throw new Invalid("filename may not contain control characters");
        String sizeText = request.attr("size");
        long size;
        try {
            size = Long.parseLong(sizeText == null ? "" : sizeText.strip());
        } catch (NumberFormatException e) {
            throw new Invalid("size must be a number of bytes");
        }
        if (size <= 0) throw new Invalid("size must be positive");
        String type = request.attr("content-type");
        if (type == null || type.isBlank()) type = "application/octet-stream";
        type = type.strip().toLowerCase(Locale.ROOT);
        if (type.length() > 255 || !MEDIA_TYPE.matcher(type).matches()) throw new Invalid("content-type must be a media type such as image/jpeg");
        return new SlotRequest(filename, size, type);
    }

    /** The file name as it appears in the URLs: safe characters only, the rest as {@code _}. */
    String urlName() {
        String safe = filename.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("\\.\\.+", "_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }
}
