/** The client side of SASL SCRAM (RFC 5802, RFC 7677) for the load generator. */
package im.tern.bench.sasl;
