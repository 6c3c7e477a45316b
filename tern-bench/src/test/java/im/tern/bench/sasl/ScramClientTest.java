package im.tern.bench.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tern.core.auth.ScramAlgorithm;
import org.junit.jupiter.api.Test;

class ScramClientTest {
    @Test
    void matchesRfc5802ScramSha1Example() {
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL", new ScramKeyCache(4));

        assertThat(client.clientFirst()).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        assertThat(client.clientFinal("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"))
                .isEqualTo("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        assertThat(client.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")).isTrue();
    }

    @Test
    void matchesRfc7677ScramSha256Example() {
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO", new ScramKeyCache(4));

        assertThat(client.clientFirst()).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        assertThat(client.clientFinal("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))
                .isEqualTo("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(client.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")).isTrue();
    }

    @Test
    void rejectsAWrongServerSignatureOrAnError() {
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO", new ScramKeyCache(4));
        client.clientFirst();
        client.clientFinal("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");

        assertThat(client.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")).isFalse();
        assertThat(client.verifyServerFinal("e=invalid-proof")).isFalse();
    }

    @Test
    void refusesAServerNonceThatDoesNotExtendItsOwn() {
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_1, "user", "pencil", "abc", new ScramKeyCache(4));
        client.clientFirst();

        assertThatThrownBy(() -> client.clientFinal("r=xyz123,s=QSXCR+Q6sek8bf92,i=4096")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.clientFinal("r=abc,s=QSXCR+Q6sek8bf92,i=4096")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escapesCommaAndEqualsInTheUsername() {
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_1, "a,b=c", "p", "n", new ScramKeyCache(4));

        assertThat(client.clientFirst()).isEqualTo("n,,n=a=2Cb=3Dc,r=n");
    }

    @Test
    void runsPbkdf2OncePerPasswordSaltAndIterationCount() {
        ScramKeyCache cache = new ScramKeyCache(4);
        for (int i = 0; i < 50; i++) {
            ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "u" + i, "pencil", "nonce" + i, cache);
            client.clientFirst();
            client.clientFinal("r=nonce" + i + "server,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        }

        assertThat(cache.derivations()).isEqualTo(1);
    }

    @Test
    void savedKeysSpareTheNextRunItsPbkdf2(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ScramKeyCache first = new ScramKeyCache(8);
        String expected = login(first);
        first.save(dir.resolve("keys"));
        assertThat(java.nio.file.Files.readString(dir.resolve("keys"))).doesNotContain("pencil");

        ScramKeyCache second = new ScramKeyCache(8);
        second.load(dir.resolve("keys"));

        assertThat(login(second)).isEqualTo(expected);
        assertThat(second.derivations()).isZero();
    }

    private static String login(ScramKeyCache cache) {
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO", cache);
        client.clientFirst();
        return client.clientFinal("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    }
}
