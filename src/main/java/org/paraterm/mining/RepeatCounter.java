package org.paraterm.mining;

import java.util.Arrays;

/**
 * Counts repeated strings of the joined segments with a suffix array and its longest-common-prefix
 * array: each LCP interval is one set of occurrences shared by all the strings of lengths between
 * its parent's LCP and its own. Suffixes are sorted only as far as a candidate reaches (to the
 * segment's end, at most one character past the longest candidate), by radix sort, so the cost
 * grows with the text times the few characters that tell suffixes apart. Nothing here holds a
 * string per repeat: the intervals are streamed to a visitor, and the frequencies of arbitrary
 * substrings are answered in one batch.
 *
 * <p>A rank is a position in the suffix array (suffixes in order of their first characters); a position is an
 * index into the joined text ({@link SegmentExtractor.Segments#text()}).
 */
final class RepeatCounter {

    static final char SEPARATOR = SegmentExtractor.SEPARATOR;

    /** Receives the LCP intervals of a traversal. */
    interface IntervalVisitor {
        /**
         * The suffixes of ranks {@code [from, to)} all begin with the same string of {@code length}
         * characters and differ in the next one.
         *
         * @param groups     {@code groups[0, groupCount)}: the sizes of the groups of two or more
         *                   occurrences followed by the same character; every other occurrence is
         *                   followed by a character of its own or by a segment end. Valid during the call.
         */
        void interval(int length, int from, int to, int[] groups, int groupCount);
    }

    private final char[] text;
    private final int length;
    private final int maxLength;
    private final int[] suffixes;
    /**
     * {@code lcp[r]}: the common prefix of the suffixes of ranks {@code r - 1} and {@code r}, never
     * through a separator, at most {@code maxLength + 1} (one more than a candidate can be, so that
     * the longest candidates still see which characters follow them); 0 at both ends.
     */
    private final byte[] lcp;
    /** {@code before[r]}: the character before the suffix of rank r (the Burrows–Wheeler transform). */
    private final char[] before;
    /** {@code inverse[p]}: the rank of the suffix at position p. */
    private int[] inverse;

    RepeatCounter(SegmentExtractor.Segments segments, int maxLength) {
        if (maxLength + 1 > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("max length " + maxLength + " is too long");
        }
        this.text = segments.text();
        this.length = segments.length();
        this.maxLength = maxLength;
        SuffixSorter sorter = new SuffixSorter(text, length, maxLength + 1);
        this.suffixes = sorter.suffixes;
        this.lcp = sorter.lcp;
        this.before = new char[length];
        for (int r = 0; r < length; r++) {
            before[r] = suffixes[r] == 0 ? SEPARATOR : text[suffixes[r] - 1];
        }
    }

    char[] text() {
        return text;
    }

    int length() {
        return length;
    }

    int position(int rank) {
        return suffixes[rank];
    }

    /** The character before the suffix of a rank, or the separator at the very start. */
    char before(int rank) {
        return before[rank];
    }

    String string(int rank, int length) {
        return new String(text, suffixes[rank], length);
    }

    /**
     * Every LCP interval whose string has 2 to {@code maxLength} characters and at least
     * {@code minFreq} occurrences, children before parents (Abouelhoda, Kurtz and Ohlebusch 2004).
     * Only the interval's own length is reported: the shorter strings sharing its occurrences are
     * always followed by the same character. The groups of occurrences followed by one character
     * are the interval's child intervals, kept on a second stack until their parent closes.
     */
    void visit(int minFreq, IntervalVisitor visitor) {
        int n = length;
        int depth = maxLength + 3;
        int[] stackLength = new int[depth];
        int[] stackLeft = new int[depth];
        // Where each open interval's children begin on the child stack.
        int[] stackChildren = new int[depth];
        int[] children = new int[1024];
        int childCount = 0;
        int[] groups = new int[1024];
        int top = 0;
        for (int r = 1; r <= n; r++) {
            int current = lcp[r];
            int left = r - 1;
            int firstPending = childCount;
            while (current < stackLength[top]) {
                int intervalLength = stackLength[top];
                left = stackLeft[top];
                int frequency = r - left;
                int first = stackChildren[top];
                if (intervalLength >= 2 && intervalLength <= maxLength && frequency >= minFreq) {
                    int groupCount = childCount - first;
                    if (groups.length < groupCount) {
                        groups = new int[Math.max(groupCount, groups.length * 2)];
                    }
                    System.arraycopy(children, first, groups, 0, groupCount);
                    visitor.interval(intervalLength, left, r, groups, groupCount);
                }
                childCount = first;
                top--;
                // Only intervals of two or more characters are reported, so only they need children.
                if (Math.max(current, stackLength[top]) >= 2) {
                    if (childCount == children.length) {
                        children = Arrays.copyOf(children, childCount * 2);
                    }
                    children[childCount++] = frequency;
                }
                firstPending = Math.min(firstPending, first);
            }
            if (current > stackLength[top]) {
                top++;
                stackLength[top] = current;
                stackLeft[top] = left;
                // Intervals popped just now whose parent is this new one are its first children.
                stackChildren[top] = Math.min(firstPending, childCount);
            }
        }
    }

    /** The rank of the suffix at each position. */
    int[] ranks(int[] positions) {
        int[] inverse = inverse();
        int[] ranks = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            ranks[i] = inverse[positions[i]];
        }
        return ranks;
    }

    /** The rank of the suffix at one position. */
    int rank(int position) {
        return inverse()[position];
    }

    /** The inverse suffix array, made once when first needed. */
    private int[] inverse() {
        if (inverse == null) {
            inverse = new int[length];
            for (int r = 0; r < length; r++) {
                inverse[suffixes[r]] = r;
            }
        }
        return inverse;
    }

    /**
     * How often the first {@code lengths[i]} characters of the suffix of rank {@code ranks[i]} occur,
     * for every i: the width of the widest run of ranks around it whose common prefix is at least
     * that long. Lengths must be between 1 and {@code maxLength + 1}. Linear in the text plus the
     * queries (sorted by rank).
     */
    int[] frequencies(int[] ranks, int[] lengths) {
        int q = ranks.length;
        long[] order = new long[q];
        for (int i = 0; i < q; i++) {
            order[i] = (long) ranks[i] << 32 | i;
        }
        Arrays.sort(order);
        int[] answers = new int[q];
        int limit = maxLength + 2;
        // Sweep right to left: nearest[v] is the smallest index above the rank whose lcp is v.
        int[] nearest = new int[limit];
        Arrays.fill(nearest, length);
        // The queries of one rank (all the cuts of one term) share the running extreme over v.
        int[] extreme = new int[limit];
        int next = q - 1;
        for (int r = length - 1; r >= 0; r--) {
            nearest[lcp[r + 1]] = r + 1;
            int known = 0;
            int end = length;
            while (next >= 0 && (int) (order[next] >>> 32) == r) {
                int query = (int) order[next];
                for (; known < lengths[query]; known++) {
                    end = Math.min(end, nearest[known]);
                    extreme[known] = end;
                }
                answers[query] = extreme[lengths[query] - 1];
                next--;
            }
        }
        // Sweep left to right: the largest index at or below the rank whose lcp is below the length.
        Arrays.fill(nearest, 0);
        next = 0;
        for (int r = 0; r < length; r++) {
            nearest[lcp[r]] = r;
            int known = 0;
            int start = 0;
            while (next < q && (int) (order[next] >>> 32) == r) {
                int query = (int) order[next];
                for (; known < lengths[query]; known++) {
                    start = Math.max(start, nearest[known]);
                    extreme[known] = start;
                }
                answers[query] -= extreme[lengths[query] - 1];
                next++;
            }
        }
        return answers;
    }

    /**
     * Sorts the suffixes by their first {@code cap} characters, a suffix ending at its segment's
     * separator, and finds the common prefix of neighbours as it goes: a candidate never reaches
     * past either, so the order beyond them does not matter (equal keys stay in text order).
     *
     * <p>Most-significant-digit radix sort: a counting sort by the first character, then each
     * group of suffixes that agree so far is sorted by its next few characters, packed with the
     * position into one {@code long} (characters renumbered densely, so that several fit), and the
     * groups that still agree are split again a few characters deeper. Each round reads the text
     * once per suffix still undecided; in running text few are left after a handful of characters.
     */
    static final class SuffixSorter {

        private final char[] text;
        private final int length;
        private final int cap;
        /** Characters renumbered densely from 1 in their order; the separator is 0. */
        private final int[] code = new int[Character.MAX_VALUE + 1];
        private final int charBits;
        private final int positionBits;
        private final int perRound;
        final int[] suffixes;
        /** {@code lcp[r]}: the common prefix of ranks r - 1 and r, at most {@code cap}; 0 at both ends. */
        final byte[] lcp;
        private long[] keys = new long[64];

        SuffixSorter(char[] text, int length, int cap) {
            this.text = text;
            this.length = length;
            this.cap = cap;
            for (int i = 0; i < length; i++) {
                code[text[i]] = 1;
            }
            code[SEPARATOR] = 0;
            int alphabet = 1;
            for (int c = 0; c < code.length; c++) {
                if (code[c] != 0) {
                    code[c] = alphabet++;
                }
            }
            charBits = 32 - Integer.numberOfLeadingZeros(alphabet);
            positionBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, length));
            // 63 bits so that the keys sort correctly as signed numbers.
            perRound = Math.max(1, (63 - positionBits) / charBits);
            if (positionBits + charBits > 63) {
                throw new IllegalArgumentException("text too long to sort: " + length);
            }
            suffixes = new int[length];
            lcp = new byte[length + 1];
            sort();
        }

        private void sort() {
            // Counting sort by the first character.
            int[] starts = new int[(1 << charBits) + 1];
            for (int i = 0; i < length; i++) {
                starts[code[text[i]] + 1]++;
            }
            for (int c = 1; c < starts.length; c++) {
                starts[c] += starts[c - 1];
            }
            // The first round's keys (the characters after the first), made here in one pass in
            // text order: made group by group, each key was a read at a random place of the text.
            int firstTake = Math.min(perRound, cap - 1);
            int firstShift = positionBits + charBits * (perRound - firstTake);
            long[] firstKeys = new long[length];
            int[] next = starts.clone();
            for (int i = 0; i < length; i++) {
                int c = code[text[i]];
                int rank = next[c]++;
                suffixes[rank] = i;
                if (c != 0) {
                    firstKeys[rank] = chunk(i, 1, firstTake) << firstShift | i;
                }
            }
            int[] stack = new int[64];
            // The separator's bucket (c = 0) holds suffixes that share nothing.
            for (int c = 1; c + 1 < starts.length; c++) {
                // Groups still to split, as (from, to, depth) on an explicit stack.
                int top = 0;
                int size = starts[c + 1] - starts[c];
                if (size >= 2) {
                    if (keys.length < size) {
                        keys = new long[Math.max(size, keys.length * 2)];
                    }
                    System.arraycopy(firstKeys, starts[c], keys, 0, size);
                    // Each group pushed holds two suffixes at least.
                    if (3 * (size / 2 + 1) > stack.length) {
                        stack = Arrays.copyOf(stack, Math.max(3 * (size / 2 + 1), stack.length * 2));
                    }
                    top = order(starts[c], starts[c + 1], 1, firstTake, stack, top);
                }
                while (top > 0) {
                    int depth = stack[--top];
                    int to = stack[--top];
                    int from = stack[--top];
                    // Each group pushed holds two suffixes at least.
                    int room = top + 3 * ((to - from) / 2 + 1);
                    if (room > stack.length) {
                        stack = Arrays.copyOf(stack, Math.max(room, stack.length * 2));
                    }
                    top = split(from, to, depth, stack, top);
                }
            }
        }

        /**
         * Sorts {@code suffixes[from, to)}, which agree on their first {@code depth} characters, by
         * the next ones; sets the common prefixes inside; pushes the groups that still agree.
         */
        private int split(int from, int to, int depth, int[] stack, int top) {
            int size = to - from;
            if (keys.length < size) {
                keys = new long[Math.max(size, keys.length * 2)];
            }
            int take = Math.min(perRound, cap - depth);
            int shift = positionBits + charBits * (perRound - take);
            for (int k = 0; k < size; k++) {
                int position = suffixes[from + k];
                keys[k] = chunk(position, depth, take) << shift | position;
            }
            return order(from, to, depth, take, stack, top);
        }

        /** The {@code take} characters from {@code depth} on of the suffix at a position, packed. */
        private long chunk(int position, int depth, int take) {
            long chunk = 0;
            for (int j = 0; j < take; j++) {
                // Past a separator the key stays 0, so a suffix that has ended sorts first.
                int c = code[text[position + depth + j]];
                chunk = chunk << charBits | c;
                if (c == 0) {
                    chunk <<= charBits * (take - 1 - j);
                    break;
                }
            }
            return chunk;
        }

        /**
         * Sorts the group by its keys, made by {@link #split} or ahead of it ({@code keys[0, to -
         * from)}: {@code take} characters from {@code depth} on, then the position); sets the common
         * prefixes inside; pushes the groups that still agree.
         */
        private int order(int from, int to, int depth, int take, int[] stack, int top) {
            int size = to - from;
            int shift = positionBits + charBits * (perRound - take);
            Arrays.sort(keys, 0, size);
            long positionMask = (1L << positionBits) - 1;
            for (int k = 0; k < size; k++) {
                suffixes[from + k] = (int) (keys[k] & positionMask);
            }
            int runStart = 0;
            for (int k = 1; k <= size; k++) {
                long previous = keys[k - 1] >>> shift;
                if (k < size && keys[k] >>> shift == previous) {
                    continue;
                }
                if (k < size) {
                    lcp[from + k] = (byte) (depth + sharedCharacters(previous, keys[k] >>> shift, take));
                }
                int run = k - runStart;
                if (run >= 2) {
                    int ended = firstEnd(previous, take);
                    if (ended < take || depth + take >= cap) {
                        // Equal up to a separator or to the cap: a finished group, in text order.
                        Arrays.fill(lcp, from + runStart + 1, from + k, (byte) (depth + ended));
                    } else {
                        stack[top++] = from + runStart;
                        stack[top++] = from + k;
                        stack[top++] = depth + take;
                    }
                }
                runStart = k;
            }
            return top;
        }

        /** How many leading characters two chunks of {@code take} characters share, not counting a separator. */
        private int sharedCharacters(long a, long b, int take) {
            int shared = 0;
            for (int j = take - 1; j >= 0; j--) {
                long ca = a >>> (charBits * j) & ((1L << charBits) - 1);
                long cb = b >>> (charBits * j) & ((1L << charBits) - 1);
                if (ca != cb || ca == 0) {
                    break;
                }
                shared++;
            }
            return shared;
        }

        /** Where the separator is in a chunk, or {@code take} when there is none. */
        private int firstEnd(long chunk, int take) {
            return sharedCharacters(chunk, chunk, take);
        }
    }
}
