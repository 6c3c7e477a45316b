/**
 * The module API: what a feature package sees of the server. A {@link im.tern.core.module.Module}
 * declares its handlers, features and hooks on a {@link im.tern.core.module.ModuleContext} in
 * {@code start}; the core never names a module.
 */
package im.tern.core.module;
