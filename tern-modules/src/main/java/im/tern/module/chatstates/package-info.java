/**
 * XEP-0085: Chat State Notifications ({@code http://jabber.org/protocol/chatstates}), announced on the
 * server. Chat states travel in messages, which the router delivers like any other; this module only
 * makes sure a message that is nothing but a chat state (no body, no subject; besides the state at
 * most a thread, XEP-0334 hints and XEP-0359 ids) is never stored for later or bounced: when no
 * resource can take it, it is dropped silently, before any offline store sees it (XEP-0085 section 5.6
 * and XEP-0160: a stale "composing" is noise).
 */
package im.tern.module.chatstates;
