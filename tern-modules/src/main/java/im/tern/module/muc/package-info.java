/**
 * Groups: XEP-0045 Multi-User Chat on the groups service ({@code groups.<domain>}), with WhatsApp's groups on
 * top: persistent members-only rooms whose messages are kept once in the room archive (XEP-0313 on the room
 * JID), acknowledged only once stored, and fetched by members who were away. See docs/groups.md.
 */
package im.tern.module.muc;
