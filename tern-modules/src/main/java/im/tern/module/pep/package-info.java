/**
 * XEP-0163: Personal Eventing Protocol, with the parts of XEP-0060 that PEP clients and OMEMO (XEP-0384)
 * use: every account's bare JID is a pubsub service whose nodes are created on first publish. Contacts
 * whose clients announce {@code <node>+notify} in their XEP-0115 capabilities get notifications and, on
 * coming online, the last item. User avatars (XEP-0084) are kept in step with the vCard photo (XEP-0054,
 * XEP-0153). See docs/pep.md.
 */
package im.tern.module.pep;
