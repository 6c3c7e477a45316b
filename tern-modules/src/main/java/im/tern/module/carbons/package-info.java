/**
 * XEP-0280: Message Carbons ({@code urn:xmpp:carbons:2}). A resource turns carbons on or off for its
 * own session with an IQ set of {@code <enable/>} or {@code <disable/>}; off is the default and the
 * state ends with the session. For the account's carbons-enabled resources the server then copies:
 * <ul>
 *   <li>each eligible message one resource sends, as {@code <sent/>}, to the other enabled resources;</li>
 *   <li>each eligible message addressed to one resource's full JID, as {@code <received/>}, to the
 *       other enabled resources; for a message to the bare JID, to the enabled resources the router
 *       does not deliver it to (unavailable, or with a negative priority).</li>
 * </ul>
 * A copy is a {@code <message/>} from the account's bare JID to the resource's full JID, holding the
 * original in {@code <forwarded xmlns='urn:xmpp:forward:0'/>}. Eligibility follows XEP-0280 section 6
 * ({@link im.tern.module.carbons.CarbonEligibility}): chat messages, normal messages with a body or an
 * IM payload (chat state, receipt, marker); never groupchat, headline or error, nothing from or for a
 * group chat room (a {@code muc#user} payload), nor messages with {@code <private/>} or the XEP-0334
 * {@code <no-copy/>} hint. The {@code <private/>} marker is removed before the message reaches its
 * recipient (section 7). Messages between resources of the same account are not copied: every
 * resource of it can see them already or is their addressee.
 */
package im.tern.module.carbons;
