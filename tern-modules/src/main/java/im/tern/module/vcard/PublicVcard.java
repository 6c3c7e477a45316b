package im.tern.module.vcard;

import im.tern.core.Jid;
import im.tern.module.privacy.Privacy;
import im.tern.store.PrivacySettings.Setting;
import im.tern.store.ProfileStore;
import im.tern.store.ProfileStore.Profile;
import im.tern.xml.Element;
import java.util.Set;

/**
 * An account's vCard as someone else sees it, for clients that show vcard-temp rather than the HTTP profile:
 * without DESC when the account's "about" is hidden from the viewer, without PHOTO when its photo is; and with
 * the profile's display name as NICKNAME and FN, and its "about" as DESC, where the vCard has none. Blocks.
 */
final class PublicVcard {
    private final Privacy privacy;
    private final ProfileStore profiles;

    PublicVcard(Privacy privacy, ProfileStore profiles) {
        this.privacy = privacy;
        this.profiles = profiles;
    }

    Element as(Element card, Jid owner, Jid viewer) {
        Set<Setting> allowed = privacy.allowed(owner, viewer);
        Profile profile = profiles.get(owner.local()).orElse(Profile.EMPTY);
        String ns = VcardModule.NAMESPACE;
        Element seen = card;
        if (!allowed.contains(Setting.ABOUT)) seen = seen.withoutChildren("DESC", ns);
        if (!allowed.contains(Setting.AVATAR)) seen = seen.withoutChildren("PHOTO", ns);
        seen = fill(seen, "NICKNAME", profile.displayName());
        seen = fill(seen, "FN", profile.displayName());
        if (allowed.contains(Setting.ABOUT)) seen = fill(seen, "DESC", profile.about());
        return seen;
    }

    private static Element fill(Element card, String field, String value) {
        if (value == null || card.child(field, VcardModule.NAMESPACE) != null) return card;
        return card.withChild(Element.builder(field, VcardModule.NAMESPACE).text(value).build());
    }
}
