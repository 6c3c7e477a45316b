package im.tern.server.testing;

import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts the test server's self-signed certificate (and anything else): tests only. Extended, so that the
 * JDK leaves the host name check (clients dial 127.0.0.1) to it as well, and it skips it.
 */
public final class TrustAll {
    private TrustAll() {}

    public static X509ExtendedTrustManager manager() {
        return new X509ExtendedTrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
    }

    public static SSLContext context() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {manager()}, new SecureRandom());
            return c;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
