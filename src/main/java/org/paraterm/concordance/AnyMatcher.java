package org.paraterm.concordance;

import java.io.IOException;
import java.util.List;

/**
 * Hits of any of several alternatives ({@code 偷运移民 | 贩运人口}). Where hits of different
 * alternatives overlap, the one that starts first wins, and of two that start together the
 * longer: each stretch of text is counted once.
 */
final class AnyMatcher extends LeafMatcher {

    private final LeafMatcher[] alternatives;
    private int doc = -1;
    private final IntList starts = new IntList(16);
    private final IntList ends = new IntList(16);
    private long[] packed = new long[16];

    AnyMatcher(List<LeafMatcher> alternatives) {
        this.alternatives = alternatives.toArray(new LeafMatcher[0]);
    }

    @Override
    int docID() {
        return doc;
    }

    @Override
    int nextDoc() throws IOException {
        return advance(doc + 1);
    }

    @Override
    int advance(int target) throws IOException {
        int smallest = NO_MORE_DOCS;
        for (LeafMatcher alternative : alternatives) {
            int at = alternative.docID() < target ? alternative.advance(target) : alternative.docID();
            smallest = Math.min(smallest, at);
        }
        doc = smallest;
        return doc;
    }

    @Override
    void hits(IntList into, IntList intoEnds) throws IOException {
        starts.clear();
        ends.clear();
        for (LeafMatcher alternative : alternatives) {
            if (alternative.docID() == doc) {
                alternative.hits(starts, ends);
            }
        }
        int n = starts.size();
        if (packed.length < n) {
            packed = new long[Math.max(n, packed.length * 2)];
        }
        // Start ascending, then the longer first: the end is stored negated.
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) starts.get(i) << 32) | (0xFFFFFFFFL & (Integer.MAX_VALUE - ends.get(i)));
        }
        java.util.Arrays.sort(packed, 0, n);
        int previousEnd = 0;
        for (int i = 0; i < n; i++) {
            int start = (int) (packed[i] >>> 32);
            int end = Integer.MAX_VALUE - (int) (packed[i] & 0xFFFFFFFFL);
            if (start >= previousEnd) {
                into.add(start);
                intoEnds.add(end);
                previousEnd = end;
            }
        }
    }
}
