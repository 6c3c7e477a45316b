/**
 * XEP-0191: Blocking Command ({@code urn:xmpp:blocking}), announced on the server.
 *
 * <p>An account gets its blocklist, blocks JIDs and unblocks them (an empty {@code <unblock/>}
 * unblocks all); every change is pushed to the account's resources that have asked for the list.
 * The list is kept in the document store under {@code blocking:list} and cached (least recently used
 * lists, {@link im.tern.module.blocking.Blocklists#CAPACITY} of them).
 *
 * <p>Items match by the XEP-0016 rules: {@code user@domain/resource} that resource only,
 * {@code user@domain} the account and any resource of it, {@code domain/resource} that one,
 * {@code domain} anything at that domain. Stanzas between resources of the same account, and to or
 * from the server's own domain, are never blocked (an account must always be able to unblock), nor are
 * {@code unsubscribe}/{@code unsubscribed} presences, so removing a blocked contact from the roster
 * still reaches the other side's roster.
 *
 * <p>Enforced on every stanza a client sends (before routing) and on every message and presence the
 * server routes to an account (before delivery):
 * <ul>
 *   <li>from a blocked JID to the account: presence and IQ results/errors are dropped silently,
 *       messages and IQ get/set are answered with {@code <service-unavailable/>} (section 3.4), so
 *       a blocked contact can query nothing of the account, last activity included;</li>
 *   <li>from the account to a JID it blocks: refused with {@code <not-acceptable/>} and
 *       {@code <blocked xmlns='urn:xmpp:blocking:errors'/>} (section 3.5); presence the server sends
 *       for the account (broadcasts, probe answers) is dropped silently.</li>
 * </ul>
 * On block, contacts that the account shares presence with and that the new items match get
 * unavailable presence from each available resource, and the account's resources get unavailable
 * presence from the blocked contacts' resources; on unblock, those contacts get the account's current
 * presence again and are probed for theirs.
 */
package im.tern.module.blocking;
