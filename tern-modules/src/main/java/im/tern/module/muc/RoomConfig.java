package im.tern.module.muc;

import im.tern.store.GroupStore;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code muc#roomconfig} form (XEP-0045 section 10.2): offered to owners, read back when they submit it. */
final class RoomConfig {
    static final String NAME = "muc#roomconfig_roomname";
    static final String DESC = "muc#roomconfig_roomdesc";
    static final String PERSISTENT = "muc#roomconfig_persistentroom";
    static final String PUBLIC = "muc#roomconfig_publicroom";
    static final String MEMBERS_ONLY = "muc#roomconfig_membersonly";
    static final String MODERATED = "muc#roomconfig_moderatedroom";
    static final String CHANGE_SUBJECT = "muc#roomconfig_changesubject";
    static final String WHOIS = "muc#roomconfig_whois";
    static final String PASSWORD_PROTECTED = "muc#roomconfig_passwordprotectedroom";
    static final String SECRET = "muc#roomconfig_roomsecret";
    static final String MAX_USERS = "muc#roomconfig_maxusers";
    /** Always on: every room keeps its archive (docs/groups.md); offered so clients see it, a submitted value is ignored. */
    static final String LOGGING = "muc#roomconfig_enablelogging";

    private RoomConfig() {}

    static Element form(GroupStore.Room c) {
        return Element.builder("x", MucNs.DATA).attr("type", "form")
                .child(Element.builder("title", MucNs.DATA).text("Configuration of " + c.name()).build())
                .child(hidden("FORM_TYPE", MucNs.ROOMCONFIG))
                .child(field(NAME, "text-single", "Name", c.title()))
                .child(field(DESC, "text-single", "Description", c.description()))
                .child(bool(PERSISTENT, "Keep the room when the last occupant leaves", c.persistent()))
                .child(bool(PUBLIC, "List the room in the directory", c.publicRoom()))
                .child(bool(MEMBERS_ONLY, "Only members may enter", c.membersOnly()))
                .child(bool(MODERATED, "Only participants with voice may post", c.moderated()))
                .child(bool(CHANGE_SUBJECT, "Occupants may change the subject", c.changeSubject()))
                .child(Element.builder("field", MucNs.DATA).attr("var", WHOIS).attr("type", "list-single")
                        .attr("label", "Who may see real JIDs")
                        .child(option("moderators")).child(option("anyone"))
                        .child(value(c.whoisAnyone() ? "anyone" : "moderators")).build())
                .child(bool(PASSWORD_PROTECTED, "A password is needed to enter", !c.password().isEmpty()))
                .child(field(SECRET, "text-private", "Password", c.password()))
                .child(bool(LOGGING, "Keep the room's messages in its archive (always on)", true))
                .child(field(MAX_USERS, "text-single", "Most occupants at once (0: no limit)", Integer.toString(c.maxOccupants())))
                .build();
    }

    /**
     * The configuration with the submitted fields applied; fields Tern does not offer are ignored (clients send
     * whole forms of other servers). Throws {@link IllegalArgumentException} with a reason for a bad value.
     */
    static GroupStore.Room apply(GroupStore.Room c, Element submitted) {
        Map<String, List<String>> f = fields(submitted);
        String whois = first(f, WHOIS, c.whoisAnyone() ? "anyone" : "moderators");
        if (!whois.equals("anyone") && !whois.equals("moderators")) throw new IllegalArgumentException(WHOIS + " is anyone or moderators");
        return new GroupStore.Room(c.name(), limited(first(f, NAME, c.title()), 1023, NAME),
                limited(first(f, DESC, c.description()), 4096, DESC), c.subject(), c.subjectBy(),
                bool(f, PERSISTENT, c.persistent()), bool(f, MEMBERS_ONLY, c.membersOnly()), bool(f, MODERATED, c.moderated()),
                bool(f, PUBLIC, c.publicRoom()), whois.equals("anyone"), bool(f, CHANGE_SUBJECT, c.changeSubject()),
                password(f, c.password()), maxUsers(first(f, MAX_USERS, Integer.toString(c.maxOccupants()))), c.createdAt());
    }

    private static String password(Map<String, List<String>> f, String current) {
        boolean protect = bool(f, PASSWORD_PROTECTED, !current.isEmpty());
        if (!protect) return "";
        String secret = limited(first(f, SECRET, current), 1023, SECRET);
        if (secret.isEmpty()) throw new IllegalArgumentException(SECRET + " is needed for a password-protected room");
        return secret;
    }

    private static int maxUsers(String value) {
        if (value.isBlank() || value.equals("none")) return 0;
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) throw new IllegalArgumentException(MAX_USERS + " must not be negative");
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_USERS + " must be a number");
        }
    }

    private static String limited(String s, int max, String field) {
        if (s.length() > max) throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        return s;
    }

    static Map<String, List<String>> fields(Element form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element field : form.elements("field", MucNs.DATA)) {
            if (field.attr("var") == null) continue;
            List<String> values = new ArrayList<>();
            for (Element v : field.elements("value", MucNs.DATA)) values.add(v.text());
            out.put(field.attr("var"), values);
        }
        return out;
    }

    private static String first(Map<String, List<String>> f, String var, String fallback) {
        List<String> v = f.get(var);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }

    private static boolean bool(Map<String, List<String>> f, String var, boolean fallback) {
        String v = first(f, var, null);
        if (v == null) return fallback;
        return switch (v.trim()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException(var + " must be a boolean");
        };
    }

    static Element hidden(String var, String value) {
        return Element.builder("field", MucNs.DATA).attr("var", var).attr("type", "hidden").child(value(value)).build();
    }

    static Element field(String var, String type, String label, String value) {
        return Element.builder("field", MucNs.DATA).attr("var", var).attr("type", type).attr("label", label).child(value(value)).build();
    }

    private static Element bool(String var, String label, boolean value) {
        return field(var, "boolean", label, value ? "1" : "0");
    }

    private static Element option(String value) {
        return Element.builder("option", MucNs.DATA).attr("label", value).child(value(value)).build();
    }

    static Element value(String v) {
        return Element.builder("value", MucNs.DATA).text(v).build();
    }
}
