package im.tern.module.contacts;

/**
 * The limits of contact discovery; the configuration keys are in docs/tern.example.yaml under {@code contacts}.
 *
 * @param maxNumbers          numbers one request may ask about; more is refused as a whole
 * @param maxNewNumbersPerDay numbers an account may look up per UTC day that it never looked up before (0: no cap)
 * @param rememberDays        a number not looked up again for this many days counts as new again (its hash is purged)
 * @param maxBodyBytes        largest HTTP request body accepted
 */
public record ContactsSettings(int maxNumbers, int maxNewNumbersPerDay, int rememberDays, int maxBodyBytes) {
    public ContactsSettings {
        if (maxNumbers < 1) throw new IllegalArgumentException("maxNumbers must be at least 1: " + maxNumbers);
        if (maxNewNumbersPerDay < 0) throw new IllegalArgumentException("maxNewNumbersPerDay is 0 (no cap) or more");
        if (rememberDays < 1) throw new IllegalArgumentException("rememberDays must be at least 1: " + rememberDays);
        if (maxBodyBytes < 64) throw new IllegalArgumentException("maxBodyBytes must be at least 64: " + maxBodyBytes);
    }

    /** 1,000 numbers a request, 2,000 new numbers a day (Quicksy allows 2,048), remembered for 180 days, 128 KiB bodies. */
    public static ContactsSettings defaults() {
        return new ContactsSettings(1000, 2000, 180, 128 * 1024);
    }
}
