package im.tern.store;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Who may see or do what with an account: one {@link Audience} per {@link Setting}. Immutable. */
public final class PrivacySettings {
    /** What a setting governs. */
    public enum Setting {
        /** XEP-0012 last activity ("last seen"). */
        LAST_SEEN,
        /** Available presence ("online"). */
        ONLINE,
        /** The profile photo. */
        AVATAR,
        /** The "about" text. */
        ABOUT,
        /** Adding the account to a group. */
        GROUP_ADD
    }

    /** Who: anyone, the accounts on the owner's roster, or no one but the owner. */
    public enum Audience {
        EVERYONE, CONTACTS, NOBODY;

        /** The lower-case name used in the APIs and in the store. */
        public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }

        /** The audience of that wire name, or null. */
        public static Audience fromWire(String name) {
            for (Audience a : values()) if (a.wireName().equals(name)) return a;
            return null;
        }
    }

    /** As WhatsApp starts: everyone sees everything and may add the account to groups. */
    public static final PrivacySettings DEFAULTS = new PrivacySettings(new EnumMap<>(Setting.class));

    private final EnumMap<Setting, Audience> audiences;

    private PrivacySettings(Map<Setting, Audience> set) {
        EnumMap<Setting, Audience> all = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) all.put(s, set.getOrDefault(s, Audience.EVERYONE));
        this.audiences = all;
    }

    /** The given audiences, the default for any setting not given. */
    public static PrivacySettings of(Map<Setting, Audience> audiences) {
        return new PrivacySettings(audiences);
    }

    public Audience get(Setting setting) { return audiences.get(setting); }

    /** These settings with one changed. */
    public PrivacySettings with(Setting setting, Audience audience) {
        EnumMap<Setting, Audience> changed = new EnumMap<>(audiences);
        changed.put(setting, Objects.requireNonNull(audience, "audience"));
        return new PrivacySettings(changed);
    }

    /** Every setting with its audience, in declaration order. */
    public Map<Setting, Audience> asMap() { return new EnumMap<>(audiences); }

    @Override
    public boolean equals(Object o) { return o instanceof PrivacySettings p && p.audiences.equals(audiences); }

    @Override
    public int hashCode() { return audiences.hashCode(); }

    @Override
    public String toString() { return "PrivacySettings" + audiences; }
}
