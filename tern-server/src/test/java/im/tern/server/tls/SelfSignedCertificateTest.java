package im.tern.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
    @TempDir Path dir;

    @Test
    void generatesOnceForTheDomainAndItsSubdomainsThenReusesIt() throws Exception {
        SelfSignedCertificate.Files first = SelfSignedCertificate.ensure(dir, "tern.test");
        String pem = Files.readString(first.certificate());
        SelfSignedCertificate.Files again = SelfSignedCertificate.ensure(dir, "tern.test");
        assertThat(Files.readString(again.certificate())).isEqualTo(pem);

        X509Certificate cert = ServerTls.readChain(first.certificate())[0];
        assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
        List<String> names = cert.getSubjectAlternativeNames().stream().map(san -> (String) san.get(1)).toList();
        assertThat(names).containsExactlyInAnyOrder("tern.test", "*.tern.test");
        assertThat(ServerTls.readKey(first.key()).getAlgorithm()).isEqualTo("EC");
        assertThat(Files.readString(first.key())).startsWith("-----BEGIN PRIVATE KEY-----");
    }
}
