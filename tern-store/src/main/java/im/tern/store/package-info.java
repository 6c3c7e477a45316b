/**
 * Storage behind narrow, per-feature interfaces ({@link im.tern.store.UserStore},
 * {@link im.tern.store.RosterStore}, {@link im.tern.store.DocumentStore}), opened by
 * {@link im.tern.store.Database} on an embedded H2 file or on PostgreSQL.
 *
 * <p>Every method blocks on JDBC: call them from a blocking executor, never from an event loop.
 */
package im.tern.store;
