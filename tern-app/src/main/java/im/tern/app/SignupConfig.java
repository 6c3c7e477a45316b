package im.tern.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import im.tern.module.signup.SignupSettings;
import im.tern.module.sms.HttpSmsGateway;
import im.tern.module.sms.LogSmsGateway;
import im.tern.module.sms.SmppSmsGateway;
import im.tern.module.sms.SmsGateway;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code signup} section: phone-number sign-up over the HTTP API, its limits and the SMS gateway.
 * Documented with its defaults in docs/tern.example.yaml and docs/signup.md.
 */
public final class SignupConfig {
    /** Serve the sign-up API (POST /v1/verifications, POST /v1/accounts, PUT/DELETE /v1/account/pin). */
    @JsonProperty public boolean enabled = true;
    /** Seconds a code works after it is sent. */
    @JsonProperty public int codeTtlSeconds = 600;
    /** Wrong codes one verification takes before it is dead. */
    @JsonProperty public int maxCodeAttempts = 5;
    /** Wait after a code before another goes to the same number; doubles with each code of the series. */
    @JsonProperty public int resendCooldownSeconds = 30;
    /** The longest that wait grows to. */
    @JsonProperty public int resendCooldownMaxSeconds = 3600;
    /** Codes sent longer ago than this no longer lengthen the wait (and old verifications are purged). */
    @JsonProperty public int resendSeriesSeconds = 86400;
    /** Wrong two-step PINs before the PIN locks. */
    @JsonProperty public int pinMaxTries = 5;
    /** Seconds a locked PIN refuses every try, the right one included. */
    @JsonProperty public int pinLockoutSeconds = 86400;
    /** Largest request body in bytes; larger ones are answered 413. */
    @JsonProperty public int maxBodyBytes = 4096;
    @JsonProperty public Limits limits = new Limits();
    @JsonProperty public Sms sms = new Sms();

    /** Code requests allowed per hour and per day (0 = no limit); each refusal is a 429 with Retry-After. */
    public static final class Limits {
        @JsonProperty public Window perNumber = new Window(5, 10);
        /** Per client IP address (IPv6: per /64). Behind a proxy every client shares the proxy's address. */
        @JsonProperty public Window perAddress = new Window(20, 100);
        /** Per number prefix: SMS-pumping protection against runs of numbers in one range. */
        @JsonProperty public Window perPrefix = new Window(50, 500);
        /** Digits of the E.164 number, country code included, that make its prefix. */
        @JsonProperty public int prefixDigits = 8;
    }

    public static final class Window {
        @JsonProperty public int hour;
        @JsonProperty public int day;

        public Window() {}

        Window(int hour, int day) {
            this.hour = hour;
            this.day = day;
        }

        SignupSettings.Limit limit() { return new SignupSettings.Limit(hour, day); }
    }

    public static final class Sms {
        /** {@code log} (development: the code goes to the server log), {@code http} or {@code smpp}. */
        @JsonProperty public String gateway = "log";
        /** The message; {@code ${code}} is replaced by the 6-digit code. */
        @JsonProperty public String text = "Your Tern code is ${code}. Do not share it.";
        @JsonProperty public Http http = new Http();
        @JsonProperty public Smpp smpp = new Smpp();
    }

    /** A provider's HTTP API; {@code ${to}}, {@code ${code}}, {@code ${text}} are filled in the url and body. */
    public static final class Http {
        @JsonProperty public String url;
        @JsonProperty public String method = "POST";
        @JsonProperty public Map<String, String> headers = new LinkedHashMap<>();
        @JsonProperty public String contentType = "application/x-www-form-urlencoded";
        @JsonProperty public String body = "To=${to}&Body=${text}";
        @JsonProperty public int connectTimeoutSeconds = 5;
        @JsonProperty public int timeoutSeconds = 10;
    }

    /** An SMSC reached over SMPP 3.4, bound as a transmitter. */
    public static final class Smpp {
        @JsonProperty public String host;
        @JsonProperty public int port = 2775;
        @JsonProperty public String systemId;
        @JsonProperty public String password;
        @JsonProperty public String systemType = "";
        /** Sender: an alphanumeric id ("Tern"), a +international number, or a short code. */
        @JsonProperty public String sourceAddress = "Tern";
        @JsonProperty public int bindTimeoutSeconds = 10;
        @JsonProperty public int submitTimeoutSeconds = 10;
        @JsonProperty public int enquireLinkSeconds = 30;
    }

    SignupSettings settings() {
        return new SignupSettings(seconds(codeTtlSeconds), maxCodeAttempts, seconds(resendCooldownSeconds),
                seconds(resendCooldownMaxSeconds), seconds(resendSeriesSeconds), pinMaxTries, seconds(pinLockoutSeconds),
                limits.perNumber.limit(), limits.perAddress.limit(), limits.perPrefix.limit(), limits.prefixDigits,
                sms.text, maxBodyBytes);
    }

    /** The gateway {@code sms.gateway} names; throws on an unknown name or a missing setting. */
    SmsGateway gateway() {
        return switch (sms.gateway) {
            case "log" -> new LogSmsGateway();
            case "http" -> new HttpSmsGateway(new HttpSmsGateway.Settings(sms.http.url, sms.http.method, sms.http.headers,
                    sms.http.contentType, sms.http.body, seconds(sms.http.connectTimeoutSeconds), seconds(sms.http.timeoutSeconds)));
            case "smpp" -> new SmppSmsGateway(new SmppSmsGateway.Settings(sms.smpp.host, sms.smpp.port, sms.smpp.systemId,
                    sms.smpp.password, sms.smpp.systemType, sms.smpp.sourceAddress, seconds(sms.smpp.bindTimeoutSeconds),
                    seconds(sms.smpp.submitTimeoutSeconds), seconds(sms.smpp.enquireLinkSeconds)));
            default -> throw new IllegalArgumentException("signup.sms.gateway must be log, http or smpp, not '" + sms.gateway + "'");
        };
    }

    private static Duration seconds(int s) { return Duration.ofSeconds(s); }
}
