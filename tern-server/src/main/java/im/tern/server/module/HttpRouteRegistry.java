package im.tern.server.module;

import im.tern.core.http.HttpApi;
import im.tern.core.http.HttpHandler;
import im.tern.core.http.StreamingHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The modules' HTTP routes, matched by method and path segments ({@code {name}} matches any one segment). A
 * route has either a handler for a whole body or a streaming handler with its body cap.
 */
public final class HttpRouteRegistry implements HttpApi {
    private record Route(String method, String[] segments, HttpHandler handler, StreamingHandler streaming, long maxBodyBytes) {}

    /**
     * A match: the handler (or streaming handler and its cap) with its path parameters, or (both null) the
     * methods the path allows.
     */
    public record Match(HttpHandler handler, StreamingHandler streaming, long maxBodyBytes, Map<String, String> params,
                        List<String> allowed) {
        public boolean servable() { return handler != null || streaming != null; }
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    @Override
    public void route(String method, String path, HttpHandler handler) {
        add(method, path, handler, null, 0);
    }

    @Override
    public void streamingRoute(String method, String path, long maxBodyBytes, StreamingHandler handler) {
        if (maxBodyBytes <= 0) throw new IllegalArgumentException("a streamed body needs a positive cap");
        add(method, path, null, handler, maxBodyBytes);
    }

    private void add(String method, String path, HttpHandler handler, StreamingHandler streaming, long maxBodyBytes) {
        if (!path.startsWith("/")) throw new IllegalArgumentException("a path starts with /: " + path);
        String m = method.toUpperCase(Locale.ROOT);
        String[] segments = split(path);
        for (Route r : routes) {
            if (r.method.equals(m) && String.join("/", r.segments).equals(String.join("/", segments))) {
                throw new IllegalStateException(m + " " + path + " is served already");
            }
        }
        routes.add(new Route(m, segments, handler, streaming, maxBodyBytes));
    }

    /** The route for this request, a 405 answer (allowed methods) when only the method is wrong, or null. */
    public Match match(String method, String path) {
        String[] segments = split(path);
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = matches(r.segments, segments);
            if (params == null) continue;
            if (r.method.equalsIgnoreCase(method)) return new Match(r.handler, r.streaming, r.maxBodyBytes, params, List.of());
            allowed.add(r.method);
        }
        return allowed.isEmpty() ? null : new Match(null, null, 0, Map.of(), new ArrayList<>(allowed));
    }

    private static Map<String, String> matches(String[] pattern, String[] path) {
        if (pattern.length != path.length) return null;
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (path[i].isEmpty()) return null;
                params.put(p.substring(1, p.length() - 1), path[i]);
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(1).split("/", -1);
    }
}
