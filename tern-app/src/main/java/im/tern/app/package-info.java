/** The composition root: configuration, the list of enabled modules, and the {@code tern} command line. */
package im.tern.app;
