package im.tern.module.pep;

/**
 * A node's configuration (XEP-0060 section 16.4.4, {@code pubsub#node_config}). Stored as the submitted
 * data form it reads from, so fields added later read their default from older rows.
 *
 * @param maxItems items kept, or {@link #MAX} for as many as the server allows ({@code max})
 */
record NodeConfig(
        String title,
        AccessModel accessModel,
        int maxItems,
        boolean persistItems,
        SendLastItem sendLastPublishedItem,
        boolean notifyRetract,
        boolean notifyDelete,
        boolean deliverPayloads) {

    static final int MAX = Integer.MAX_VALUE;

    /** PEP's defaults (XEP-0163 section 4.5): the contacts see the one last item. */
    static final NodeConfig DEFAULT = new NodeConfig(null, AccessModel.PRESENCE, 1, true,
            SendLastItem.ON_SUB_AND_PRESENCE, true, true, true);

    /** Items the store keeps under the server's limit; a transient node keeps its last for newly interested resources. */
    int keep(int serverLimit) {
        if (!persistItems) return 1;
        return Math.min(maxItems, serverLimit);
    }

    NodeConfig withTitle(String v) { return new NodeConfig(v, accessModel, maxItems, persistItems, sendLastPublishedItem, notifyRetract, notifyDelete, deliverPayloads); }

    NodeConfig withAccessModel(AccessModel v) { return new NodeConfig(title, v, maxItems, persistItems, sendLastPublishedItem, notifyRetract, notifyDelete, deliverPayloads); }

    NodeConfig withMaxItems(int v) { return new NodeConfig(title, accessModel, v, persistItems, sendLastPublishedItem, notifyRetract, notifyDelete, deliverPayloads); }

    NodeConfig withPersistItems(boolean v) { return new NodeConfig(title, accessModel, maxItems, v, sendLastPublishedItem, notifyRetract, notifyDelete, deliverPayloads); }

    NodeConfig withSendLastPublishedItem(SendLastItem v) { return new NodeConfig(title, accessModel, maxItems, persistItems, v, notifyRetract, notifyDelete, deliverPayloads); }

    NodeConfig withNotifyRetract(boolean v) { return new NodeConfig(title, accessModel, maxItems, persistItems, sendLastPublishedItem, v, notifyDelete, deliverPayloads); }

    NodeConfig withNotifyDelete(boolean v) { return new NodeConfig(title, accessModel, maxItems, persistItems, sendLastPublishedItem, notifyRetract, v, deliverPayloads); }

    NodeConfig withDeliverPayloads(boolean v) { return new NodeConfig(title, accessModel, maxItems, persistItems, sendLastPublishedItem, notifyRetract, notifyDelete, v); }
}
