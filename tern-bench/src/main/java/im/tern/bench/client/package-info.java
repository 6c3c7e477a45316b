/** One simulated XMPP client per Netty channel: login state machine, message sender and receiver. */
package im.tern.bench.client;
