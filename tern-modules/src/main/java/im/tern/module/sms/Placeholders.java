package im.tern.module.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Fills {@code ${to}}, {@code ${code}} and {@code ${text}} in a template, each value escaped for where it
 * lands: form-encoded for {@code application/x-www-form-urlencoded} bodies and URLs, JSON-string-escaped for
 * JSON bodies (the template supplies the quotes), as is otherwise.
 */
final class Placeholders {
    private Placeholders() {}

    static String fill(String template, Sms sms, UnaryOperator<String> escape) {
        return template.replace("${to}", escape.apply(sms.to()))
                .replace("${code}", escape.apply(sms.code()))
                .replace("${text}", escape.apply(sms.text()));
    }

    /** The escaping that suits a body of this content type. */
    static UnaryOperator<String> forContentType(String contentType) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (t.startsWith("application/x-www-form-urlencoded")) return Placeholders::form;
        if (t.startsWith("application/json") || t.contains("+json")) return Placeholders::json;
        return UnaryOperator.identity();
    }

    static String form(String value) { return URLEncoder.encode(value, StandardCharsets.UTF_8); }

    static String json(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
