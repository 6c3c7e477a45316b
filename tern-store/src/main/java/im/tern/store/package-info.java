/**
 * Storage behind narrow, per-feature interfaces ({@link im.tern.store.UserStore},
 * {@link im.tern.store.RosterStore}, {@link im.tern.store.DocumentStore}, {@link im.tern.store.MessageStore}),
 * opened by {@link im.tern.store.Database} on an embedded H2 file or on PostgreSQL.
 * {@link im.tern.store.GroupCommit} gathers many threads' writes into few transactions.
 *
 * <p>Every method blocks on JDBC: call them from a blocking executor, never from an event loop.
 */
package im.tern.store;
