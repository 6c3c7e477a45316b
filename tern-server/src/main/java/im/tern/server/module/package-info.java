/** The registries behind the module API: hooks, IQ handlers, disco, stream features, and each module's context. */
package im.tern.server.module;
