/**
 * XEP-0033: Extended Stanza Addressing as the broadcast-list mechanism. The server's domain is the
 * multicast service: it announces {@code http://jabber.org/protocol/address}, and a message a client
 * sends to the domain with an {@code <addresses/>} element is delivered as one message per
 * {@code to}, {@code cc} and {@code bcc} address, through the router like any one-to-one message
 * (so blocking, carbons of the received copy and offline handling apply per recipient).
 *
 * <p>Each copy has {@code to} set to its recipient, keeps the original's other children and id, and
 * carries the addresses with every {@code bcc} removed and every remaining address marked
 * {@code delivered='true'} (XEP-0033 section 4.3). Addresses already marked delivered, addresses
 * without a JID (URIs are not supported), the domain itself and repeats are skipped.
 *
 * <p>Limits and errors (section 8): more than {@code maxRecipients} addresses to deliver (default
 * 256, set in the constructor) is refused as a whole with {@code <not-acceptable/>}; an unknown
 * address type or no address to deliver to gets {@code <bad-request/>}, a malformed JID
 * {@code <jid-malformed/>}. Recipients at another domain are not skipped quietly: their copy is
 * routed and the router answers it with {@code <remote-server-not-found/>} from that address, one
 * error per address, as it does an unknown local account with {@code <service-unavailable/>}.
 * The sender's other resources get no carbon of a broadcast.
 */
package im.tern.module.broadcast;
