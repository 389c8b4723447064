package org.paraterm.check;

import java.util.Arrays;
import java.util.List;

/**
 * An Aho–Corasick automaton over a fixed set of strings: one pass over a text finds every place
 * where any of them occurs, however many there are, in time proportional to the text plus the
 * matches. {@link #find} keeps, of all those occurrences, the leftmost-longest ones that do not
 * overlap, which is what a reader of a highlighted text expects.
 *
 * <p>Positions are UTF-16 char offsets, half-open {@code [start, end)}. The automaton compares chars
 * exactly: callers unify the text and the patterns the same way first ({@code MatchText}).
 */
final class TermAutomaton {

    /** One kept occurrence: pattern {@code pattern} (its index in the built list) at {@code [start, end)}. */
    record Hit(int start, int end, int pattern) {
    }

    private static final int ROOT = 0;
    private static final long EMPTY = -1L;

    /** Per node: the fail link, its depth (string length), the pattern ending exactly here or -1. */
    private int[] fail;
    private int[] depth;
    private int[] pattern;
    /** Per node: the nearest node on its fail chain where a pattern ends, or {@link #ROOT} for none. */
    private int[] outputLink;
    /** For building only: each node's first child, next sibling and the char on the edge into it. */
    private int[] firstChild;
    private int[] nextSibling;
    private char[] label;
    private int nodes;

    /** The root's transitions, by char: the most frequent lookup of all, done without hashing. */
    private final int[] rootNext = new int[Character.MAX_VALUE + 1];
    /** Every other transition in an open-addressing table keyed by (node, char). */
    private long[] keys;
    private int[] targets;
    private int transitions;

    private final int patternCount;

    private TermAutomaton(int patternCount, int capacity) {
        this.patternCount = patternCount;
        fail = new int[capacity];
        depth = new int[capacity];
        pattern = new int[capacity];
        outputLink = new int[capacity];
        firstChild = new int[capacity];
        nextSibling = new int[capacity];
        label = new char[capacity];
        Arrays.fill(rootNext, -1);
        keys = new long[Integer.highestOneBit(Math.max(16, capacity)) * 4];
        Arrays.fill(keys, EMPTY);
        targets = new int[keys.length];
        newNode(ROOT, '\0');
    }

    /**
     * Builds the automaton. Empty strings are ignored; a string given twice keeps its first index.
     */
    static TermAutomaton of(List<String> patterns) {
        int characters = 1;
        for (String p : patterns) {
            characters += p.length();
        }
        TermAutomaton automaton = new TermAutomaton(patterns.size(), characters);
        for (int i = 0; i < patterns.size(); i++) {
            automaton.insert(patterns.get(i), i);
        }
        automaton.link();
        return automaton;
    }

    int patternCount() {
        return patternCount;
    }

    /** Nodes of the trie, the root included: a measure of the automaton's size. */
    int size() {
        return nodes;
    }

    /**
     * The leftmost-longest occurrences, without overlaps, in text order: at each position the
     * longest pattern starting there wins, and scanning resumes after it; a pattern starting
     * inside an accepted one is dropped even when it would reach further.
     *
     * @param acceptable decides whether an occurrence may count (a boundary rule); a refused one
     *                   leaves room for a shorter pattern from the same start
     */
    List<Hit> find(CharSequence text, Acceptable acceptable) {
        int length = text.length();
        // The longest acceptable pattern starting at each position (end offset, and which).
        int[] endFrom = new int[length];
        int[] patternFrom = new int[length];
        int state = ROOT;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            state = step(state, c);
            int node = pattern[state] >= 0 ? state : outputLink[state];
            while (node != ROOT) {
                int start = i + 1 - depth[node];
                if (i + 1 > endFrom[start] && acceptable.test(start, i + 1)) {
                    endFrom[start] = i + 1;
                    patternFrom[start] = pattern[node];
                }
                node = outputLink[node];
            }
        }
        java.util.ArrayList<Hit> hits = new java.util.ArrayList<>();
        int i = 0;
        while (i < length) {
            if (endFrom[i] > i) {
                hits.add(new Hit(i, endFrom[i], patternFrom[i]));
                i = endFrom[i];
            } else {
                i++;
            }
        }
        return hits;
    }

    /** A rule on where an occurrence {@code [start, end)} may be taken. */
    @FunctionalInterface
    interface Acceptable {
        boolean test(int start, int end);

        Acceptable ANYWHERE = (start, end) -> true;
    }

    private int step(int state, char c) {
        while (true) {
            int next = child(state, c);
            if (next >= 0) {
                return next;
            }
            if (state == ROOT) {
                return ROOT;
            }
            state = fail[state];
        }
    }

    // --- building ---------------------------------------------------------------------------

    private void insert(String text, int index) {
        if (text.isEmpty()) {
            return;
        }
        int node = ROOT;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int next = child(node, c);
            if (next < 0) {
                next = newNode(node, c);
            }
            node = next;
        }
        if (pattern[node] < 0) {
            pattern[node] = index;
        }
    }

    private int newNode(int parent, char c) {
        int node = nodes++;
        if (node == fail.length) {
            int grown = node * 2;
            fail = Arrays.copyOf(fail, grown);
            depth = Arrays.copyOf(depth, grown);
            pattern = Arrays.copyOf(pattern, grown);
            outputLink = Arrays.copyOf(outputLink, grown);
            firstChild = Arrays.copyOf(firstChild, grown);
            nextSibling = Arrays.copyOf(nextSibling, grown);
            label = Arrays.copyOf(label, grown);
        }
        pattern[node] = -1;
        firstChild[node] = -1;
        nextSibling[node] = -1;
        label[node] = c;
        if (node == ROOT) {
            return node;
        }
        depth[node] = depth[parent] + 1;
        nextSibling[node] = firstChild[parent];
        firstChild[parent] = node;
        if (parent == ROOT) {
            rootNext[c] = node;
        } else {
            put(parent, c, node);
        }
        return node;
    }

    /**
     * Fail links breadth first, so that a node's link is known before its children need it; the
     * output link then skips the fail-chain nodes where no pattern ends.
     */
    private void link() {
        int[] queue = new int[nodes];
        int head = 0;
        int tail = 0;
        for (int child = firstChild[ROOT]; child >= 0; child = nextSibling[child]) {
            fail[child] = ROOT;
            outputLink[child] = ROOT;
            queue[tail++] = child;
        }
        while (head < tail) {
            int node = queue[head++];
            for (int child = firstChild[node]; child >= 0; child = nextSibling[child]) {
                char c = label[child];
                int f = fail[node];
                int target;
                while (true) {
                    int next = child(f, c);
                    if (next >= 0) {
                        target = next;
                        break;
                    }
                    if (f == ROOT) {
                        target = ROOT;
                        break;
                    }
                    f = fail[f];
                }
                fail[child] = target;
                outputLink[child] = pattern[target] >= 0 ? target : outputLink[target];
                queue[tail++] = child;
            }
        }
        // The building links are not needed for matching.
        firstChild = null;
        nextSibling = null;
        label = null;
    }

    // --- the transition table -----------------------------------------------------------------

    private int child(int node, char c) {
        if (node == ROOT) {
            return rootNext[c];
        }
        long key = (long) node << 16 | c;
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return targets[slot];
            }
            if (k == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void put(int node, char c, int target) {
        if ((transitions + 1) * 2 > keys.length) {
            grow();
        }
        long key = (long) node << 16 | c;
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        targets[slot] = target;
        transitions++;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldTargets = targets;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        targets = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i], mask);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                targets[slot] = oldTargets[i];
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }
}
