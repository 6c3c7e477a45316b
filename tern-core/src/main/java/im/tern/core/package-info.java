/** The XMPP vocabulary every other module speaks: addresses, stanzas, errors, namespaces. No I/O. */
package im.tern.core;
