package im.tern.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import im.tern.module.muc.MucSettings;
import java.nio.file.Path;

/**
 * Everything an operator can set, with its default. Read from a YAML file ({@code --config}); command-line
 * options override it. The sample with every default documented is {@code docs/tern.example.yaml}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class TernConfig {
    /** The XMPP domain served: the part after the @ in every address. */
    @JsonProperty public String domain = "localhost";
    /** Where the embedded store, the TLS certificate and other state live. */
    @JsonProperty public Path data = Path.of("tern-data");
    /** Address to listen on. */
    @JsonProperty public String bind = "0.0.0.0";
    @JsonProperty public Ports ports = new Ports();
    @JsonProperty public Tls tls = new Tls();
    @JsonProperty public Store store = new Store();
    @JsonProperty public Limits limits = new Limits();
    @JsonProperty public Http http = new Http();

    public static final class Http {
        /**
         * Serve the HTTP port (API, WebSocket) over TLS with the server's certificate: HTTPS and wss. Turn
         * off only behind a reverse proxy that terminates TLS.
         */
        @JsonProperty public boolean tls = true;
    }

    public static final class Ports {
        /** Client-to-server with STARTTLS (RFC 6120); 0 picks a free port. */
        @JsonProperty public int c2s = 5222;
        /** Client-to-server with direct TLS (XEP-0368); 0 picks a free port, -1 disables. */
        @JsonProperty public int tls = 5223;
        /** HTTP: health, metrics and XMPP over WebSocket (RFC 7395); 0 picks a free port, -1 disables. */
        @JsonProperty public int http = 5280;
    }

    public static final class Tls {
        /** PEM certificate chain; when unset a self-signed certificate is made in {@code <data>/tls} on first start. */
        @JsonProperty public Path certificate;
        /** PEM private key (PKCS#8) for the certificate. */
        @JsonProperty public Path key;
        /** Refuse authentication on the c2s port until STARTTLS is done. */
        @JsonProperty public boolean required = true;
    }

    public static final class Store {
        /** {@code embedded} (H2 under the data directory, no setup) or {@code postgres}. */
        @JsonProperty public String kind = "embedded";
        /** JDBC URL for postgres, e.g. jdbc:postgresql://127.0.0.1:5432/tern */
        @JsonProperty public String url;
        @JsonProperty public String user;
        @JsonProperty public String password;
        /** Connections in the pool. */
        @JsonProperty public int pool = 10;
    }

    public static final class Limits {
        /** Largest stanza accepted, in bytes; larger ones end the stream with policy-violation. */
        @JsonProperty public int maxStanzaBytes = 256 * 1024;
        /** Deepest element nesting inside a stanza. */
        @JsonProperty public int maxDepth = 64;
        /** Seconds a connection may take to authenticate. */
        @JsonProperty public int authTimeoutSeconds = 30;
        /** Seconds of silence after which an authenticated connection is closed. */
        @JsonProperty public int idleTimeoutSeconds = 600;
        /** Concurrent unauthenticated connections allowed from one IP address. */
        @JsonProperty public int unauthenticatedPerIp = 100;
        /** Bytes per second one connection may send before its reads are paused. */
        @JsonProperty public int readBytesPerSecond = 1024 * 1024;
        /** Failed logins from one address, or for one account, before further tries are refused for a while. */
        @JsonProperty public int maxAuthFailures = 5;
        /** The window, in seconds, in which failed logins are counted. */
        @JsonProperty public int authFailureWindowSeconds = 300;
        /** Threads for blocking work (storage, password hashing); 0 = four per core, at least eight. */
        @JsonProperty public int blockingThreads = 0;
    }

    @JsonProperty public Registration registration = new Registration();
    /** Phone-number sign-up over the HTTP API: limits and the SMS gateway (docs/signup.md). */
    @JsonProperty public SignupConfig signup = new SignupConfig();
    /** Linked devices over the HTTP API: link codes and their limits (docs/devices.md). */
    @JsonProperty public DevicesConfig devices = new DevicesConfig();
    @JsonProperty public Messages messages = new Messages();
    /** Groups: the XEP-0045 service and its limits (docs/groups.md). */
    @JsonProperty public Groups groups = new Groups();
    /** Personal eventing (XEP-0163: avatars, OMEMO keys, moods...) and its limits (docs/pep.md). */
    @JsonProperty public PepConfig pep = new PepConfig();
    /** Contact discovery and its caps (docs/contacts-and-privacy.md). */
    @JsonProperty public ContactsConfig contacts = new ContactsConfig();
    /** Profiles (display name, about) and the privacy settings' HTTP API. */
    @JsonProperty public ProfileConfig profile = new ProfileConfig();
    /** HTTP File Upload (XEP-0363): limits, quotas, lifetimes (docs/upload.md). */
    @JsonProperty public UploadConfig upload = new UploadConfig();

    /** One-to-one messaging: offline storage, the archive, stream management and the edit/delete windows. */
    public static final class Messages {
        /** Days a message waits for an account with no device online before it expires (XEP-0160). */
        @JsonProperty public int offlineMaxAgeDays = 30;
        /** Messages one account may have waiting; further ones are refused with resource-constraint. */
        @JsonProperty public int offlineMaxPerAccount = 50_000;
        /** Days the archive (XEP-0313) keeps a message for devices that sync; 0 keeps them forever. */
        @JsonProperty public int archiveRetentionDays = 365;
        /** Seconds after sending in which a message may be deleted for everyone (XEP-0424). */
        @JsonProperty public int retractWindowSeconds = 2 * 24 * 3600;
        /** Seconds after sending in which a message may be corrected (XEP-0308); 0 sets no limit. */
        @JsonProperty public int editWindowSeconds = 0;
        /** Seconds a dropped connection's session waits to be resumed (XEP-0198) before it ends. */
        @JsonProperty public int resumeTimeoutSeconds = 300;
        /** Stanzas one session may have sent but not had acknowledged (XEP-0198) before it is closed. */
        @JsonProperty public int maxUnacked = 10_000;
    }

    public static final class Groups {
        /** Serve groups at all; the service is {@code <subdomain>.<domain>}. */
        @JsonProperty public boolean enabled = true;
        @JsonProperty public String subdomain = "groups";
        /** Owners, admins and members one group may have; more are refused with not-allowed. */
        @JsonProperty public int maxMembers = 1024;
        /** Groups one account may own; creating another is refused with not-allowed. */
        @JsonProperty public int maxRoomsPerOwner = 100;
        /** Messages of history sent on entering a room when the client asks for none in particular. */
        @JsonProperty public int historyMessages = 20;
        /** The most history on entering, and the largest archive page, whatever a client asks. */
        @JsonProperty public int maxHistory = 100;

        MucSettings settings() { return new MucSettings(subdomain, maxMembers, maxRoomsPerOwner, historyMessages, maxHistory); }
    }

    public static final class Registration {
        /**
         * Allow XEP-0077 in-band registration: anyone who can reach the server may create an account.
         * Off by default (accounts come from phone sign-up or the admin command); on for test rigs.
         */
        @JsonProperty public boolean inBand = false;
    }
}
