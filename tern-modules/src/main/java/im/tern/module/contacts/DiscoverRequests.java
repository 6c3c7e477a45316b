package im.tern.module.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.module.api.AccountAuth;
import im.tern.module.api.BasicCredentials;
import im.tern.module.api.Blocking;
import im.tern.module.api.Json;
import im.tern.module.api.JsonBody;
import im.tern.module.api.Problem;
import im.tern.module.api.Problem.FieldError;
import im.tern.module.api.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code POST /v1/contacts/discover}: {@code {"numbers": [...], "region": "GB", "addToRoster": false}} with HTTP
 * Basic, answered {@code {"registered": [{"number", "jid", "given"}]}}. A number that cannot be read is simply
 * not registered; a body that cannot be read, or too many numbers, is refused whole.
 */
final class DiscoverRequests {
    private final ContactDiscovery discovery;
    private final AccountAuth auth;
    private final Executor blocking;
    private final int maxBodyBytes;

    DiscoverRequests(ContactDiscovery discovery, AccountAuth auth, Executor blocking, int maxBodyBytes) {
        this.discovery = discovery;
        this.auth = auth;
        this.blocking = blocking;
        this.maxBodyBytes = maxBodyBytes;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        BasicCredentials basic;
        ParsedBody body;
        try {
            basic = AccountAuth.credentials(request);
            body = parse(JsonBody.object(request, maxBodyBytes, List.of("numbers"), List.of("region", "addToRoster")));
            if (discovery.tooMany(body.numbers().size())) throw tooMany(body.numbers().size()).exception();
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answer(blocking, () -> {
            String account = auth.authenticate(basic).user();
            var outcome = discovery.discover(new ContactDiscovery.Request(account, body.numbers(), body.region(), body.addToRoster()));
            if (outcome instanceof ContactDiscovery.OverCap o) return o.refusal().problem().response();
            if (outcome instanceof ContactDiscovery.TooMany) return tooMany(body.numbers().size()).response();
            var found = ((ContactDiscovery.Registered) outcome).found();
            return Json.response(200, Map.of("registered", found.stream().map(DiscoverRequests::json).toList()));
        });
    }

    private record ParsedBody(List<String> numbers, String region, boolean addToRoster) {}

    private static ParsedBody parse(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        JsonNode list = body.get("numbers");
        if (!list.isArray()) {
            errors.add(new FieldError("numbers", "must be an array of strings"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isTextual()) numbers.add(list.get(i).textValue());
                else errors.add(new FieldError("numbers[" + i + "]", "must be a string"));
            }
        }
        String region = null;
        JsonNode r = body.get("region");
        if (r != null && !r.isNull()) {
            region = r.isTextual() ? AddressBookNumbers.region(r.textValue()) : null;
            if (region == null) errors.add(new FieldError("region", "must be an ISO 3166-1 alpha-2 region code, such as GB"));
        }
        JsonNode add = body.get("addToRoster");
        if (add != null && !add.isNull() && !add.isBoolean()) errors.add(new FieldError("addToRoster", "must be true or false"));
        if (!errors.isEmpty()) throw JsonBody.invalid(errors.size() > 10 ? errors.subList(0, 10) : errors).exception();
        return new ParsedBody(numbers, region, add != null && add.asBoolean(false));
    }

    private Problem tooMany(int asked) {
        return Problem.of(413, "too-many-numbers", "Too many numbers",
                asked + " numbers in one request; at most " + discovery.maxNumbers() + " are accepted: send them in several")
                .with("maxNumbers", discovery.maxNumbers());
    }

    private static Map<String, String> json(ContactDiscovery.Found f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("number", f.number());
        m.put("jid", f.jid().toString());
        m.put("given", f.given());
        return m;
    }
}
