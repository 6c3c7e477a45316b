package im.tern.core.module;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import java.util.concurrent.CompletionStage;

/**
 * Services the server hosts on addresses of their own beside its domain, such as group chat on
 * {@code groups.example.com} (what an XEP-0114 component does, but in process). The router hands every
 * stanza addressed to a served domain, or to any JID on it, to its handler; nothing else sees it.
 */
public interface Services {
    /** Takes the stanzas to {@code domain} and every JID on it; one handler per domain. */
    void serve(Jid domain, Handler handler);

    /** Receives the stanzas for a served domain, their {@code from} already stamped. */
    @FunctionalInterface
    interface Handler {
        /**
         * Handles one stanza; completes once it is accepted (delivered or durably stored), which is when the
         * sender's acknowledgement (XEP-0198) is given, with false when it was refused with an error.
         */
        CompletionStage<Boolean> handle(Stanza stanza);
    }
}
