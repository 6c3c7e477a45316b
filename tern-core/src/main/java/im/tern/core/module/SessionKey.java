package im.tern.core.module;

/** A typed key for state a module keeps on a {@link Session}; compare by identity. */
public final class SessionKey<T> {
    private final String name;

    public SessionKey(String name) { this.name = name; }

    @Override
    public String toString() { return name; }
}
