package im.tern.module.devices;

import im.tern.core.Jid;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.module.api.AccountAuth;
import im.tern.module.api.BasicCredentials;
import im.tern.module.api.Blocking;
import im.tern.module.api.Json;
import im.tern.module.api.Problem;
import im.tern.store.DeviceStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/devices} lists the account's linked devices, for any of its devices; {@code DELETE
 * /v1/devices/{id}} unlinks one: the primary device may unlink any, a linked device only itself (signing out).
 * An unlinked device's token stops working at once and its live sessions end with a stream error.
 */
final class DeviceRequests {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRequests.class);
    static final String UNLINKED = "this device was unlinked from the account";

    private final DeviceSettings settings;
    private final AccountAuth auth;
    private final DeviceStore devices;
    private final Sessions sessions;
    private final Executor blocking;

    DeviceRequests(DeviceSettings settings, AccountAuth auth, DeviceStore devices, Sessions sessions, Executor blocking) {
        this.settings = settings;
        this.auth = auth;
        this.devices = devices;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    CompletionStage<HttpResponse> list(HttpRequest request) {
        BasicCredentials basic = BasicCredentials.parse(request.header("authorization"));
        if (basic == null) return Blocking.now(BasicCredentials.unauthorized("authenticate with your JID and token").response());
        return Blocking.answer(blocking, () -> {
            AccountAuth.Caller caller = auth.authenticate(basic);
            List<Map<String, Object>> listed = devices.list(caller.user()).stream().map(d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", d.id());
                m.put("name", d.name());
                m.put("linked", d.created().toString());
                return m;
            }).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("devices", listed);
            body.put("max", settings.maxLinked());
            return Json.response(200, body);
        });
    }

    CompletionStage<HttpResponse> revoke(HttpRequest request) {
        BasicCredentials basic = BasicCredentials.parse(request.header("authorization"));
        if (basic == null) return Blocking.now(BasicCredentials.unauthorized("authenticate with your JID and token").response());
        String id = request.param("id");
        return Blocking.answer(blocking, () -> {
            AccountAuth.Caller caller = auth.authenticate(basic);
            if (!caller.primary() && !caller.device().equals(id)) {
                throw AccountAuth.primaryOnly("unlink other devices (a linked device may unlink itself)").exception();
            }
            if (!DeviceSecrets.wellFormedId(id) || !devices.revoke(caller.user(), id)) throw notFound().exception();
            signOut(caller.account(), id);
            LOG.info("{} unlinked device {}", caller.account(), id);
            return HttpResponse.empty(204);
        });
    }

    /** Ends the device's live sessions (its token no longer works, so they must not outlast it). */
    void signOut(Jid account, String device) {
        for (Session s : sessions.of(account)) {
            if (device.equals(s.device())) s.close("not-authorized", UNLINKED);
        }
    }

    private static Problem notFound() {
        return Problem.of(404, "device-not-found", "No such device",
                "this account has no linked device with this id; GET /v1/devices lists them");
    }
}
