package org.paraterm.mining;

import java.util.Arrays;

/**
 * Counts repeated strings of the joined segments with a suffix array and its longest-common-prefix
 * array, in time linear in the text: the suffix array is built by induced sorting (SA-IS, Nong,
 * Zhang and Chan 2009), and each LCP interval is one set of occurrences shared by all the strings
 * of lengths between its parent's LCP and its own. Nothing here holds a string per repeat: the
 * intervals are streamed to a visitor, and the frequencies of arbitrary substrings are answered in
 * one batch.
 *
 * <p>A rank is a position in the suffix array (suffixes in lexicographic order); a position is an
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

    RepeatCounter(SegmentExtractor.Segments segments, int maxLength) {
        if (maxLength + 1 > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("max length " + maxLength + " is too long");
        }
        this.text = segments.text();
        this.length = segments.length();
        this.maxLength = maxLength;
        this.suffixes = SuffixSorter.sort(text, length);
        this.lcp = commonPrefixes();
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
        int[] inverse = new int[length];
        for (int r = 0; r < length; r++) {
            inverse[suffixes[r]] = r;
        }
        int[] ranks = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            ranks[i] = inverse[positions[i]];
        }
        return ranks;
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
        int next = q - 1;
        for (int r = length - 1; r >= 0; r--) {
            nearest[lcp[r + 1]] = r + 1;
            while (next >= 0 && (int) (order[next] >>> 32) == r) {
                int query = (int) order[next];
                int end = length;
                for (int v = 0; v < lengths[query]; v++) {
                    end = Math.min(end, nearest[v]);
                }
                answers[query] = end;
                next--;
            }
        }
        // Sweep left to right: the largest index at or below the rank whose lcp is below the length.
        Arrays.fill(nearest, 0);
        next = 0;
        for (int r = 0; r < length; r++) {
            nearest[lcp[r]] = r;
            while (next < q && (int) (order[next] >>> 32) == r) {
                int query = (int) order[next];
                int start = 0;
                for (int v = 0; v < lengths[query]; v++) {
                    start = Math.max(start, nearest[v]);
                }
                answers[query] -= start;
                next++;
            }
        }
        return answers;
    }

    private byte[] commonPrefixes() {
        int n = length;
        int cap = maxLength + 1;
        byte[] prefixes = new byte[n + 1];
        for (int r = 1; r < n; r++) {
            int a = suffixes[r - 1];
            int b = suffixes[r];
            int l = 0;
            // Every segment ends with a separator, so neither suffix runs past the text.
            while (l < cap && text[a + l] == text[b + l] && text[a + l] != SEPARATOR) {
                l++;
            }
            prefixes[r] = (byte) l;
        }
        return prefixes;
    }

    /**
     * Suffix sorting by induced sorting (SA-IS): linear time, on int arrays, about 10 bytes per
     * character at its peak.
     */
    static final class SuffixSorter {

        private SuffixSorter() {
        }

        /** The suffixes of {@code text[0, length)} in lexicographic order. */
        static int[] sort(char[] text, int length) {
            // Characters renumbered densely from 1; 0 is a sentinel smaller than all and unique.
            int[] code = new int[Character.MAX_VALUE + 1];
            for (int i = 0; i < length; i++) {
                code[text[i]] = 1;
            }
            int alphabet = 1;
            for (int c = 0; c < code.length; c++) {
                if (code[c] != 0) {
                    code[c] = alphabet++;
                }
            }
            int[] s = new int[length + 1];
            for (int i = 0; i < length; i++) {
                s[i] = code[text[i]];
            }
            code = null;
            int[] sa = new int[length + 1];
            sais(s, sa, length + 1, alphabet);
            s = null;
            // The sentinel's suffix sorts first.
            return Arrays.copyOfRange(sa, 1, length + 1);
        }

        private static void sais(int[] s, int[] sa, int n, int alphabet) {
            boolean[] small = new boolean[n];
            small[n - 1] = true;
            for (int i = n - 2; i >= 0; i--) {
                small[i] = s[i] < s[i + 1] || (s[i] == s[i + 1] && small[i + 1]);
            }
            int[] bucket = new int[alphabet];

            // Stage 1: sort the LMS substrings by induction from their unsorted positions.
            bucketEnds(s, n, bucket);
            Arrays.fill(sa, 0, n, -1);
            for (int i = 1; i < n; i++) {
                if (isLms(small, i)) {
                    sa[--bucket[s[i]]] = i;
                }
            }
            induceLarge(s, small, sa, n, bucket);
            induceSmall(s, small, sa, n, bucket);
            int lmsCount = 0;
            for (int i = 0; i < n; i++) {
                if (isLms(small, sa[i])) {
                    sa[lmsCount++] = sa[i];
                }
            }
            // Name the LMS substrings: equal substrings get equal names.
            Arrays.fill(sa, lmsCount, n, -1);
            int names = 0;
            int previous = -1;
            for (int i = 0; i < lmsCount; i++) {
                int position = sa[i];
                boolean different = false;
                for (int d = 0; d < n; d++) {
                    if (previous == -1 || s[position + d] != s[previous + d]
                            || small[position + d] != small[previous + d]) {
                        different = true;
                        break;
                    } else if (d > 0 && (isLms(small, position + d) || isLms(small, previous + d))) {
                        break;
                    }
                }
                if (different) {
                    names++;
                    previous = position;
                }
                // LMS positions are at least two apart, so halves do not collide.
                sa[lmsCount + position / 2] = names - 1;
            }
            int[] reduced = new int[lmsCount];
            for (int i = n - 1, j = lmsCount - 1; i >= lmsCount; i--) {
                if (sa[i] >= 0) {
                    reduced[j--] = sa[i];
                }
            }

            // Stage 2: sort the reduced string, recursively while names repeat.
            int[] reducedSa = new int[lmsCount];
            if (names < lmsCount) {
                sais(reduced, reducedSa, lmsCount, names);
            } else {
                for (int i = 0; i < lmsCount; i++) {
                    reducedSa[reduced[i]] = i;
                }
            }

            // Stage 3: induce the whole order from the sorted LMS suffixes.
            for (int i = 1, j = 0; i < n; i++) {
                if (isLms(small, i)) {
                    reduced[j++] = i;
                }
            }
            for (int i = 0; i < lmsCount; i++) {
                reducedSa[i] = reduced[reducedSa[i]];
            }
            reduced = null;
            bucketEnds(s, n, bucket);
            Arrays.fill(sa, 0, n, -1);
            for (int i = lmsCount - 1; i >= 0; i--) {
                int j = reducedSa[i];
                sa[--bucket[s[j]]] = j;
            }
            reducedSa = null;
            induceLarge(s, small, sa, n, bucket);
            induceSmall(s, small, sa, n, bucket);
        }

        private static boolean isLms(boolean[] small, int i) {
            return i > 0 && small[i] && !small[i - 1];
        }

        private static void bucketEnds(int[] s, int n, int[] bucket) {
            Arrays.fill(bucket, 0);
            for (int i = 0; i < n; i++) {
                bucket[s[i]]++;
            }
            int sum = 0;
            for (int c = 0; c < bucket.length; c++) {
                sum += bucket[c];
                bucket[c] = sum;
            }
        }

        private static void bucketStarts(int[] s, int n, int[] bucket) {
            Arrays.fill(bucket, 0);
            for (int i = 0; i < n; i++) {
                bucket[s[i]]++;
            }
            int sum = 0;
            for (int c = 0; c < bucket.length; c++) {
                int count = bucket[c];
                bucket[c] = sum;
                sum += count;
            }
        }

        private static void induceLarge(int[] s, boolean[] small, int[] sa, int n, int[] bucket) {
            bucketStarts(s, n, bucket);
            for (int i = 0; i < n; i++) {
                int j = sa[i] - 1;
                if (j >= 0 && !small[j]) {
                    sa[bucket[s[j]]++] = j;
                }
            }
        }

        private static void induceSmall(int[] s, boolean[] small, int[] sa, int n, int[] bucket) {
            bucketEnds(s, n, bucket);
            for (int i = n - 1; i >= 0; i--) {
                int j = sa[i] - 1;
                if (j >= 0 && small[j]) {
                    sa[--bucket[s[j]]] = j;
                }
            }
        }
    }
}
