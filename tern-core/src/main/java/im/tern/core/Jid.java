package im.tern.core;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * An XMPP address (RFC 7622): {@code [localpart@]domainpart[/resourcepart]}.
 *
 * <p>Parts are normalised on construction: the localpart and domain are case-folded and NFC
 * normalised (the UsernameCaseMapped and IDNA rules, simplified to what Java offers), the resource
 * is NFC normalised and kept case-sensitive. Each part is at most 1023 bytes of UTF-8.
 */
public final class Jid {
    private static final int MAX_PART_BYTES = 1023;
    private static final String LOCAL_FORBIDDEN = "\"&'/:<>@";

    private final String local;
    private final String domain;
    private final String resource;
    private String string;

    private Jid(String local, String domain, String resource) {
        this.local = local;
        this.domain = domain;
        this.resource = resource;
    }

    /** Parses and normalises an address, throwing {@link IllegalArgumentException} when it is not valid. */
    public static Jid of(String jid) {
        Objects.requireNonNull(jid, "jid");
        int slash = jid.indexOf('/');
        String beforeResource = slash < 0 ? jid : jid.substring(0, slash);
        String resource = slash < 0 ? null : jid.substring(slash + 1);
        int at = beforeResource.indexOf('@');
        String local = at < 0 ? null : beforeResource.substring(0, at);
        String domain = at < 0 ? beforeResource : beforeResource.substring(at + 1);
        return of(local, domain, resource);
    }

    /** Parses an address, or returns null when it is not valid. */
    public static Jid parse(String jid) {
        if (jid == null) return null;
        try {
            return of(jid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Jid of(String local, String domain, String resource) {
        return new Jid(local == null ? null : normaliseLocal(local), normaliseDomain(domain),
                resource == null ? null : normaliseResource(resource));
    }

    public static Jid domain(String domain) { return of(null, domain, null); }

    public String local() { return local; }

    public String domain() { return domain; }

    public String resource() { return resource; }

    public boolean isBare() { return resource == null; }

    public boolean isFull() { return resource != null; }

    public boolean isDomain() { return local == null && resource == null; }

    public Jid bare() { return resource == null ? this : new Jid(local, domain, null); }

    public Jid withResource(String res) { return new Jid(local, domain, res == null ? null : normaliseResource(res)); }

    @Override
    public String toString() {
        String s = string;
        if (s == null) {
            StringBuilder sb = new StringBuilder();
            if (local != null) sb.append(local).append('@');
            sb.append(domain);
            if (resource != null) sb.append('/').append(resource);
            string = s = sb.toString();
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        return o instanceof Jid j && domain.equals(j.domain) && Objects.equals(local, j.local)
                && Objects.equals(resource, j.resource);
    }

    @Override
    public int hashCode() {
        return Objects.hash(local, domain, resource);
    }

    private static String normaliseLocal(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        checkLength(n, "localpart");
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (LOCAL_FORBIDDEN.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("character not allowed in localpart: U+" + Integer.toHexString(c));
            }
        }
        return n;
    }

    private static String normaliseDomain(String s) {
        if (s == null) throw new IllegalArgumentException("domainpart is empty");
        String d = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (d.startsWith("[") && d.endsWith("]")) return d; // IPv6 literal
        String n;
        try {
            n = IDN.toUnicode(IDN.toASCII(d, IDN.ALLOW_UNASSIGNED), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid domainpart: " + e.getMessage(), e);
        }
        checkLength(n, "domainpart");
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "@/\"&'<>:".indexOf(c) >= 0) {
                throw new IllegalArgumentException("character not allowed in domainpart: U+" + Integer.toHexString(c));
            }
        }
        return n;
    }

    private static String normaliseResource(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        checkLength(n, "resourcepart");
        for (int i = 0; i < n.length(); i++) {
            if (Character.isISOControl(n.charAt(i))) throw new IllegalArgumentException("control character in resourcepart");
        }
        return n;
    }

    private static void checkLength(String part, String what) {
        if (part.isEmpty()) throw new IllegalArgumentException(what + " is empty");
        if (part.length() > MAX_PART_BYTES || part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_PART_BYTES + " bytes");
        }
    }
}
