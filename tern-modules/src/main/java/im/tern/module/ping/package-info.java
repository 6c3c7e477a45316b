/** XEP-0199: XMPP Ping, answered by the server for itself and on behalf of its accounts. */
package im.tern.module.ping;
