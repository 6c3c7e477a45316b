/** Non-blocking XML for XMPP streams: an element model, a stanza parser fed bytes as they arrive, and a serializer. */
package im.tern.xml;
