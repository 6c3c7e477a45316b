/** XEP-0092: Software Version of the server (name and version, never the operating system). */
package im.tern.module.version;
