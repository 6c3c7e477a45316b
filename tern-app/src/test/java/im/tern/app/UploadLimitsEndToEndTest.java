package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/** Quotas per day and in total, refused with XEP-0363's errors; files and unused slots gone after expiry. */
class UploadLimitsEndToEndTest {
    @Test
    void theDailyQuotaRefusesWithARetryTimeAndIsPerAccount() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        try (RunningTern tern = RunningTern.start(cfg -> {
            cfg.upload.maxFileBytes = 1000;
            cfg.upload.quotaBytesPerDay = 1500;
            cfg.upload.quotaBytesTotal = 100_000;
        }, clock)) {
            tern.addUser("alice", "secret");
            tern.addUser("bob", "secret");
            XMPPTCPConnection alice = tern.login("alice", "secret", "phone");
            XMPPTCPConnection bob = tern.login("bob", "secret", "phone");
            UploadClient.slot(alice, "a", 1000, "image/png");
            XMPPException.XMPPErrorException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    XMPPException.XMPPErrorException.class, () -> UploadClient.slot(alice, "b", 600, "image/png"));
            assertThat(refused.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint);
            assertThat(refused.getStanzaError().getType()).isEqualTo(StanzaError.Type.WAIT);
            StandardExtensionElement retry = refused.getStanzaError().getExtension("retry", UploadClient.NS);
            assertThat(retry.getAttributeValue("stamp")).isEqualTo("2026-06-02T10:00:00Z");
            assertThat(refused.getStanzaError().getDescriptiveText()).contains("daily upload quota of 1500 bytes");
            UploadClient.slot(bob, "b", 600, "image/png"); // another account's quota is its own

            clock.advance(Duration.ofHours(24).plusSeconds(1));
            UploadClient.slot(alice, "c", 600, "image/png");
        }
    }

    @Test
    void theTotalQuotaCountsLiveFilesAndFreesUpWhenTheyExpire() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        try (RunningTern tern = RunningTern.start(cfg -> {
            cfg.upload.maxFileBytes = 1000;
            cfg.upload.quotaBytesPerDay = 100_000;
            cfg.upload.quotaBytesTotal = 2000;
            cfg.upload.fileTtlDays = 30;
            cfg.upload.collectIntervalSeconds = 1;
        }, clock)) {
            tern.addUser("alice", "secret");
            XMPPTCPConnection alice = tern.login("alice", "secret", "phone");
            UploadClient client = new UploadClient(tern);
            UploadClient.Content content = new UploadClient.Content(9);
            URI first = client.local(UploadClient.slot(alice, "one.jpg", 1000, "image/jpeg").getPutUrl());
            assertThat(client.put(first, "image/jpeg", 1000, content).statusCode()).isEqualTo(201);
            UploadClient.slot(alice, "two.jpg", 1000, "image/jpeg"); // a slot never used
            XMPPException.XMPPErrorException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    XMPPException.XMPPErrorException.class, () -> UploadClient.slot(alice, "three.jpg", 1, "image/jpeg"));
            assertThat(refused.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint);
            assertThat(refused.getStanzaError().getDescriptiveText()).contains("until older files expire");

            clock.advance(Duration.ofMinutes(6)); // the unused slot lapses; the collector removes it
            URI late = client.local(UploadClient.slot(alice, "three.jpg", 1000, "image/jpeg").getPutUrl());
            assertThat(client.get(first, null).statusCode()).isEqualTo(200);

            clock.advance(Duration.ofDays(30));
            assertThat(client.get(first, null).statusCode()).as("expired files are not served").isEqualTo(404);
            assertThat(client.put(late, "image/jpeg", 1000, content).statusCode()).as("nor are lapsed slots taken").isEqualTo(403);
            Path files = tern.data.resolve("uploads").resolve("files");
            String id = first.getPath().split("/")[3];
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (Stream<Path> s = Files.list(files)) {
                    assertThat(s.map(p -> p.getFileName().toString())).doesNotContain(id);
                }
            });
            UploadClient.slot(alice, "four.jpg", 1000, "image/jpeg");
            UploadClient.slot(alice, "five.jpg", 1000, "image/jpeg"); // the whole quota is free again
        }
    }
}
