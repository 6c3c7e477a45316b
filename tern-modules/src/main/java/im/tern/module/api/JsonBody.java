package im.tern.module.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tern.core.http.HttpRequest;
import im.tern.module.api.Problem.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request body read strictly as a JSON object: {@code application/json} in UTF-8 (else 415), at most a
 * given size (else 413), well-formed (else 400 {@code invalid-json}), and only the named fields, the required
 * ones present (else 400 {@code invalid-request} listing every field at fault in {@code errors}). {@link #read}
 * takes flat objects of strings; {@link #object} leaves other field types to the caller.
 */
public final class JsonBody {
    private JsonBody() {}

    /** The fields, by name; optional ones that were absent are missing from the map. */
    public static Map<String, String> read(HttpRequest request, int maxBytes, List<String> required, List<String> optional) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode root = object(request, maxBytes, required, optional, errors);
        Map<String, String> fields = new HashMap<>();
        for (Map.Entry<String, JsonNode> f : root.properties()) {
            boolean known = required.contains(f.getKey()) || optional.contains(f.getKey());
            if (!known || f.getValue().isNull()) continue; // an optional field sent as null counts as absent
            if (!f.getValue().isTextual()) errors.add(new FieldError(f.getKey(), "must be a string"));
            else fields.put(f.getKey(), f.getValue().textValue());
        }
        if (!errors.isEmpty()) throw invalid(errors).exception();
        return Collections.unmodifiableMap(fields);
    }

    /**
     * The body as a JSON object holding only the named fields, the required ones present and not null, for
     * bodies with other than string fields: the caller checks each field's type, answering with
     * {@link #invalid} when one is wrong.
     */
    public static ObjectNode object(HttpRequest request, int maxBytes, List<String> required, List<String> optional) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode root = object(request, maxBytes, required, optional, errors);
        if (!errors.isEmpty()) throw invalid(errors).exception();
        return root;
    }

    /** The object, with the unknown and missing fields added to {@code errors}; throws for what is not an object at all. */
    private static ObjectNode object(HttpRequest request, int maxBytes, List<String> required, List<String> optional,
                                     List<FieldError> errors) {
        checkMediaType(request);
        if (request.body().length > maxBytes) {
            throw Problem.of(413, "body-too-large", "Request body too large",
                    "the body is " + request.body().length + " bytes; at most " + maxBytes + " are accepted").exception();
        }
        JsonNode root = parse(request.body());
        if (!root.isObject()) throw invalidJson("the body must be a JSON object").exception();
        for (Map.Entry<String, JsonNode> f : root.properties()) {
            if (!required.contains(f.getKey()) && !optional.contains(f.getKey())) errors.add(new FieldError(f.getKey(), "unknown field"));
        }
        for (String name : required) {
            if (!root.has(name) || root.get(name).isNull()) errors.add(new FieldError(name, "is required"));
        }
        return (ObjectNode) root;
    }

    /** 400 {@code invalid-request} naming the fields at fault. */
    public static Problem invalid(List<FieldError> errors) {
        return Problem.of(400, "invalid-request", "Invalid request",
                "the request has " + errors.size() + (errors.size() == 1 ? " field" : " fields") + " in error: see errors")
                .withErrors(errors);
    }

    private static void checkMediaType(HttpRequest request) {
        String type = request.mediaType();
        String header = request.header("content-type");
        boolean utf8 = header == null || !header.toLowerCase(Locale.ROOT).contains("charset=")
                || header.toLowerCase(Locale.ROOT).replace(" ", "").matches(".*charset=\"?utf-8\"?.*");
        if (!"application/json".equals(type) || !utf8) {
            throw Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json in UTF-8" + (type == null ? "" : ", not " + type))
                    .withHeader("Accept-Post", "application/json").exception();
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) throw invalidJson("the body is empty; a JSON object is expected").exception();
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) throw invalidJson("the body is empty; a JSON object is expected").exception();
            return node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw invalidJson("the body is not well-formed JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")).exception();
        } catch (IOException e) {
            throw invalidJson("the body could not be read as JSON").exception();
        }
    }

    private static Problem invalidJson(String detail) {
        return Problem.of(400, "invalid-json", "Malformed JSON", detail);
    }
}
