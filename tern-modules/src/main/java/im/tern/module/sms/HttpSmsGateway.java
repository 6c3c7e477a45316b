package im.tern.module.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Sends through a provider's HTTP API: one request per message to a configured URL, with configured headers
 * and a body template ({@code ${to}}, {@code ${code}}, {@code ${text}}; see {@link Placeholders}). Any 2xx
 * answer is success; anything else, a timeout or a connection failure is an {@link SmsException}.
 * Redirects are not followed, so credentials in the headers go to the configured host only.
 */
public final class HttpSmsGateway implements SmsGateway {
    /** What to send where: e.g. Twilio's Messages resource with a form body, or a JSON API. */
    public record Settings(String url, String method, Map<String, String> headers, String contentType, String body,
                           Duration connectTimeout, Duration timeout) {
        public Settings {
            Objects.requireNonNull(url, "sms.http.url is required for the http gateway");
            method = method == null ? "POST" : method;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            contentType = contentType == null ? "application/x-www-form-urlencoded" : contentType;
            body = body == null ? "" : body;
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if ((h.getKey() + h.getValue()).matches("(?s).*[\\r\\n].*")) throw new IllegalArgumentException("line break in header " + h.getKey());
            }
            URI.create(url.replace("${to}", "0").replace("${code}", "0").replace("${text}", "0")); // fails early when malformed
        }
    }

    private final Settings settings;
    private final HttpClient client;

    public HttpSmsGateway(Settings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(Sms sms) throws SmsException {
        String body = Placeholders.fill(settings.body(), sms, Placeholders.forContentType(settings.contentType()));
        URI uri = URI.create(Placeholders.fill(settings.url(), sms, Placeholders::form));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .method(settings.method(), HttpRequest.BodyPublishers.ofString(body));
        boolean typeSet = settings.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("content-type"));
        if (!body.isEmpty() && !typeSet) request.header("Content-Type", settings.contentType());
        settings.headers().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new SmsException("SMS provider at " + uri.getHost() + " did not answer within " + settings.timeout(), e);
        } catch (IOException e) {
            throw new SmsException("SMS provider at " + uri.getHost() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException("interrupted while sending", e);
        }
        if (response.statusCode() / 100 != 2) {
            String text = response.body() == null ? "" : response.body();
            throw new SmsException("SMS provider at " + uri.getHost() + " answered " + response.statusCode() + ": "
                    + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
        }
    }
}
