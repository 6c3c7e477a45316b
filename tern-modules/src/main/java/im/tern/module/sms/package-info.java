/**
 * Sending text messages (sign-up codes) through one {@link im.tern.module.sms.SmsGateway}: {@code log} for
 * development (one line per message on the {@code tern.sms} logger), {@code http} for any provider with an
 * HTTP API (Twilio-style form posts, JSON APIs), and {@code smpp} for an SMSC (SMPP 3.4 transmitter, jsmpp).
 * Every gateway blocks while it sends: call it on the blocking pool, never on an event loop.
 */
package im.tern.module.sms;
