package im.tern.app;

import im.tern.store.ArchivedMessage;
import im.tern.store.MessageStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Messages one test user sent another, and their copies in both archives. The retraction and edit windows
 * are judged by the archive (XEP-0313); where no archive module has kept a message, {@link #ensureArchived}
 * puts both copies in the {@link MessageStore} the way the archive would, stamped with the test clock.
 */
final class SentMessages {
    private final MessageStore archive;
    private final Clock clock;

    SentMessages(RunningTern tern, Clock clock) {
        this.archive = tern.server.database().store(MessageStore.class);
        this.clock = clock;
    }

    /** A chat message whose id and XEP-0359 origin-id are {@code id}. */
    static Message chat(String to, String id, String body) throws Exception {
        return StanzaBuilder.buildMessage(id).to(JidCreate.from(to)).ofType(Message.Type.chat).setBody(body)
                .addExtension(new OriginIdElement(id)).build();
    }

    /** After the recipient got {@code received}: both archived copies, archived now unless already there. */
    void ensureArchived(String sender, String recipient, Message received) {
        String id = received.getStanzaId();
        String senderBare = sender + "@" + RunningTern.DOMAIN;
        String recipientBare = recipient + "@" + RunningTern.DOMAIN;
        if (archive.findByOriginId(sender, recipientBare, id, true).isPresent()) return;
        String xml = received.toXML(XmlEnvironment.EMPTY).toString();
        archive.archive(List.of(
                new ArchivedMessage(sender, "s-" + id, recipientBare, id, true, clock.instant(), null, xml),
                new ArchivedMessage(recipient, "r-" + id, senderBare, id, false, clock.instant(), null, xml)));
    }

    /** The owner's archived copy of the message exchanged with {@code with} under that origin-id. */
    Optional<ArchivedMessage> copy(String owner, String with, String id, boolean outgoing) {
        return archive.findByOriginId(owner, with + "@" + RunningTern.DOMAIN, id, outgoing);
    }
}
