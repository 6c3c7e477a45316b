package im.tern.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-signed EC P-256 certificate for the domain (SAN: the domain and {@code *.domain}), made on first
 * start and kept as PEM in a directory so later starts, and clients that pinned it, see the same one.
 */
public final class SelfSignedCertificate {
    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final Duration VALIDITY = Duration.ofDays(3650);

    /** Where the pair lives. */
    public record Files(Path certificate, Path key) {}

    private SelfSignedCertificate() {}

    /** The files in {@code dir}, generated now if they are not there yet. */
    public static Files ensure(Path dir, String domain) throws IOException, GeneralSecurityException {
        Path cert = dir.resolve(domain + ".crt");
        Path key = dir.resolve(domain + ".key");
        if (java.nio.file.Files.exists(cert) && java.nio.file.Files.exists(key)) return new Files(cert, key);
        java.nio.file.Files.createDirectories(dir);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = g.generateKeyPair();
        X509CertificateHolder holder = build(pair, domain);
        writeAtomically(key, pem(new JcaPKCS8Generator(pair.getPrivate(), null)), true);
        writeAtomically(cert, pem(holder), false);
        log.info("generated a self-signed certificate for {} in {}", domain, cert);
        return new Files(cert, key);
    }

    private static X509CertificateHolder build(KeyPair pair, String domain) throws GeneralSecurityException, IOException {
        X500Name name = new X500Name("CN=" + domain);
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(64, new SecureRandom());
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, domain), new GeneralName(GeneralName.dNSName, "*." + domain)}));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        try {
            return b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String pem(Object o) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            if (o instanceof JcaPKCS8Generator gen) w.writeObject(gen);
            else w.writeObject(o);
        }
        return s.toString();
    }

    private static void writeAtomically(Path target, String text, boolean secret) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer w = java.nio.file.Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            w.write(text);
        }
        if (secret) {
            try {
                java.nio.file.Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies.
            }
        }
        try {
            java.nio.file.Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            java.nio.file.Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
