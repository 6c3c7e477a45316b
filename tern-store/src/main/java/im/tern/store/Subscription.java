package im.tern.store;

/** A roster item's subscription state (RFC 6121 section 2.1.2.5). */
public enum Subscription { NONE, TO, FROM, BOTH }
