/**
 * XEP-0313 Message Archive Management for accounts, with XEP-0359 stanza ids and XEP-0059 paging:
 * every one-to-one message worth keeping ({@link im.tern.module.archive.Storable}) is archived for its
 * recipient and its local sender, and any device of the account can page through its history.
 * Disappearing messages ({@link im.tern.module.archive.Ephemeral}) leave the archive when their timer runs out.
 */
package im.tern.module.archive;
