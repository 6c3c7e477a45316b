/**
 * XEP-0012: Last Activity ({@code jabber:iq:last}), announced for the server and for accounts.
 *
 * <ul>
 *   <li>To the domain: the server's uptime in seconds (since this module started).</li>
 *   <li>To an account's bare JID: {@code seconds='0'} while it has an available resource; otherwise
 *       the seconds since it was last seen, with the status text of its last unavailable presence.
 *       "Last seen" is when a session ended or a resource broadcast unavailable presence, kept in the
 *       document store under {@code lastactivity} (the later time wins). An account never seen
 *       gets {@code <item-not-found/>}.</li>
 *   <li>Who may ask follows the account's "last seen" privacy setting ({@code everyone} by default,
 *       {@code contacts}, {@code nobody}; see {@link im.tern.module.privacy.Privacy}): anyone else gets
 *       {@code <forbidden/>}; the account itself always may. This replaces XEP-0012's suggestion of
 *       presence subscribers only (docs/decisions/0009). While the account is online, someone its "online"
 *       setting hides it from gets the time it was last offline instead of 0. A JID the account blocks
 *       (XEP-0191) is refused by the blocking module before the query gets here.</li>
 *   <li>To a full JID the query goes to that client, which answers its idle time itself.</li>
 * </ul>
 * XEP-0319 idle times ({@code <idle xmlns='urn:xmpp:idle:1'/>}) travel inside presence untouched.
 * Time is read from {@link im.tern.core.module.ModuleContext#clock()}.
 */
package im.tern.module.lastactivity;
