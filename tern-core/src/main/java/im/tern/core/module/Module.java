package im.tern.core.module;

/** One feature. {@link #start} declares everything the feature does; it must not block. */
public interface Module {
    /** A short name for logs and configuration, e.g. "ping". */
    String name();

    void start(ModuleContext ctx);

    /** Called on shutdown, in reverse start order. */
    default void stop() {}
}
