package im.tern.module.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tern.core.Jid;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.module.api.AccountAuth;
import im.tern.module.api.BasicCredentials;
import im.tern.module.api.Blocking;
import im.tern.module.api.Json;
import im.tern.module.api.JsonBody;
import im.tern.module.api.Problem.FieldError;
import im.tern.module.api.ProblemException;
import im.tern.store.PrivacySettings;
import im.tern.store.PrivacySettings.Audience;
import im.tern.store.PrivacySettings.Setting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code GET /v1/privacy} answers the account's settings; {@code PUT /v1/privacy} changes the ones it names
 * (at least one) and answers them all. HTTP Basic with the account's JID and token.
 */
final class PrivacyRequests {
    private static final List<String> FIELDS = Arrays.stream(Setting.values()).map(PrivacyNames.JSON::get).toList();

    private final PrivacyChanges changes;
    private final AccountAuth auth;
    private final Jid domain;
    private final Executor blocking;
    private final int maxBodyBytes;

    PrivacyRequests(PrivacyChanges changes, AccountAuth auth, Jid domain, Executor blocking, int maxBodyBytes) {
        this.changes = changes;
        this.auth = auth;
        this.domain = domain;
        this.blocking = blocking;
        this.maxBodyBytes = maxBodyBytes;
    }

    CompletionStage<HttpResponse> get(HttpRequest request) {
        BasicCredentials basic;
        try {
            basic = AccountAuth.credentials(request);
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answered(Blocking.supply(blocking, () -> account(basic))
                .thenCompose(changes::get).thenApply(s -> Json.response(200, json(s))));
    }

    CompletionStage<HttpResponse> put(HttpRequest request) {
        BasicCredentials basic;
        Map<Setting, Audience> asked;
        try {
            basic = AccountAuth.credentials(request);
            asked = parse(JsonBody.object(request, maxBodyBytes, List.of(), FIELDS));
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answered(Blocking.supply(blocking, () -> account(basic))
                .thenCompose(account -> changes.apply(account, asked)).thenApply(s -> Json.response(200, json(s))));
    }

    private Jid account(BasicCredentials basic) {
        return auth.authenticate(basic).account();
    }

    private static Map<Setting, Audience> parse(ObjectNode body) {
        Map<Setting, Audience> asked = new EnumMap<>(Setting.class);
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : body.properties()) {
            Audience a = f.getValue().isTextual() ? Audience.fromWire(f.getValue().textValue()) : null;
            if (a == null) errors.add(new FieldError(f.getKey(), "must be \"everyone\", \"contacts\" or \"nobody\""));
            else asked.put(PrivacyNames.setting(PrivacyNames.JSON, f.getKey()), a);
        }
        if (errors.isEmpty() && asked.isEmpty()) {
            errors.add(new FieldError("*", "name at least one of " + String.join(", ", FIELDS)));
        }
        if (!errors.isEmpty()) throw JsonBody.invalid(errors).exception();
        return asked;
    }

    static Map<String, String> json(PrivacySettings settings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : Setting.values()) out.put(PrivacyNames.JSON.get(s), settings.get(s).wireName());
        return out;
    }
}
