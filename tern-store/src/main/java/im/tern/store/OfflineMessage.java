package im.tern.store;

import java.time.Instant;

/** A message waiting for an account with no device online; {@code seq} rises in store order. */
public record OfflineMessage(long seq, String xml, Instant storedAt) {}
