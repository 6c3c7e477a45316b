package im.tern.module.register;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.auth.AccountCredentials;
import im.tern.core.auth.Credentials;
import im.tern.core.module.Events;
import im.tern.core.module.IqHandlers.Target;
import im.tern.core.module.IqHandlers.Type;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Session;
import im.tern.store.PinStore;
import im.tern.store.UserStore;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * XEP-0077. With {@code allowCreate}, anyone who reaches the server may create an account before
 * logging in (test rigs, private servers); a signed-in user may always change their password or
 * cancel their account, from the account's primary device: a linked device's session is refused
 * ({@code not-allowed}), as it is over HTTP. A password change keeps the account's salts, so linked
 * devices go on working (docs/decisions/0011). An account with a two-step PIN is deleted over HTTP,
 * which can carry the PIN; here it is refused.
 */
public final class RegisterModule implements Module {
    public static final String NS = "jabber:iq:register";
    static final String FEATURE = "http://jabber.org/features/iq-register";

    private final boolean allowCreate;
    private ModuleContext ctx;
    private UserStore users;
    private PinStore pins;

    public RegisterModule(boolean allowCreate) {
        this.allowCreate = allowCreate;
    }

    @Override
    public String name() { return "register"; }

    @Override
    public void start(ModuleContext ctx) {
        this.ctx = ctx;
        this.users = ctx.store(UserStore.class);
        this.pins = ctx.store(PinStore.class);
        if (allowCreate) {
            ctx.streamFeatures().addPreAuth(Element.empty("register", FEATURE));
            ctx.iq().on(Target.PREAUTH, Type.GET, "query", NS, this::form);
            ctx.iq().on(Target.PREAUTH, Type.SET, "query", NS, this::create);
        }
        ctx.iq().serverGet("query", NS, this::registered);
        ctx.iq().serverSet("query", NS, this::change);
    }

    private CompletionStage<Stanza> form(Stanza req) {
        return done(Iq.result(req, Element.builder("query", NS)
                .textChild("instructions", "Choose a user name and password.")
                .child(Element.empty("username", NS)).child(Element.empty("password", NS)).build()));
    }

    private CompletionStage<Stanza> create(Stanza req) {
        Element q = Iq.payload(req);
        String username = q.childText("username", NS);
        String password = q.childText("password", NS);
        if (username == null || password == null || password.isEmpty()) {
            return done(req.errorReply(StanzaError.NOT_ACCEPTABLE, "username and password are required"));
        }
        Jid jid = Jid.parse(username + "@" + ctx.domain());
        if (jid == null || jid.local() == null || username.contains("@") || username.contains("/")) {
            return done(req.errorReply(StanzaError.JID_MALFORMED, "not a valid user name"));
        }
        return CompletableFuture.supplyAsync(() -> users.create(jid.local(), Credentials.fromPassword(password))
                ? Iq.result(req) : req.errorReply(StanzaError.CONFLICT, "that user name is taken"), ctx.blocking());
    }

    private CompletionStage<Stanza> registered(Stanza req) {
        return done(Iq.result(req, Element.builder("query", NS).child(Element.empty("registered", NS))
                .textChild("username", req.from().local()).build()));
    }

    private CompletionStage<Stanza> change(Stanza req) {
        Element q = Iq.payload(req);
        String user = req.from().local();
        Session session = ctx.sessions().get(req.from());
        if (session == null || !AccountCredentials.PRIMARY.equals(session.device())) {
            return done(req.errorReply(StanzaError.NOT_ALLOWED,
                    "only the account's primary device may change its password or cancel it; this is a linked device"));
        }
        if (q.child("remove", NS) != null) return remove(req, user);
        String username = q.childText("username", NS);
        String password = q.childText("password", NS);
        Jid named = username == null ? req.from() : Jid.parse(username + "@" + ctx.domain());
        if (password == null || password.isEmpty() || named == null || !user.equals(named.local())) {
            return done(req.errorReply(StanzaError.BAD_REQUEST, "send your own user name and a new password"));
        }
        // On the account's salts: the linked devices' keys were derived on them and must stay valid.
        return CompletableFuture.supplyAsync(() -> users.credentials(user)
                .map(old -> users.setCredentials(user, old.withPassword(password))).orElse(false)
                ? Iq.result(req) : req.errorReply(StanzaError.ITEM_NOT_FOUND), ctx.blocking());
    }

    private CompletionStage<Stanza> remove(Stanza req, String user) {
        return CompletableFuture.supplyAsync(() -> {
            if (pins.get(user).isPresent()) {
                return req.errorReply(StanzaError.NOT_ALLOWED, "this account has a two-step PIN: delete it with"
                        + " DELETE /v1/accounts/me and the PIN");
            }
            users.delete(user);
            // The core signs the account's devices out on AccountDeleted (XEP-0077 section 3.2); fire it
            // once the result is on its way, so the client hears that its cancellation succeeded.
            CompletableFuture.runAsync(() -> ctx.hooks().fire(new Events.AccountDeleted(req.from().bare())),
                    CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS, ctx.blocking()));
            return Iq.result(req);
        }, ctx.blocking());
    }

    private static CompletionStage<Stanza> done(Stanza s) {
        return CompletableFuture.completedFuture(s);
    }
}
