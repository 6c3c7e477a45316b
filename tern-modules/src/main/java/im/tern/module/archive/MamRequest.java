package im.tern.module.archive;

import im.tern.core.Jid;
import im.tern.core.StanzaError;
import im.tern.xml.Element;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One archive query as the client asked it: the filters of the data form (XEP-0313 section 4.1) and the
 * page of XEP-0059 result set management. {@code before} is "" for the last page; null means not given.
 */
public record MamRequest(String queryId, Jid with, Instant start, Instant end, String afterId, String beforeId,
                  List<String> ids, int max, String after, String before, boolean flip) {
    static final String RSM = "http://jabber.org/protocol/rsm";
    static final int DEFAULT_MAX = 50;
    static final int MAX_MAX = 250;

    /** Reads {@code <query xmlns='urn:xmpp:mam:2'/>}; throws {@link QueryRefused} for what it cannot answer. */
    public static MamRequest parse(Element query) throws QueryRefused {
        Map<String, List<String>> fields = DataForm.fields(query.child("x", DataForm.NAMESPACE));
        Jid with = null;
        Instant start = null;
        Instant end = null;
        String afterId = null;
        String beforeId = null;
        List<String> ids = null;
        for (Map.Entry<String, List<String>> f : fields.entrySet()) {
            String value = f.getValue().isEmpty() ? null : f.getValue().get(0).trim();
            switch (f.getKey()) {
                case "FORM_TYPE" -> {
                    if (value != null && !value.equals(ArchiveModule.NAMESPACE)) throw bad("FORM_TYPE must be " + ArchiveModule.NAMESPACE);
                }
                case "with" -> {
                    if (value != null && !value.isEmpty()) {
                        with = Jid.parse(value);
                        if (with == null) throw new QueryRefused(StanzaError.JID_MALFORMED, "'with' is not a JID");
                    }
                }
                case "start" -> start = instant("start", value);
                case "end" -> end = instant("end", value);
                case "after-id" -> afterId = emptyAsNull(value);
                case "before-id" -> beforeId = emptyAsNull(value);
                case "ids" -> ids = f.getValue().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
                default -> throw new QueryRefused(StanzaError.FEATURE_NOT_IMPLEMENTED, "unknown field '" + f.getKey() + "'");
            }
        }
        if (ids != null && ids.size() > MAX_MAX) throw new QueryRefused(StanzaError.POLICY_VIOLATION, "at most " + MAX_MAX + " ids");

        Element set = query.child("set", RSM);
        int max = DEFAULT_MAX;
        String after = null;
        String before = null;
        if (set != null) {
            String maxText = set.childText("max", RSM);
            if (maxText != null) {
                try {
                    max = Math.min(Integer.parseInt(maxText.trim()), MAX_MAX);
                } catch (NumberFormatException e) {
                    throw bad("<max/> is not a number");
                }
                if (max < 0) throw bad("<max/> is negative");
            }
            after = set.childText("after", RSM);
            before = set.childText("before", RSM);
            if (after != null && after.isEmpty()) throw bad("<after/> needs an id");
            if (after != null && before != null) throw bad("use after-id and before-id for a range, not <after/> with <before/>");
            if (set.child("index", RSM) != null) {
                throw new QueryRefused(StanzaError.FEATURE_NOT_IMPLEMENTED, "pages by <index/> are not supported");
            }
        }
        boolean flip = query.child("flip-page", ArchiveModule.NAMESPACE) != null;
        return new MamRequest(query.attr("queryid"), with, start, end, afterId, beforeId, ids, max, after, before, flip);
    }

    private static Instant instant(String field, String value) throws QueryRefused {
        if (value == null || value.isEmpty()) return null;
        try {
            return Delay.parse(value);
        } catch (IllegalArgumentException e) {
            throw bad("'" + field + "' is not an XEP-0082 date-time");
        }
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static QueryRefused bad(String text) {
        return new QueryRefused(StanzaError.BAD_REQUEST, text);
    }
}
