package im.tern.module.pep;

import im.tern.store.PepStore;

/** A stored node read back: its name, configuration and newest item (null when it has none). */
record PepNode(String name, NodeConfig config, PepStore.Item last) {
    static PepNode of(PepStore.Node stored) {
        return new PepNode(stored.name(), NodeConfigForm.load(stored.config()), stored.last());
    }
}
