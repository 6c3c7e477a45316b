package im.tern.module.privacy;

import im.tern.store.PrivacySettings.Setting;
import java.util.Map;

/** The names of the settings in the HTTP API's JSON and in the XMPP protocol's attributes. */
final class PrivacyNames {
    private PrivacyNames() {}

    static final Map<Setting, String> JSON = Map.of(Setting.LAST_SEEN, "lastSeen", Setting.ONLINE, "online",
            Setting.AVATAR, "avatar", Setting.ABOUT, "about", Setting.GROUP_ADD, "groupAdd");

    static final Map<Setting, String> XML = Map.of(Setting.LAST_SEEN, "last-seen", Setting.ONLINE, "online",
            Setting.AVATAR, "avatar", Setting.ABOUT, "about", Setting.GROUP_ADD, "group-add");

    /** The setting of that name in {@code names}, or null. */
    static Setting setting(Map<Setting, String> names, String name) {
        for (Map.Entry<Setting, String> e : names.entrySet()) if (e.getValue().equals(name)) return e.getKey();
        return null;
    }
}
