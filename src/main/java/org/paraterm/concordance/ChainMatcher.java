package org.paraterm.concordance;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReader;

/**
 * Hits of one alternative of a query: a literal, or literals joined by gaps of at most
 * {@link ConcordanceQuery#GAP} characters ({@code 打击*犯罪}). Hits are taken from left to right,
 * each as short as it can be, and a hit starts only after the previous one ends, as a reader
 * counting occurrences would (so {@code 会员国} is never counted twice in one place).
 */
final class ChainMatcher extends LeafMatcher {

    private final LiteralMatcher[] parts;
    private final int gap;
    private int doc = -1;
    private final IntList starts = new IntList(16);
    private final IntList ends = new IntList(16);

    private ChainMatcher(LiteralMatcher[] parts, int gap) {
        this.parts = parts;
        this.gap = gap;
    }

    /** The matcher of a chain of normalized literals in a segment, or null if the segment has none. */
    static ChainMatcher of(LeafReader reader, List<String> chain, int gap) throws IOException {
        LiteralMatcher[] parts = new LiteralMatcher[chain.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = LiteralMatcher.of(reader, chain.get(i));
            if (parts[i] == null) {
                return null;
            }
        }
        return new ChainMatcher(parts, gap);
    }

    @Override
    int docID() {
        return doc;
    }

    @Override
    int nextDoc() throws IOException {
        return align(parts[0].nextDoc());
    }

    @Override
    int advance(int target) throws IOException {
        if (target <= doc) {
            return doc;
        }
        return align(parts[0].advance(target));
    }

    private int align(int candidate) throws IOException {
        while (candidate != NO_MORE_DOCS) {
            int next = candidate;
            for (int i = 1; i < parts.length; i++) {
                next = Math.max(next, parts[i].advance(candidate));
            }
            if (next != candidate) {
                candidate = parts[0].advance(next);
                continue;
            }
            if (findHits()) {
                doc = candidate;
                return doc;
            }
            candidate = parts[0].nextDoc();
        }
        doc = NO_MORE_DOCS;
        return doc;
    }

    private boolean findHits() {
        starts.clear();
        ends.clear();
        int previousEnd = 0;
        IntList firsts = parts[0].starts();
        for (int k = 0; k < firsts.size(); k++) {
            int start = firsts.get(k);
            if (start < previousEnd) {
                continue;
            }
            int end = start + parts[0].length();
            for (int i = 1; i < parts.length && end >= 0; i++) {
                int next = firstAtOrAfter(parts[i].starts(), end);
                end = next >= 0 && next <= end + gap ? next + parts[i].length() : -1;
            }
            if (end >= 0) {
                starts.add(start);
                ends.add(end);
                previousEnd = end;
            }
        }
        return starts.size() > 0;
    }

    /** The first value at or after {@code from} in an ascending list, or -1. */
    private static int firstAtOrAfter(IntList values, int from) {
        int low = 0;
        int high = values.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values.get(middle) < from) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low < values.size() ? values.get(low) : -1;
    }

    @Override
    void hits(IntList into, IntList intoEnds) {
        for (int i = 0; i < starts.size(); i++) {
            into.add(starts.get(i));
            intoEnds.add(ends.get(i));
        }
    }
}
