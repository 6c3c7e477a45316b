package im.tern.module.version;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.xml.Element;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionModuleTest {
    @TempDir
    Path dir;

    @Test
    void serverTellsItsNameAndVersionButNotItsOperatingSystem() {
        try (TestServer server = new TestServer(dir, new VersionModule("1.2.3"))) {
            TestSession alice = server.login("alice", "phone");
            Element reply = server.iq(alice, "get", "example.com", Element.empty("query", VersionModule.NAMESPACE));
            Element query = reply.child("query", VersionModule.NAMESPACE);
            assertThat(reply.attr("type")).isEqualTo("result");
            assertThat(query.childText("name", VersionModule.NAMESPACE)).isEqualTo("Tern");
            assertThat(query.childText("version", VersionModule.NAMESPACE)).isEqualTo("1.2.3");
            assertThat(query.child("os", VersionModule.NAMESPACE)).isNull();
        }
    }

    @Test
    void versionFromManifestFallsBackWhenRunFromClasses() {
        try (TestServer server = new TestServer(dir, VersionModule.fromManifest())) {
            TestSession alice = server.login("alice", "phone");
            Element query = server.iq(alice, "get", "example.com", Element.empty("query", VersionModule.NAMESPACE))
                    .child("query", VersionModule.NAMESPACE);
            assertThat(query.childText("version", VersionModule.NAMESPACE)).isEqualTo("dev");
        }
    }
}
