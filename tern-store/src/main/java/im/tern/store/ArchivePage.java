package im.tern.store;

import java.util.List;

/**
 * One page of an archive query, oldest first.
 *
 * @param messages   the page
 * @param complete   whether the page reaches the end in the paging direction (XEP-0313 {@code complete})
 * @param count      how many messages match the filters in all
 * @param firstIndex the position of the page's first message among them (XEP-0059 {@code index}), or null
 */
public record ArchivePage(List<ArchivedMessage> messages, boolean complete, int count, Integer firstIndex) {
    public ArchivePage {
        messages = List.copyOf(messages);
    }

    public String first() { return messages.isEmpty() ? null : messages.get(0).id(); }

    public String last() { return messages.isEmpty() ? null : messages.get(messages.size() - 1).id(); }
}
