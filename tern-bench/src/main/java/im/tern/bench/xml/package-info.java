/** The load generator's side of the XML stream: a tolerant splitter into elements. */
package im.tern.bench.xml;
