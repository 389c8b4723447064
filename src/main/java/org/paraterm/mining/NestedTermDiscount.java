package org.paraterm.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The C-value idea (Frantzi, Ananiadou and Mima 2000) applied to ranked candidates: a string whose
 * occurrences lie inside longer candidates is worth less on its own. The share of its occurrences
 * covered by its nearest containers (those that contain no other container of it) discounts its score,
 * and a string that practically never stands alone, inside a few longer terms only ("外国恐怖主义"
 * inside 外国恐怖主义作战人员 and 外国恐怖主义战斗人员), is dropped. A short form that also stands alone (毒品和犯罪问题办公室)
 * keeps its place, discounted.
 */
final class NestedTermDiscount {

    /** Above this share of nested occurrences a string is a fragment, not a candidate. */
    private static final double FRAGMENT = 0.95;
    private static final double WEIGHT = 0.5;
    private static final int MAX_FRAGMENT_CONTAINERS = 4;

    private NestedTermDiscount() {
    }

    /**
     * @param places  for each candidate, the places of its occurrences in the joined text the
     *                miner counted in ({@link SegmentExtractor.Segments#text()}), ascending
     * @param counter the suffix array of that text
     * @param from    for each candidate, the first rank of its suffixes in the suffix array
     * @param to      for each candidate, one past the last
     */
    static List<Candidate> apply(List<Candidate> candidates, int[][] places, RepeatCounter counter, int[] from,
                                 int[] to) {
        TermIndex index = new TermIndex(candidates);
        int[][] containers = containers(candidates, places, counter, from, to);
        Marks marks = new Marks(counter.length());
        List<Candidate> kept = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            double share = (double) Math.min(covered(i, containers[i], candidates, places, marks), candidate.frequency())
                    / candidate.frequency();
            // A fragment lives inside a few fixed longer terms; a head term like 恐怖主义 is nested
            // too, but in many different ones, and stays.
            if (share >= FRAGMENT && nearest(candidate.term(), containers[i], candidates, index) <= MAX_FRAGMENT_CONTAINERS) {
                continue;
            }
            kept.add(candidate.withScore(candidate.score() * (1 - WEIGHT * share)));
        }
        return kept;
    }

    /**
     * For each candidate, the distinct longer candidates it is a substring of, as ascending indices.
     * A substring of a container from some character on is a prefix of the suffix there, and the
     * candidates that are prefixes of one suffix form a chain of nested rank intervals: each
     * candidate is linked to the longest shorter candidate whose interval holds its own, and each
     * rank to the longest candidate holding it. So for each character of each candidate, walking
     * one chain gives exactly the candidates that start there, without looking any slice up.
     */
    private static int[][] containers(List<Candidate> candidates, int[][] places, RepeatCounter counter, int[] from,
                                      int[] to) {
        int n = candidates.size();
        int[] lengthOf = new int[n];
        for (int c = 0; c < n; c++) {
            lengthOf[c] = candidates.get(c).term().length();
        }
        // Intervals of candidates are nested or apart; painted shortest first, each rank ends with
        // the longest candidate holding it, and each candidate finds its parent under its first rank.
        Integer[] byLength = new Integer[n];
        for (int c = 0; c < n; c++) {
            byLength[c] = c;
        }
        Arrays.sort(byLength, java.util.Comparator.comparingInt(c -> lengthOf[c]));
        int[] deepest = new int[counter.length()];
        Arrays.fill(deepest, -1);
        int[] parent = new int[n];
        for (int c : byLength) {
            parent[c] = deepest[from[c]];
            Arrays.fill(deepest, from[c], to[c], c);
        }
        long[] pairs = new long[16];
        int count = 0;
        for (int j = 0; j < n; j++) {
            int length = lengthOf[j];
            int position = places[j][0];
            for (int start = 0; start < length; start++) {
                for (int inner = deepest[counter.rank(position + start)]; inner >= 0; inner = parent[inner]) {
                    int innerLength = lengthOf[inner];
                    // Only proper parts that end inside the container.
                    if (innerLength > length - start || innerLength == length) {
                        continue;
                    }
                    if (count == pairs.length) {
                        pairs = Arrays.copyOf(pairs, count * 2);
                    }
                    pairs[count++] = (long) inner << 32 | j;
                }
            }
        }
        Arrays.sort(pairs, 0, count);
        int[] sizes = new int[candidates.size()];
        for (int k = 0; k < count; k++) {
            if (k == 0 || pairs[k] != pairs[k - 1]) {
                sizes[(int) (pairs[k] >>> 32)]++;
            }
        }
        int[][] containers = new int[candidates.size()][];
        for (int i = 0; i < containers.length; i++) {
            containers[i] = new int[sizes[i]];
            sizes[i] = 0;
        }
        for (int k = 0; k < count; k++) {
            if (k == 0 || pairs[k] != pairs[k - 1]) {
                int inner = (int) (pairs[k] >>> 32);
                containers[inner][sizes[inner]++] = (int) pairs[k];
            }
        }
        return containers;
    }

    /**
     * How many occurrences of candidate {@code i} lie inside an occurrence of one of its
     * containers: its own places are marked first, then each container occurrence's place of the
     * term is looked up and counted once. A few array accesses per container occurrence, no search.
     */
    private static int covered(int i, int[] containers, List<Candidate> candidates, int[][] places, Marks marks) {
        if (containers.length == 0) {
            return 0;
        }
        int own = marks.own(i);
        int counted = marks.counted(i);
        int[] mark = marks.mark;
        for (int place : places[i]) {
            mark[place] = own;
        }
        int covered = 0;
        String term = candidates.get(i).term();
        for (int c : containers) {
            String outer = candidates.get(c).term();
            for (int at = outer.indexOf(term); at >= 0; at = outer.indexOf(term, at + 1)) {
                for (int place : places[c]) {
                    int inner = place + at;
                    // Every container occurrence holds one of the candidate's own occurrences.
                    if (mark[inner] == own) {
                        mark[inner] = counted;
                        covered++;
                    }
                }
            }
        }
        return covered;
    }

    /**
     * One number per place of the joined text, telling which candidate's occurrence is there and
     * whether it was counted; each candidate has marks of its own, so nothing is ever cleared.
     */
    private static final class Marks {
        private final int[] mark;

        Marks(int textLength) {
            mark = new int[textLength];
        }

        int own(int candidate) {
            return 2 * candidate + 1;
        }

        int counted(int candidate) {
            return 2 * candidate + 2;
        }
    }

    /**
     * How many of the containers contain no other container, counted up to one past
     * {@link #MAX_FRAGMENT_CONTAINERS}: only whether there are more matters.
     */
    private static int nearest(String term, int[] containers, List<Candidate> candidates, TermIndex index) {
        int nearest = 0;
        for (int c : containers) {
            if (!containsAnother(candidates.get(c).term(), term, containers, index)) {
                nearest++;
                if (nearest > MAX_FRAGMENT_CONTAINERS) {
                    break;
                }
            }
        }
        return nearest;
    }

    /**
     * Whether a shorter container of {@code term} lies inside {@code container}. Such a container
     * holds the term, so only the slices around the term's places in {@code container} are looked up.
     */
    private static boolean containsAnother(String container, String term, int[] sortedContainers, TermIndex index) {
        for (int at = container.indexOf(term); at >= 0; at = container.indexOf(term, at + 1)) {
            for (int start = 0; start <= at; start++) {
                int hash = 0;
                int last = Math.min(container.length(), start + index.longestFrom(container, start));
                for (int end = start + 1; end <= last; end++) {
                    hash = 31 * hash + container.charAt(end - 1);
                    if (end < at + term.length() || end - start == term.length() || end - start == container.length()) {
                        continue;
                    }
                    int other = index.find(container, start, end, hash);
                    if (other >= 0 && Arrays.binarySearch(sortedContainers, other) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Candidates by term, found from any slice of another string without cutting it out: open
     * addressing on {@link String#hashCode()}, which the callers compute as they extend a slice.
     * Each slot holds a term's hash beside its index, so that a miss costs one memory access.
     */
    private static final class TermIndex {
        private static final long EMPTY = -1;
        private final List<Candidate> candidates;
        private final long[] slots;
        private final int shift;
        /**
         * By a hash of two opening characters, the length of the longest candidate opening with
         * them (or with others of the same hash): no longer slice from there can be a candidate,
         * and most slices of a term open with two characters no candidate opens with.
         */
        private final byte[] longestByOpening = new byte[1 << OPENING_BITS];
        private static final int OPENING_BITS = 20;

        TermIndex(List<Candidate> candidates) {
            this.candidates = candidates;
            int size = Integer.highestOneBit(Math.max(4, candidates.size() * 2)) * 2;
            shift = 32 - Integer.numberOfTrailingZeros(size);
            slots = new long[size];
            Arrays.fill(slots, EMPTY);
            for (int i = 0; i < candidates.size(); i++) {
                String term = candidates.get(i).term();
                int hash = term.hashCode();
                if (find(term, 0, term.length(), hash) < 0) {
                    int slot = home(hash);
                    while (slots[slot] != EMPTY) {
                        slot = (slot + 1) & (slots.length - 1);
                    }
                    slots[slot] = (long) hash << 32 | i;
                }
                if (term.length() >= 2) {
                    int opening = opening(term, 0);
                    longestByOpening[opening] = (byte) Math.max(longestByOpening[opening],
                            Math.min(term.length(), Byte.MAX_VALUE));
                }
            }
        }

        /** No candidate spelled by a slice of {@code text} from {@code start} is longer than this. */
        int longestFrom(String text, int start) {
            if (start + 2 > text.length()) {
                return 0;
            }
            int longest = longestByOpening[opening(text, start)];
            // A term longer than a byte holds is never cut short.
            return longest == Byte.MAX_VALUE ? text.length() : longest;
        }

        private static int opening(String text, int start) {
            return (text.charAt(start) << 16 | text.charAt(start + 1)) * 0x9E3779B9 >>> (32 - OPENING_BITS);
        }

        /** The index of the candidate spelled {@code text[start, end)}, or -1. */
        int find(String text, int start, int end, int hash) {
            for (int slot = home(hash); slots[slot] != EMPTY; slot = (slot + 1) & (slots.length - 1)) {
                if ((int) (slots[slot] >>> 32) == hash) {
                    int index = (int) slots[slot];
                    String term = candidates.get(index).term();
                    if (term.length() == end - start && text.regionMatches(start, term, 0, term.length())) {
                        return index;
                    }
                }
            }
            return -1;
        }

        private int home(int hash) {
            // Fibonacci hashing: the high bits of the product depend on all the bits of the hash.
            return hash * 0x9E3779B9 >>> shift;
        }
    }
}
