package im.tern.module.push;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The {@code <enable/>} and {@code <disable/>} requests of XEP-0357 sections 6 and 7, from one of the
 * account's own resources to its bare JID.
 */
final class PushSettings {
    /** A publish-options form larger than this is refused: it is stored and sent with every push. */
    static final int MAX_FORM_CHARS = 4096;

    private final PushRegistrations registrations;
    private final Coalescer coalescer;
    private final Executor blocking;

    PushSettings(PushRegistrations registrations, Coalescer coalescer, Executor blocking) {
        this.registrations = registrations;
        this.coalescer = coalescer;
        this.blocking = blocking;
    }

    CompletionStage<Stanza> enable(Stanza request) {
        Element enable = Iq.payload(request);
        Stanza refusal = refusal(request, enable);
        if (refusal != null) return done(refusal);
        Jid service = Jid.of(enable.attr("jid"));
        if (service.equals(request.to()) || service.equals(Jid.domain(request.to().domain()))) {
            return done(request.errorReply(StanzaError.NOT_ACCEPTABLE, "the push service cannot be this account or its server"));
        }
        Element form = enable.child("x", PushModule.DATA_FORMS);
        if (form != null && !isPublishOptions(form)) {
            return done(request.errorReply(StanzaError.BAD_REQUEST,
                    "the form must be a submitted " + PushModule.PUBLISH_OPTIONS + " form"));
        }
        if (form != null && form.toXml().length() > MAX_FORM_CHARS) {
            return done(request.errorReply(StanzaError.NOT_ACCEPTABLE, "the publish options are too large"));
        }
        PushRegistration registration = new PushRegistration(service, enable.attr("node"), form);
        String user = request.to().local();
        return CompletableFuture.runAsync(() -> registrations.enable(user, registration), blocking)
                .thenApply(v -> Iq.result(request));
    }

    CompletionStage<Stanza> disable(Stanza request) {
        Element disable = Iq.payload(request);
        Stanza refusal = refusal(request, disable);
        if (refusal != null) return done(refusal);
        Jid service = Jid.of(disable.attr("jid"));
        String node = disable.attr("node");
        Jid account = request.to();
        return CompletableFuture.runAsync(() -> registrations.disable(account.local(), service, node), blocking)
                .thenApply(v -> {
                    coalescer.forget(account, service, node);
                    return Iq.result(request);
                });
    }

    /** Own account only, and a valid service JID. */
    private static Stanza refusal(Stanza request, Element payload) {
        if (!request.to().equals(request.from().bare())) return request.errorReply(StanzaError.FORBIDDEN);
        String jid = payload.attr("jid");
        if (jid == null) return request.errorReply(StanzaError.BAD_REQUEST, "the jid attribute is missing");
        if (Jid.parse(jid) == null) return request.errorReply(StanzaError.JID_MALFORMED);
        return null;
    }

    private static boolean isPublishOptions(Element form) {
        if (!"submit".equals(form.attr("type"))) return false;
        for (Element field : form.elements("field", PushModule.DATA_FORMS)) {
            if ("FORM_TYPE".equals(field.attr("var"))) {
                String value = field.childText("value", PushModule.DATA_FORMS);
                return value != null && PushModule.PUBLISH_OPTIONS.equals(value.trim());
            }
        }
        return false;
    }

    private static CompletionStage<Stanza> done(Stanza reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
