package im.tern.module.pep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Verified XEP-0115 feature sets by verification string, the least recently used dropped past the limit.
 * Many clients share few strings (one per client release), so a small cache serves them all.
 */
final class CapsCache {
    private final Map<String, Set<String>> entries;

    CapsCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The features for a verification string of that hash, or null when not known. */
    synchronized Set<String> get(String hash, String ver) {
        return entries.get(key(hash, ver));
    }

    /** Remembers an immutable feature set; every session announcing the string then shares it. */
    synchronized void put(String hash, String ver, Set<String> features) {
        entries.put(key(hash, ver), features);
    }

    synchronized int size() { return entries.size(); }

    private static String key(String hash, String ver) { return hash + " " + ver; }
}
