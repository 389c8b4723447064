package org.paraterm.mining;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A candidate's occurrences held as numbers rather than objects: document, sentence and offset of
 * each occurrence side by side in one array. A 50 MB corpus has about nine million occurrences;
 * as {@link Occurrence} records in lists they kept a gigabyte live. As a {@link List} it reads
 * like any other (each {@link #get} makes the record on demand); the steps of mining read the
 * numbers directly. Immutable.
 */
final class Occurrences extends AbstractList<Occurrence> implements RandomAccess {

    private static final Occurrences NONE = new Occurrences(new int[0]);

    /** Occurrence i is {@code data[3i]} (document), {@code data[3i + 1]} (sentence), {@code data[3i + 2]} (offset). */
    private final int[] data;

    private Occurrences(int[] data) {
        this.data = data;
    }

    /** The occurrences as they are, or copied into numbers when they come as another list. */
    static Occurrences of(List<Occurrence> occurrences) {
        if (occurrences instanceof Occurrences compact) {
            return compact;
        }
        if (occurrences.isEmpty()) {
            return NONE;
        }
        int[] data = new int[3 * occurrences.size()];
        int i = 0;
        for (Occurrence occurrence : occurrences) {
            data[i++] = occurrence.document();
            data[i++] = occurrence.sentence();
            data[i++] = occurrence.offset();
        }
        return new Occurrences(data);
    }

    /** Builds the array of a list of occurrences, one occurrence after another. */
    static final class Builder {
        private final int[] data;
        private int length;

        Builder(int size) {
            data = new int[3 * size];
        }

        void add(int document, int sentence, int offset) {
            data[length++] = document;
            data[length++] = sentence;
            data[length++] = offset;
        }

        Occurrences build() {
            if (length != data.length) {
                throw new IllegalStateException("built " + length / 3 + " of " + data.length / 3 + " occurrences");
            }
            return data.length == 0 ? NONE : new Occurrences(data);
        }
    }

    @Override
    public int size() {
        return data.length / 3;
    }

    @Override
    public Occurrence get(int index) {
        checkIndex(index);
        return new Occurrence(data[3 * index], data[3 * index + 1], data[3 * index + 2]);
    }

    int document(int index) {
        checkIndex(index);
        return data[3 * index];
    }

    int sentence(int index) {
        checkIndex(index);
        return data[3 * index + 1];
    }

    int offset(int index) {
        checkIndex(index);
        return data[3 * index + 2];
    }

    private void checkIndex(int index) {
        if (index < 0 || 3 * index >= data.length) {
            throw new IndexOutOfBoundsException("occurrence " + index + " of " + size());
        }
    }
}
