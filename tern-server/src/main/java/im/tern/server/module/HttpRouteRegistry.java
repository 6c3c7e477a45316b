package im.tern.server.module;

import im.tern.core.http.HttpApi;
import im.tern.core.http.HttpHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/** The modules' HTTP routes, matched by method and path segments ({@code {name}} matches any one segment). */
public final class HttpRouteRegistry implements HttpApi {
    private record Route(String method, String[] segments, HttpHandler handler) {}

    /** A match: the handler with its path parameters, or (handler null) the methods the path allows. */
    public record Match(HttpHandler handler, Map<String, String> params, List<String> allowed) {}

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    @Override
    public void route(String method, String path, HttpHandler handler) {
        if (!path.startsWith("/")) throw new IllegalArgumentException("a path starts with /: " + path);
        String m = method.toUpperCase(Locale.ROOT);
        String[] segments = split(path);
        for (Route r : routes) {
            if (r.method.equals(m) && String.join("/", r.segments).equals(String.join("/", segments))) {
                throw new IllegalStateException(m + " " + path + " is served already");
            }
        }
        routes.add(new Route(m, segments, handler));
    }

    /** The route for this request, a 405 answer (allowed methods) when only the method is wrong, or null. */
    public Match match(String method, String path) {
        String[] segments = split(path);
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = matches(r.segments, segments);
            if (params == null) continue;
            if (r.method.equalsIgnoreCase(method)) return new Match(r.handler, params, List.of());
            allowed.add(r.method);
        }
        return allowed.isEmpty() ? null : new Match(null, Map.of(), new ArrayList<>(allowed));
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
