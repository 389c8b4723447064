package org.paraterm;

import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Results computed from data that changes rarely (the indexed corpus, the parallel corpus, the
 * glossary), kept for the requests that ask for them again: the least recently used result goes
 * when the cache is full. Each result remembers the version of the data it was computed from and
 * is computed again when asked for under another version, so a load never shows stale results.
 *
 * <p>Two requests that miss the same key at once may both compute it; the results are equal, and
 * the later one is kept. That costs less than making every reader wait for one computation.
 *
 * @param <K> what identifies a result besides the version (a query with its filters, an entry id)
 * @param <V> the result; must not change after it is computed, since many requests share it
 */
public final class ResultCache<K, V> {

    /** Computes a result on a miss. */
    @FunctionalInterface
    public interface Computation<V> {
        V compute() throws IOException, SQLException;
    }

    private record Stamped<V>(Object version, V value) {
    }

    private final int capacity;
    private final Map<K, Stamped<V>> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public ResultCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a cache holds at least one result");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Stamped<V>> eldest) {
                return size() > ResultCache.this.capacity;
            }
        };
    }

    /** The result for a key under a version: the kept one when it was computed under that version. */
    public V get(K key, Object version, Computation<V> computation) throws IOException, SQLException {
        Objects.requireNonNull(version, "version");
        Stamped<V> kept;
        synchronized (entries) {
            kept = entries.get(key);
        }
        if (kept != null && kept.version().equals(version)) {
            hits.incrementAndGet();
            return kept.value();
        }
        misses.incrementAndGet();
        V value = computation.compute();
        synchronized (entries) {
            entries.put(key, new Stamped<>(version, value));
        }
        return value;
    }

    /** How many results are kept now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Requests answered from the cache since start. */
    public long hits() {
        return hits.get();
    }

    /** Requests that computed their result since start. */
    public long misses() {
        return misses.get();
    }
}
