package org.paraterm.mining;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * How often each document uses a candidate or a variant (document index → occurrences), held as
 * two sorted arrays of numbers rather than a {@link java.util.TreeMap} of boxed integers. A 200 MB
 * corpus gives some 24 million such pairs; as tree entries they kept 1.3 GB live, as numbers 0.2 GB
 * (docs/scaling.md). Reads like any map, in document order; immutable.
 */
final class DocumentCounts extends AbstractMap<Integer, Integer> {

    private static final DocumentCounts NONE = new DocumentCounts(new int[0], new int[0]);

    private final int[] documents;
    private final int[] counts;

    private DocumentCounts(int[] documents, int[] counts) {
        this.documents = documents;
        this.counts = counts;
    }

    /** The counts of a map, in document order; null keys or values are refused as the map they replace did. */
    static DocumentCounts of(Map<Integer, Integer> byDocument) {
        if (byDocument instanceof DocumentCounts compact) {
            return compact;
        }
        if (byDocument.isEmpty()) {
            return NONE;
        }
        int[] documents = new int[byDocument.size()];
        int i = 0;
        for (Integer document : byDocument.keySet()) {
            documents[i++] = document;
        }
        Arrays.sort(documents);
        int[] counts = new int[documents.length];
        for (int k = 0; k < documents.length; k++) {
            counts[k] = byDocument.get(documents[k]);
        }
        return new DocumentCounts(documents, counts);
    }

    @Override
    public int size() {
        return documents.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Integer document && Arrays.binarySearch(documents, document) >= 0;
    }

    @Override
    public Integer get(Object key) {
        if (!(key instanceof Integer document)) {
            return null;
        }
        int at = Arrays.binarySearch(documents, document);
        return at >= 0 ? counts[at] : null;
    }

    @Override
    public Set<Entry<Integer, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Integer, Integer>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < documents.length;
                    }

                    @Override
                    public Entry<Integer, Integer> next() {
                        if (next >= documents.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<Integer, Integer> entry = new SimpleImmutableEntry<>(documents[next], counts[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return documents.length;
            }
        };
    }
}
