package im.tern.store;

/** A query named a message id the archive does not hold (XEP-0313: item-not-found). The message is the id. */
public final class ItemNotFoundException extends StoreException {
    private static final long serialVersionUID = 1L;

    public ItemNotFoundException(String id) {
        super(id, null);
    }
}
