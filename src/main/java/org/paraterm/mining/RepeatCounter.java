package org.paraterm.mining;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Finds every string of 2 to {@code maxLength} characters that occurs at least {@code minFreq}
 * times in the segments, with a suffix array and its longest-common-prefix array: each
 * LCP interval is one set of occurrences shared by all the strings of lengths between its parent's
 * LCP and its own, so the repeats come out without comparing strings pairwise.
 */
final class RepeatCounter {

    /** Joins segments; never part of a candidate. */
    static final char SEPARATOR = '\u0001';

    /** A repeated string and the slice {@code [from, to)} of the suffix array holding its occurrences. */
    record Repeat(String text, int from, int to) {
        int frequency() {
            return to - from;
        }
    }

    private final String text;
    private final int[] suffixes;
    private final int[] segmentOfPosition;
    private final int[] segmentStart;

    RepeatCounter(List<Segment> segments) {
        StringBuilder joined = new StringBuilder();
        List<Integer> owners = new ArrayList<>();
        segmentStart = new int[segments.size()];
        for (int s = 0; s < segments.size(); s++) {
            String segment = segments.get(s).text();
            segmentStart[s] = joined.length();
            joined.append(segment).append(SEPARATOR);
            for (int i = 0; i <= segment.length(); i++) {
                owners.add(s);
            }
        }
        text = joined.toString();
        segmentOfPosition = owners.stream().mapToInt(Integer::intValue).toArray();
        suffixes = sortedSuffixes(text);
    }

    String text() {
        return text;
    }

    int position(int rank) {
        return suffixes[rank];
    }

    int segmentAt(int position) {
        return segmentOfPosition[position];
    }

    /** How far into its segment a position of the joined text lies. */
    int offsetInSegment(int position) {
        return position - segmentStart[segmentOfPosition[position]];
    }

    List<Repeat> repeats(int minFreq, int maxLength) {
        int n = suffixes.length;
        int[] lcp = new int[n + 1];
        for (int r = 1; r < n; r++) {
            lcp[r] = commonPrefix(suffixes[r - 1], suffixes[r], maxLength);
        }
        List<Repeat> repeats = new ArrayList<>();
        // Bottom-up traversal of LCP intervals (Abouelhoda, Kurtz and Ohlebusch 2004).
        Deque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {0, 0});
        for (int r = 1; r <= n; r++) {
            int current = r < n ? lcp[r] : 0;
            int left = r - 1;
            while (current < stack.peek()[0]) {
                int[] interval = stack.pop();
                left = interval[1];
                int parent = Math.max(current, stack.peek()[0]);
                emit(interval[0], parent, left, r, minFreq, repeats);
            }
            if (current > stack.peek()[0]) {
                stack.push(new int[] {current, left});
            }
        }
        return repeats;
    }

    private void emit(int length, int parentLength, int from, int to, int minFreq, List<Repeat> repeats) {
        if (to - from < minFreq) {
            return;
        }
        int start = suffixes[from];
        for (int l = Math.max(2, parentLength + 1); l <= length; l++) {
            repeats.add(new Repeat(text.substring(start, start + l), from, to));
        }
    }

    private int commonPrefix(int a, int b, int limit) {
        int l = 0;
        while (l < limit && a + l < text.length() && b + l < text.length()) {
            char c = text.charAt(a + l);
            if (c != text.charAt(b + l) || c == SEPARATOR) {
                break;
            }
            l++;
        }
        return l;
    }

    /** Suffixes in order, comparing at most the candidate length: longer prefixes never matter here. */
    private static int[] sortedSuffixes(String text) {
        Integer[] order = new Integer[text.length()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int limit = MiningSettings.MAX_LENGTH + 1;
            for (int k = 0; k < limit; k++) {
                int ia = a + k;
                int ib = b + k;
                if (ia >= text.length() || ib >= text.length()) {
                    return Integer.compare(text.length() - a, text.length() - b);
                }
                int diff = text.charAt(ia) - text.charAt(ib);
                if (diff != 0) {
                    return diff;
                }
            }
            return Integer.compare(a, b);
        });
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
