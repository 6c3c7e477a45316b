/** The Tern load generator: {@link im.tern.bench.LoadGenerator} is the command. */
package im.tern.bench;
