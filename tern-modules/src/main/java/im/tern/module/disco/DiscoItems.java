package im.tern.module.disco;

import im.tern.core.Jid;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's disco#items: services other modules host (upload, group chat...). The application
 * creates one and hands it to the modules that add items and to {@link DiscoModule}.
 */
public final class DiscoItems {
    /** One item; {@code name} and {@code node} may be null. */
    public record Item(Jid jid, String name, String node) {
        public Item {
            Objects.requireNonNull(jid, "jid");
        }
    }

    private final List<Item> items = new CopyOnWriteArrayList<>();

    public void add(Item item) { items.add(Objects.requireNonNull(item, "item")); }

    public List<Item> items() { return List.copyOf(items); }
}
