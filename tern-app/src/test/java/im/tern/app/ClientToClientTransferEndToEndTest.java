package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.filetransfer.FileTransferManager;
import org.jivesoftware.smackx.filetransfer.FileTransferNegotiator;
import org.jivesoftware.smackx.filetransfer.OutgoingFileTransfer;
import org.junit.jupiter.api.Test;

/** Client-to-client IQ streams pass through the server untouched: a file over in-band bytestreams (XEP-0047). */
class ClientToClientTransferEndToEndTest {
    @Test
    void fileSentOverInBandBytestreamsArrivesWhole() throws Exception {
        FileTransferNegotiator.IBB_ONLY = true;
        try (RunningTern tern = RunningTern.start()) {
            tern.addUser("alice", "pw");
            tern.addUser("bob", "pw");
            XMPPTCPConnection alice = tern.login("alice", "pw", "a");
            XMPPTCPConnection bob = tern.login("bob", "pw", "b");
            byte[] data = "hello file".repeat(100).getBytes();
            CompletableFuture<byte[]> got = new CompletableFuture<>();
            FileTransferManager.getInstanceFor(bob).addFileTransferListener(req -> {
                try (InputStream in = req.accept().receiveFile()) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    got.complete(out.toByteArray());
                } catch (Exception e) {
                    got.completeExceptionally(e);
                }
            });
            OutgoingFileTransfer t = FileTransferManager.getInstanceFor(alice).createOutgoingFileTransfer(bob.getUser());
            t.sendStream(new java.io.ByteArrayInputStream(data), "f.txt", data.length, "test");
            assertThat(got.get(20, TimeUnit.SECONDS)).isEqualTo(data);
        } finally {
            FileTransferNegotiator.IBB_ONLY = false;
        }
    }
}
