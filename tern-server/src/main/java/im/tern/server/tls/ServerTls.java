package im.tern.server.tls;

import im.tern.server.ServerConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Builds the server's {@link SslContext}: TLS 1.3 and 1.2 only, from PEM files or the self-signed pair. */
public final class ServerTls {
    private ServerTls() {}

    /**
     * Loads the native TLS library and its classes on a thread of its own, so that this (about half of a cold
     * start) overlaps reading the configuration and opening the store instead of following them.
     */
    public static void warmUp() {
        Thread t = new Thread(() -> {
            if (io.netty.handler.ssl.OpenSsl.isAvailable()) SslProvider.isTlsv13Supported(SslProvider.OPENSSL);
        }, "tern-tls-warm-up");
        t.setDaemon(true);
        t.start();
    }

    public static SslContext context(ServerConfig.Tls tls, String domain) throws IOException, GeneralSecurityException {
        Path cert = tls.certificate();
        Path key = tls.key();
        if (cert == null || key == null) {
            if (tls.dataDir() == null) throw new IllegalArgumentException("TLS needs a data directory or PEM files");
            SelfSignedCertificate.Files files = SelfSignedCertificate.ensure(tls.dataDir().resolve("tls"), domain);
            cert = files.certificate();
            key = files.key();
        }
        return SslContextBuilder.forServer(readKey(key), readChain(cert))
                // BoringSSL when its native library loads (the common case on Linux), else the JDK's engine.
                .sslProvider(io.netty.handler.ssl.OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
    }

    /** A PEM private key: PKCS#8, or the older SEC1/PKCS#1 forms operators' tools still write. */
    static PrivateKey readKey(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
                if (o instanceof PEMKeyPair pair) return converter.getKeyPair(pair).getPrivate();
            }
        }
        throw new IOException("no private key in " + file);
    }

    static X509Certificate[] readChain(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof X509CertificateHolder h) chain.add(converter.getCertificate(h));
            }
        }
        if (chain.isEmpty()) throw new IOException("no certificate in " + file);
        return chain.toArray(new X509Certificate[0]);
    }
}
