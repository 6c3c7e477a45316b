package im.tern.bench.client;

import im.tern.bench.sasl.ScramKeyCache;
import im.tern.bench.xml.XmlInput;
import im.tern.xml.StreamListener;
import io.netty.handler.ssl.SslContext;
import java.util.function.Function;

/**
 * What every simulated client of one run shares.
 *
 * @param domain      the XMPP domain (stream {@code to}, JIDs)
 * @param password    every account's password
 * @param tls         the client context when STARTTLS is wanted, else null
 * @param mechanism   {@code auto} (best offered of SCRAM-SHA-256, SCRAM-SHA-1, PLAIN) or one of those names
 * @param register    register the account in band (XEP-0077) before authenticating
 * @param presence    send initial presence after binding
 * @param resource    the resource to ask for
 * @param keyCache    SCRAM keys shared across logins
 * @param loginTimeoutMillis a session not bound within this time is failed and closed
 * @param xml         makes each session's XML input from its listener
 */
public record ClientSettings(String domain, String password, SslContext tls, String mechanism, boolean register,
                             boolean presence, String resource, ScramKeyCache keyCache, long loginTimeoutMillis,
                             Function<StreamListener, XmlInput> xml) {
}
