package im.tern.module.pep;

import im.tern.xml.Element;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The XEP-0115 verification string (section 5.1) of a disco#info answer, to check that the features a
 * client reports are the ones its {@code ver} stands for before they are remembered for every client
 * announcing the same {@code ver}.
 */
final class CapsVer {
    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";

    private CapsVer() {}

    /** The JDK digest for a hash name of the IANA registry XEP-0115 uses, or null when not offered. */
    static String algorithm(String hash) {
        if (hash == null) return null;
        return switch (hash.toLowerCase(Locale.ROOT)) {
            case "sha-1" -> "SHA-1";
            case "sha-224" -> "SHA-224";
            case "sha-256" -> "SHA-256";
            case "sha-384" -> "SHA-384";
            case "sha-512" -> "SHA-512";
            default -> null;
        };
    }

    /**
     * The verification string, or null when the answer must not be trusted (section 5.4: duplicate
     * identities or features, or two forms of one FORM_TYPE) or the hash is not offered.
     */
    static String of(Element query, String hash) {
        String algorithm = algorithm(hash);
        if (algorithm == null) return null;
        StringBuilder s = new StringBuilder();
        List<String> identities = new ArrayList<>();
        for (Element id : query.elements("identity", DISCO_INFO)) {
            identities.add(nz(id.attr("category")) + "/" + nz(id.attr("type")) + "/" + nz(id.attr("xml:lang")) + "/" + nz(id.attr("name")));
        }
        if (!appendSorted(s, identities)) return null;
        List<String> features = new ArrayList<>();
        for (Element f : query.elements("feature", DISCO_INFO)) features.add(nz(f.attr("var")));
        if (!appendSorted(s, features)) return null;
        Map<String, Element> forms = new TreeMap<>(Comparator.comparing(CapsVer::octets, CapsVer::compare));
        for (Element x : query.elements("x", PubSub.FORMS)) {
            String type = hiddenFormType(x);
            if (type == null) continue; // ignored, as section 5.4 says
            if (forms.put(type, x) != null) return null;
        }
        for (Map.Entry<String, Element> form : forms.entrySet()) {
            s.append(form.getKey()).append('<');
            Map<String, List<String>> fields = new TreeMap<>(Comparator.comparing(CapsVer::octets, CapsVer::compare));
            fields.putAll(DataForms.fields(form.getValue()));
            fields.remove(DataForms.FORM_TYPE);
            for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                s.append(field.getKey()).append('<');
                List<String> values = new ArrayList<>(field.getValue());
                values.sort(Comparator.comparing(CapsVer::octets, CapsVer::compare));
                for (String v : values) s.append(v).append('<');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** The features an answer lists. */
    static Set<String> features(Element query) {
        Set<String> out = new HashSet<>();
        for (Element f : query.elements("feature", DISCO_INFO)) if (f.attr("var") != null) out.add(f.attr("var"));
        return Set.copyOf(out);
    }

    private static String hiddenFormType(Element x) {
        for (Element field : x.elements("field", PubSub.FORMS)) {
            if (DataForms.FORM_TYPE.equals(field.attr("var"))) {
                return "hidden".equals(field.attr("type")) ? field.childText("value", PubSub.FORMS) : null;
            }
        }
        return null;
    }

    /** Sorts by octets (i;octet) and appends each with '<'; false on a duplicate. */
    private static boolean appendSorted(StringBuilder s, List<String> values) {
        values.sort(Comparator.comparing(CapsVer::octets, CapsVer::compare));
        for (int i = 0; i < values.size(); i++) {
            if (i > 0 && values.get(i).equals(values.get(i - 1))) return false;
            s.append(values.get(i)).append('<');
        }
        return true;
    }

    private static byte[] octets(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static int compare(byte[] a, byte[] b) { return java.util.Arrays.compareUnsigned(a, b); }

    private static String nz(String s) { return s == null ? "" : s; }
}
