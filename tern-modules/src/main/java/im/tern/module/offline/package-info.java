/**
 * XEP-0160 offline storage: messages for an account with no device online wait in a bounded queue,
 * stamped with XEP-0203 delays, and are delivered in order, acknowledged one by one, when a device
 * next sends its initial presence. See docs/messages.md.
 */
package im.tern.module.offline;
