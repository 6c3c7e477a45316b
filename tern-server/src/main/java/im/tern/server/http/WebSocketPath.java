package im.tern.server.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/** Where XMPP over WebSocket is served, and which upgrade requests may reach the handshake there. */
final class WebSocketPath {
    static final String PATH = "/xmpp-websocket";
    static final String SUBPROTOCOL = "xmpp";

    private WebSocketPath() {}

    /**
     * Null when the request may go on to the handshake; otherwise why not: a GET upgrading to WebSocket that
     * offers the {@code xmpp} subprotocol (RFC 7395 section 3.1) is required.
     */
    static HttpResponseStatus refusal(FullHttpRequest request) {
        if (!HttpMethod.GET.equals(request.method())) return HttpResponseStatus.METHOD_NOT_ALLOWED;
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            return HttpResponseStatus.UPGRADE_REQUIRED;
        }
        String offered = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        if (offered != null) {
            for (String p : offered.split(",")) if (p.strip().equals(SUBPROTOCOL)) return null;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }
}
