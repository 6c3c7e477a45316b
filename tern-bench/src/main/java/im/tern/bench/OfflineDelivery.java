package im.tern.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.util.TLSUtils;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Durable one-to-one throughput and offline delivery: one client sends N messages to an account with no
 * device online, counting XEP-0198 acks (each ack means the message is stored); then that account logs in
 * and the time until all N have arrived gives the offline delivery rate.
 */
@Command(name = "offline-delivery", mixinStandardHelpOptions = true,
        description = "Messages/s stored for an offline account (acknowledged), and delivered when it logs in.")
public final class OfflineDelivery implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1") String host;
    @Option(names = "--port", defaultValue = "5222") int port;
    @Option(names = "--domain", defaultValue = "localhost") String domain;
    @Option(names = "--sender", defaultValue = "u1") String sender;
    @Option(names = "--receiver", defaultValue = "u2") String receiver;
    @Option(names = "--password", defaultValue = "secret") String password;
    @Option(names = "--messages", defaultValue = "10000") int messages;

    public static void main(String[] args) {
        System.exit(new CommandLine(new OfflineDelivery()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        XMPPTCPConnection from = connect(sender, "offline-bench");
        Jid to = JidCreate.from(receiver + "@" + domain);
        CountDownLatch acked = new CountDownLatch(messages);
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            String id = "ob-" + start + "-" + i;
            from.addStanzaIdAcknowledgedListener(id, s -> acked.countDown());
            from.sendStanza(StanzaBuilder.buildMessage(id).to(to).ofType(Message.Type.chat)
                    .setBody("offline benchmark message " + i).build());
        }
        from.requestSmAcknowledgement();
        if (!acked.await(300, TimeUnit.SECONDS)) throw new IllegalStateException(acked.getCount() + " never acknowledged");
        double storeSeconds = (System.nanoTime() - start) / 1e9;
        from.disconnect();

        AtomicInteger got = new AtomicInteger();
        AtomicLong lastAt = new AtomicLong();
        CountDownLatch all = new CountDownLatch(1);
        XMPPTCPConnection to2 = connection(receiver, "offline-bench");
        to2.addSyncStanzaListener(s -> {
            if (((Message) s).getBody() == null) return;
            lastAt.set(System.nanoTime());
            if (got.incrementAndGet() == messages) all.countDown();
        }, StanzaTypeFilter.MESSAGE);
        long loginStart = System.nanoTime();
        to2.connect().login();
        if (!all.await(300, TimeUnit.SECONDS)) throw new IllegalStateException("only " + got.get() + " delivered");
        double deliverSeconds = (lastAt.get() - loginStart) / 1e9;
        to2.disconnect();
        System.out.printf("stored (acknowledged, durable): %d messages in %.2f s = %.0f msgs/s%n", messages, storeSeconds, messages / storeSeconds);
        System.out.printf("offline delivery on login: %d messages in %.2f s (login included) = %.0f msgs/s%n",
                messages, deliverSeconds, messages / deliverSeconds);
        return 0;
    }

    private XMPPTCPConnection connect(String user, String resource) throws Exception {
        XMPPTCPConnection c = connection(user, resource);
        c.connect().login();
        return c;
    }

    private XMPPTCPConnection connection(String user, String resource) throws Exception {
        XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(domain).setHost(host).setPort(port).setUsernameAndPassword(user, password)
                .setResource(resource).setSecurityMode(SecurityMode.ifpossible).setSendPresence(true);
        TLSUtils.acceptAllCertificates(b);
        TLSUtils.disableHostnameVerificationForTlsCertificates(b);
        XMPPTCPConnection c = new XMPPTCPConnection(b.build());
        c.setUseStreamManagement(true);
        c.setReplyTimeout(60_000);
        return c;
    }
}
