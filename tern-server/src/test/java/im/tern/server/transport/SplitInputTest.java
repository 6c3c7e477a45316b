package im.tern.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.auth.Credentials;
import im.tern.core.module.IqHandlers;
import im.tern.server.module.FeatureRegistry;
import im.tern.server.module.HookRegistry;
import im.tern.server.module.IqHandlerRegistry;
import im.tern.server.route.AccountDirectory;
import im.tern.server.route.IqDispatcher;
import im.tern.server.route.StanzaRouter;
import im.tern.server.sasl.CredentialLookup;
import im.tern.server.sasl.LoginBackoff;
import im.tern.server.sasl.SaslMechanisms;
import im.tern.server.session.SessionRegistry;
import im.tern.server.stream.C2sServices;
import im.tern.store.Database;
import im.tern.store.StoreConfig;
import im.tern.store.UserStore;
import im.tern.xml.Element;
import im.tern.xml.XmlLimits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Netty adapter in memory: input cut at every byte, through tags and multi-byte characters. */
class SplitInputTest {
    private static final String TEXT = "caf\u00e9 \ud83d\ude00 \u4e2d";

    @TempDir static Path dir;
    static Database db;
    static C2sConnection.Shared shared;
    static final List<ByteBuf> fed = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        db = Database.open(StoreConfig.embedded(dir));
        UserStore users = db.store(UserStore.class);
        users.create("alice", Credentials.fromPassword("pw", 4096));
        Jid domain = Jid.of("tern.test");
        SessionRegistry sessions = new SessionRegistry();
        HookRegistry hooks = new HookRegistry();
        IqHandlerRegistry handlers = new IqHandlerRegistry();
        // Echoes the payload's text back: enough to see what the parser made of the split bytes.
        handlers.on(IqHandlers.Target.PREAUTH, IqHandlers.Type.GET, "echo", "urn:test:echo", req ->
                CompletableFuture.completedFuture(Iq.result(req, Element.builder("echo", "urn:test:echo")
                        .text(Iq.payload(req).text()).build())));
        IqDispatcher iq = new IqDispatcher(handlers);
        StanzaRouter router = new StanzaRouter(domain, sessions, new AccountDirectory(users, sessions, ForkJoinPool.commonPool()), iq, hooks);
        C2sServices services = new C2sServices(domain, false, sessions, router, hooks, iq, new FeatureRegistry(),
                new SaslMechanisms(domain, new CredentialLookup(db.store(im.tern.store.DeviceStore.class), ForkJoinPool.commonPool()), ForkJoinPool.commonPool()),
                new LoginBackoff(5, Duration.ofMinutes(1)), new im.tern.server.sm.Resumption(Duration.ofMinutes(1), 100));
        shared = new C2sConnection.Shared(services, XmlLimits.DEFAULT, null,
                new ConnectionTracker(Duration.ofSeconds(30).toNanos(), Duration.ofMinutes(10).toNanos(), 100), 0, 30_000);
    }

    @AfterAll
    static void tearDown() { db.close(); }

    private static EmbeddedChannel channel() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(false, false);
        ch.pipeline().addLast(new C2sConnection(shared, ch, false));
        ch.register();
        return ch;
    }

    private static void feed(EmbeddedChannel ch, byte[] bytes, int chunk) {
        for (int i = 0; i < bytes.length && ch.isOpen(); i += chunk) {
            ByteBuf b = Unpooled.copiedBuffer(bytes, i, Math.min(chunk, bytes.length - i));
            fed.add(b);
            ch.writeInbound(b);
        }
    }

    private static String written(EmbeddedChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            out.writeBytes(bytes);
            b.release();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7})
    void parsesInputCutIntoAnyChunks(int chunk) throws Exception {
        EmbeddedChannel ch = channel();
        String input = "<?xml version='1.0'?><stream:stream to='tern.test' xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>"
                + "<iq type='get' id='e1'><echo xmlns='urn:test:echo'>" + TEXT + "</echo></iq>";
        feed(ch, input.getBytes(StandardCharsets.UTF_8), chunk);

        String out = written(ch);
        assertThat(out).contains("<stream:features>").contains("<echo xmlns=\"urn:test:echo\">" + TEXT + "</echo>");
        assertThat(fed).allSatisfy(b -> assertThat(b.refCnt()).isZero());
        ch.finishAndReleaseAll();
    }

    @Test
    void brokenInputEndsTheStreamAndClosesTheChannel() throws Exception {
        EmbeddedChannel ch = channel();
        feed(ch, ("<stream:stream to='tern.test' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                + " version='1.0'><a></b><c/>").getBytes(StandardCharsets.UTF_8), 4);
        ch.runPendingTasks();
        assertThat(written(ch)).endsWith("<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>");
        assertThat(ch.isOpen()).isFalse();
    }
}
