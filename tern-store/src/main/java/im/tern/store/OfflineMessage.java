package im.tern.store;

import java.time.Instant;

/**
 * A message waiting for an account with no device online; {@code seq} rises in store order.
 * {@code expiresAt} is when a disappearing message goes, or null.
 */
public record OfflineMessage(long seq, String xml, Instant storedAt, Instant expiresAt) {}
