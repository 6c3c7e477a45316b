package im.tern.core.module;

import im.tern.core.Jid;
import java.time.Clock;
import java.util.concurrent.Executor;

/** What the server offers a module while it starts. */
public interface ModuleContext {
    /** The server's own address: its XMPP domain. */
    Jid domain();

    /** Service discovery: the features and identities this server and its accounts announce. */
    Disco disco();

    /** IQ handlers by payload element. */
    IqHandlers iq();

    /** Elements offered in {@code <stream:features/>} once a client has authenticated. */
    StreamFeatures streamFeatures();

    /** Event hooks, by event type and phase. */
    Hooks hooks();

    /** Sends stanzas on to their destination by the RFC 6120/6121 routing rules. */
    Router router();

    /** Addresses served beside the domain (a subdomain for group chat): stanzas to them go to the module. */
    default Services services() { throw new UnsupportedOperationException("this server hosts no services"); }

    /** The connected sessions on this server. */
    Sessions sessions();

    /** A store the module needs; throws when the backend offers none of that type. */
    <T> T store(Class<T> type);

    /** Routes on the server's HTTP port (HTTPS by default); registering any is harmless when the port is off. */
    im.tern.core.http.HttpApi http();

    /** A bounded executor for blocking work (storage, outbound HTTP); never run such work on an event loop. */
    Executor blocking();

    Clock clock();
}
