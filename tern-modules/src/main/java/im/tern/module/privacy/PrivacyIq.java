package im.tern.module.privacy;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.store.PrivacySettings;
import im.tern.store.PrivacySettings.Audience;
import im.tern.store.PrivacySettings.Setting;
import im.tern.xml.Element;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code <privacy xmlns='urn:tern:privacy:0'/>}: a get answers the account's settings as attributes, a set
 * changes the ones its attributes name and answers them all. Only the account itself may ask.
 */
final class PrivacyIq {
    static final String ELEMENT = "privacy";

    private final PrivacyChanges changes;

    PrivacyIq(PrivacyChanges changes) {
        this.changes = changes;
    }

    CompletionStage<Stanza> get(Stanza request) {
        Jid account = request.from().bare();
        if (!request.to().equals(account)) return done(request.errorReply(StanzaError.FORBIDDEN, "only your own settings"));
        return changes.get(account).thenApply(s -> Iq.result(request, element(s)));
    }

    CompletionStage<Stanza> set(Stanza request) {
        Jid account = request.from().bare();
        if (!request.to().equals(account)) return done(request.errorReply(StanzaError.FORBIDDEN, "only your own settings"));
        Element payload = Iq.payload(request);
        Map<Setting, Audience> asked = new EnumMap<>(Setting.class);
        for (int i = 0; i < payload.attrCount(); i++) {
            String name = payload.attrName(i);
            Setting setting = PrivacyNames.setting(PrivacyNames.XML, name);
            if (setting == null) return done(request.errorReply(StanzaError.BAD_REQUEST, "unknown setting: " + name));
            Audience audience = Audience.fromWire(payload.attrValue(i));
            if (audience == null) {
                return done(request.errorReply(StanzaError.BAD_REQUEST, name + " must be everyone, contacts or nobody"));
            }
            asked.put(setting, audience);
        }
        if (asked.isEmpty() || !payload.children().isEmpty()) {
            return done(request.errorReply(StanzaError.BAD_REQUEST, "name the settings to change as attributes, and nothing else"));
        }
        return changes.apply(account, asked).thenApply(s -> Iq.result(request, element(s)));
    }

    static Element element(PrivacySettings settings) {
        Element.Builder b = Element.builder(ELEMENT, PrivacyModule.NAMESPACE);
        for (Setting s : Setting.values()) b.attr(PrivacyNames.XML.get(s), settings.get(s).wireName());
        return b.build();
    }

    private static CompletionStage<Stanza> done(Stanza reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
