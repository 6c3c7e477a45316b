package im.tern.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import im.tern.module.contacts.ContactsSettings;

/**
 * The {@code contacts} section: contact discovery and the cap on new numbers, which asking for someone else's
 * profile counts against too (docs/contacts-and-privacy.md). Documented with its defaults in docs/tern.example.yaml.
 */
public final class ContactsConfig {
    /** Serve contact discovery (POST /v1/contacts/discover and the urn:tern:contacts:0 IQ). */
    @JsonProperty public boolean enabled = true;
    /** Numbers one request may ask about; more is refused whole (413 / policy-violation). */
    @JsonProperty public int maxNumbers = 1000;
    /** Numbers per account per UTC day that it never looked up before (0 = no cap); 429 / resource-constraint. */
    @JsonProperty public int maxNewNumbersPerDay = 2000;
    /** A number not looked up again for this many days counts as new again (its hash is forgotten). */
    @JsonProperty public int rememberDays = 180;
    /** Largest request body in bytes. */
    @JsonProperty public int maxBodyBytes = 128 * 1024;

    ContactsSettings settings() {
        return new ContactsSettings(maxNumbers, maxNewNumbersPerDay, rememberDays, maxBodyBytes);
    }
}
