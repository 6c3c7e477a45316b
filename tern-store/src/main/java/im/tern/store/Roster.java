package im.tern.store;

import java.util.List;

/** A user's whole roster with its XEP-0237 version. */
public record Roster(List<RosterItem> items, String version) {
    public Roster {
        items = List.copyOf(items);
    }
}
