package im.tern.core.module;

import im.tern.core.Stanza;

/**
 * Delivers stanzas whose {@code from} is already set, by RFC 6120 section 10 and RFC 6121 section 8:
 * to the domain, to an account (bare JID) or to one of its resources (full JID), answering
 * undeliverable stanzas with the error the RFC asks for.
 */
public interface Router {
    void route(Stanza stanza);
}
