/** JMH micro-benchmarks of tern-xml. */
package im.tern.bench.jmh;
