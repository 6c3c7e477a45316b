/** XML that modules keep in stores as text and read back as elements. */
package im.tern.module.stored;
