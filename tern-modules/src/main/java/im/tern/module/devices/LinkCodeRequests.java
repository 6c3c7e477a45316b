package im.tern.module.devices;

import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.module.api.AccountAuth;
import im.tern.module.api.BasicCredentials;
import im.tern.module.api.Blocking;
import im.tern.module.api.Json;
import im.tern.module.api.JsonBody;
import im.tern.module.api.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code POST /v1/devices/link-codes}: the primary device, signed in with HTTP Basic, gets a short-lived
 * single-use code for a new device to redeem. The body may be empty or an empty JSON object.
 */
final class LinkCodeRequests {
    private final DeviceSettings settings;
    private final AccountAuth auth;
    private final LinkCodeIssuer issuer;
    private final Executor blocking;

    LinkCodeRequests(DeviceSettings settings, AccountAuth auth, LinkCodeIssuer issuer, Executor blocking) {
        this.settings = settings;
        this.auth = auth;
        this.issuer = issuer;
        this.blocking = blocking;
    }

    CompletionStage<HttpResponse> create(HttpRequest request) {
        BasicCredentials basic = BasicCredentials.parse(request.header("authorization"));
        if (basic == null) return Blocking.now(BasicCredentials.unauthorized("authenticate with your JID and token").response());
        try {
            if (request.body().length > 0) JsonBody.read(request, settings.maxBodyBytes(), List.of(), List.of());
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answer(blocking, () -> {
            AccountAuth.Caller caller = auth.authenticate(basic);
            if (!caller.primary()) throw AccountAuth.primaryOnly("link new devices").exception();
            LinkCode code = issuer.issue(caller.user());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code.text());
            body.put("expiresIn", settings.linkCodeTtl().toSeconds());
            return Json.response(201, body);
        });
    }
}
