package im.tern.module.archive;

import im.tern.core.StanzaError;

/** An archive query the server answers with an error: the condition and a text for the client. */
public final class QueryRefused extends Exception {
    private final StanzaError error;

    public QueryRefused(StanzaError error, String text) {
        super(text, null, false, false);
        this.error = error;
    }

    public StanzaError error() { return error; }
}
