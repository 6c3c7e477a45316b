package im.tern.core.module;

/** When a hook runs relative to the others for the same event. */
public enum Phase {
    /** Checks and filters (blocking, rate limits); may stop the event. */
    BEFORE,
    /** The feature that owns the event handles it, and normally stops it. */
    HANDLE,
    /** Observers (archives, metrics) that see what was done. */
    AFTER
}
