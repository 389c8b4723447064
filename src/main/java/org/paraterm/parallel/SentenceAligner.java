package org.paraterm.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aligns the sentences of a Chinese document with those of its English translation, in this order:
 *
 * <ol>
 *   <li>anchors of every sentence ({@link Anchors}: numbers, dates, symbols, paragraph labels,
 *       acronyms) and the dictionary's term pairs found in it;</li>
 *   <li>sure anchor pairs — a set of anchors that occurs in exactly one sentence on each side —
 *       kept where they run in the same order on both sides; they draw the line the alignment is
 *       expected to follow;</li>
 *   <li>dynamic programming in a band around that line over beads 1–1, 1–0, 0–1, 1–2, 2–1 and
 *       2–2, each costing −log of its prior, Gale–Church's length cost ({@link LengthModel}),
 *       minus a bonus for every anchor and term pair both sides share and plus a penalty for every
 *       number, symbol or label only one side has. The band is widened and the search run again
 *       whenever the best path touches its edge;</li>
 *   <li>each chosen bead's confidence: its posterior probability over all paths in the band
 *       (forward–backward over the same costs).</li>
 * </ol>
 *
 * <p>Thread-safe: the aligner keeps no state between calls.
 */
public final class SentenceAligner {

    /** A bead: how many sentences it takes on each side, and −log of its prior probability. */
    private record BeadType(int zh, int en, double cost) {
        static BeadType of(int zh, int en, double prior) {
            return new BeadType(zh, en, -Math.log(prior));
        }
    }

    /*
     * Gale and Church's priors (1-1 0.89, 1-0 and 0-1 0.0099 together, 2-1 and 1-2 0.089 together,
     * 2-2 0.011) with two changes, measured on the damaged UNPC documents (docs/10-alignment.md):
     * a sentence without translation is twice as likely (document pairs extracted from PDF keep
     * headings, notes and page remnants on one side only), and 2-2 is far rarer, since a 2-2 was
     * nearly always two 1-1 beads whose length errors cancelled; a 2-2 unit is never rendering
     * evidence anyway.
     */
    private static final BeadType[] BEADS = {
        BeadType.of(1, 1, 0.887),
        BeadType.of(1, 0, 0.01),
        BeadType.of(0, 1, 0.01),
        BeadType.of(2, 1, 0.089 / 2),
        BeadType.of(1, 2, 0.089 / 2),
        BeadType.of(2, 2, 0.004),
    };

    /** Half-width of the first band, in sentences; doubled while the best path touches an edge. */
    private static final int FIRST_BAND = 12;

    private final AlignmentDictionary dictionary;
    private final boolean useAnchors;
    private final LengthModel lengths = LengthModel.UN_CHINESE_ENGLISH;

    public SentenceAligner(AlignmentDictionary dictionary) {
        this(dictionary, true);
    }

    private SentenceAligner(AlignmentDictionary dictionary, boolean useAnchors) {
        this.dictionary = java.util.Objects.requireNonNull(dictionary, "dictionary");
        this.useAnchors = useAnchors;
    }

    /** Gale and Church's method alone: lengths only, no anchors and no dictionary (the baseline). */
    static SentenceAligner lengthOnly() {
        return new SentenceAligner(AlignmentDictionary.empty(), false);
    }

    /**
     * The aligned units, in document order, covering every sentence of both sides exactly once.
     *
     * @param document the document symbol or name the units are given
     */
    public List<ParallelUnit> align(List<String> zhSentences, List<String> enSentences, String document) {
        List<ParallelUnit> units = new ArrayList<>();
        for (Bead bead : beads(zhSentences, enSentences)) {
            String zh = String.join("", zhSentences.subList(bead.zhStart(), bead.zhEnd()));
            String en = String.join(" ", enSentences.subList(bead.enStart(), bead.enEnd()));
            units.add(new ParallelUnit(zh, en, document, bead.zhEnd() - bead.zhStart(), bead.enEnd() - bead.enStart(),
                    bead.confidence()));
        }
        return units;
    }

    /** One aligned unit by sentence indices: Chinese {@code [zhStart, zhEnd)} with English {@code [enStart, enEnd)}. */
    record Bead(int zhStart, int zhEnd, int enStart, int enEnd, double confidence) {
    }

    /** The alignment as beads of sentence indices, in order. */
    List<Bead> beads(List<String> zhSentences, List<String> enSentences) {
        return search(zhSentences, enSentences).beads();
    }

    /** The beads, and how many cells of the n × m grid the bands searched (all of them, summed over the widenings). */
    record Search(List<Bead> beads, long cells) {
    }

    Search search(List<String> zhSentences, List<String> enSentences) {
        Problem problem = new Problem(zhSentences, enSentences);
        double[] line = useAnchors ? problem.anchoredLine() : problem.diagonal();
        int n = zhSentences.size();
        int m = enSentences.size();
        long cells = 0;
        for (int width = FIRST_BAND; ; width *= 2) {
            Band band = new Band(line, width, n, m);
            cells += band.cells;
            Lattice lattice = new Lattice(problem, band);
            int[] path = lattice.viterbi();
            if (band.covers(n, m) || !band.touchesEdge(path, m)) {
                return new Search(lattice.beads(path), cells);
            }
        }
    }

    /** The sentences of both sides, their lengths and anchors, and the cost of any bead. */
    private final class Problem {

        final int n;
        final int m;
        final double[] zhLengths;
        final int[] enLengths;
        /** Anchor ids of sentence i, sorted, distinct; {@code pairs[i]}: of sentences i−1 and i together. */
        final int[][] zhAnchors;
        final int[][] enAnchors;
        final int[][] zhPairs;
        final int[][] enPairs;
        double[] bonus = new double[0];
        double[] miss = new double[0];
        final Map<String, Integer> ids = new HashMap<>();
        final List<String> names = new ArrayList<>();

        Problem(List<String> zh, List<String> en) {
            n = zh.size();
            m = en.size();
            zhLengths = new double[n + 1];
            enLengths = new int[m + 1];
            for (int i = 0; i < n; i++) {
                zhLengths[i + 1] = zhLengths[i] + LengthModel.chineseLength(zh.get(i));
            }
            for (int j = 0; j < m; j++) {
                enLengths[j + 1] = enLengths[j] + LengthModel.englishLength(en.get(j));
            }
            zhAnchors = new int[n][];
            enAnchors = new int[m][];
            for (int i = 0; i < n; i++) {
                zhAnchors[i] = useAnchors ? ids(Anchors.of(zh.get(i)), dictionary.chineseEntries(zh.get(i))) : new int[0];
            }
            for (int j = 0; j < m; j++) {
                enAnchors[j] = useAnchors ? ids(Anchors.of(en.get(j)), dictionary.englishEntries(en.get(j))) : new int[0];
            }
            zhPairs = pairs(zhAnchors);
            enPairs = pairs(enAnchors);
            bonus = new double[names.size()];
            miss = new double[names.size()];
            for (int id = 0; id < names.size(); id++) {
                switch (Anchors.kind(names.get(id))) {
                    case SYMBOL -> {
                        bonus[id] = 4;
                        miss[id] = 1.5;
                    }
                    case NUMBER, LABEL -> {
                        bonus[id] = 2.5;
                        miss[id] = 1;
                    }
                    case ACRONYM, TERM -> {
                        bonus[id] = 1.5;
                        miss[id] = 0;
                    }
                }
            }
        }

        private int[] ids(Set<String> anchors, BitSet terms) {
            int[] result = new int[anchors.size() + terms.cardinality()];
            int k = 0;
            for (String anchor : anchors) {
                result[k++] = id(anchor);
            }
            for (int entry = terms.nextSetBit(0); entry >= 0; entry = terms.nextSetBit(entry + 1)) {
                result[k++] = id("%" + entry);
            }
            Arrays.sort(result);
            return result;
        }

        private int id(String anchor) {
            return ids.computeIfAbsent(anchor, a -> {
                names.add(a);
                return names.size() - 1;
            });
        }

        private static int[][] pairs(int[][] single) {
            int[][] pairs = new int[single.length][];
            for (int i = 1; i < single.length; i++) {
                pairs[i] = union(single[i - 1], single[i]);
            }
            return pairs;
        }

        /** The cost of Chinese sentences {@code [i - type.zh, i)} against English {@code [j - type.en, j)}. */
        double cost(BeadType type, int i, int j) {
            double zh = zhLengths[i] - zhLengths[i - type.zh()];
            int en = enLengths[j] - enLengths[j - type.en()];
            // A sentence left without translation costs its prior only: Gale and Church's length
            // cost of (l, 0) grows with l and made a long dropped sentence merge into its neighbour.
            double cost = type.cost() + (type.zh() == 0 || type.en() == 0 ? 0 : lengths.cost(zh, en));
            if (useAnchors && type.zh() > 0 && type.en() > 0) {
                int[] a = type.zh() == 1 ? zhAnchors[i - 1] : zhPairs[i - 1];
                int[] b = type.en() == 1 ? enAnchors[j - 1] : enPairs[j - 1];
                cost += anchorCost(a, b);
            }
            return cost;
        }

        /** Shared anchors lower the cost, anchors on one side only raise it. */
        private double anchorCost(int[] a, int[] b) {
            double cost = 0;
            int x = 0;
            int y = 0;
            while (x < a.length || y < b.length) {
                if (y == b.length || (x < a.length && a[x] < b[y])) {
                    cost += miss[a[x++]];
                } else if (x == a.length || b[y] < a[x]) {
                    cost += miss[b[y++]];
                } else {
                    cost -= bonus[a[x]];
                    x++;
                    y++;
                }
            }
            return cost;
        }

        /** The expected English position of every Chinese position when nothing else is known. */
        double[] diagonal() {
            double[] line = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                line[i] = n == 0 ? m : (double) i * m / n;
            }
            return line;
        }

        /**
         * The expected English position of every Chinese position, through the sure anchor pairs:
         * sentences whose anchors (numbers, symbols, labels; at least two, or one symbol) are found
         * in no other sentence of either side, kept only as far as they run in the same order.
         */
        double[] anchoredLine() {
            Map<String, int[]> zhSignatures = signatures(zhAnchors);
            Map<String, int[]> enSignatures = signatures(enAnchors);
            List<int[]> candidates = new ArrayList<>();
            zhSignatures.forEach((signature, zh) -> {
                int[] en = enSignatures.get(signature);
                if (zh[1] == 1 && en != null && en[1] == 1) {
                    candidates.add(new int[] {zh[0], en[0]});
                }
            });
            candidates.sort((p, q) -> Integer.compare(p[0], q[0]));
            List<int[]> chain = increasingChain(candidates);
            double[] xs = new double[chain.size() + 2];
            double[] ys = new double[chain.size() + 2];
            for (int k = 0; k < chain.size(); k++) {
                xs[k + 1] = chain.get(k)[0] + 0.5;
                ys[k + 1] = chain.get(k)[1] + 0.5;
            }
            xs[xs.length - 1] = n;
            ys[ys.length - 1] = m;
            double[] line = new double[n + 1];
            int segment = 0;
            for (int i = 0; i <= n; i++) {
                while (segment < xs.length - 2 && xs[segment + 1] < i) {
                    segment++;
                }
                double width = xs[segment + 1] - xs[segment];
                line[i] = width <= 0 ? ys[segment + 1]
                        : ys[segment] + (ys[segment + 1] - ys[segment]) * (i - xs[segment]) / width;
            }
            return line;
        }

        /** Signature (the sorted strong anchors) → {first sentence, number of sentences with it}. */
        private Map<String, int[]> signatures(int[][] anchors) {
            Map<String, int[]> signatures = new HashMap<>();
            for (int s = 0; s < anchors.length; s++) {
                StringBuilder signature = new StringBuilder();
                int strong = 0;
                for (int id : anchors[s]) {
                    Anchors.Kind kind = Anchors.kind(names.get(id));
                    if (kind == Anchors.Kind.NUMBER || kind == Anchors.Kind.SYMBOL || kind == Anchors.Kind.LABEL) {
                        signature.append(names.get(id)).append('\u0001');
                        strong += kind == Anchors.Kind.SYMBOL ? 2 : 1;
                    }
                }
                if (strong >= 2) {
                    int sentence = s;
                    signatures.merge(signature.toString(), new int[] {sentence, 1},
                            (old, one) -> new int[] {old[0], old[1] + 1});
                }
            }
            return signatures;
        }
    }

    /** The longest chain of pairs increasing on both sides (pairs sorted by their first index). */
    static List<int[]> increasingChain(List<int[]> pairs) {
        int[] tails = new int[pairs.size()];
        int[] previous = new int[pairs.size()];
        int length = 0;
        for (int k = 0; k < pairs.size(); k++) {
            int j = pairs.get(k)[1];
            int low = 0;
            int high = length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (pairs.get(tails[mid])[1] < j) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            previous[k] = low > 0 ? tails[low - 1] : -1;
            tails[low] = k;
            length = Math.max(length, low + 1);
        }
        List<int[]> chain = new ArrayList<>();
        for (int k = length > 0 ? tails[length - 1] : -1; k >= 0; k = previous[k]) {
            chain.add(0, pairs.get(k));
        }
        return chain;
    }

    /** Rows 0..n of the search, each a range of English positions around the expected line. */
    private static final class Band {

        final int[] low;
        final int[] high;
        final int[] offset;
        final int cells;

        Band(double[] line, int width, int n, int m) {
            low = new int[n + 1];
            high = new int[n + 1];
            offset = new int[n + 2];
            for (int i = 0; i <= n; i++) {
                double min = line[i];
                double max = line[i];
                for (int k = Math.max(0, i - 1); k <= Math.min(n, i + 1); k++) {
                    min = Math.min(min, line[k]);
                    max = Math.max(max, line[k]);
                }
                low[i] = Math.max(0, (int) Math.floor(min) - width);
                high[i] = Math.min(m, (int) Math.ceil(max) + width);
            }
            low[0] = 0;
            high[n] = m;
            for (int i = 0; i <= n; i++) {
                offset[i + 1] = offset[i] + (high[i] - low[i] + 1);
            }
            cells = offset[n + 1];
        }

        int cell(int i, int j) {
            return j < low[i] || j > high[i] ? -1 : offset[i] + j - low[i];
        }

        boolean covers(int n, int m) {
            for (int i = 0; i <= n; i++) {
                if (low[i] > 0 || high[i] < m) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the path (English position per cell, row by row) comes within a sentence of a cut edge. */
        boolean touchesEdge(int[] path, int m) {
            for (int k = 0; k < path.length; k += 2) {
                int i = path[k];
                int j = path[k + 1];
                if ((low[i] > 0 && j - low[i] < 2) || (high[i] < m && high[i] - j < 2)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The search over one band: best path, then forward and backward sums for the confidences. */
    private static final class Lattice {

        private final Problem problem;
        private final Band band;
        private final int n;
        private final int m;
        /** Cost of the bead of each type ending in each cell (infinite where it cannot). */
        private final double[] costs;

        Lattice(Problem problem, Band band) {
            this.problem = problem;
            this.band = band;
            this.n = problem.n;
            this.m = problem.m;
            this.costs = new double[band.cells * BEADS.length];
            for (int i = 0; i <= n; i++) {
                for (int j = band.low[i]; j <= band.high[i]; j++) {
                    int cell = band.cell(i, j);
                    for (int t = 0; t < BEADS.length; t++) {
                        BeadType type = BEADS[t];
                        boolean possible = i >= type.zh() && j >= type.en()
                                && band.cell(i - type.zh(), j - type.en()) >= 0;
                        costs[cell * BEADS.length + t] = possible ? problem.cost(type, i, j) : Double.POSITIVE_INFINITY;
                    }
                }
            }
        }

        /** The cheapest path as (i, j) corners from (0, 0) to (n, m), flattened. */
        int[] viterbi() {
            double[] best = new double[band.cells];
            byte[] from = new byte[band.cells];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            best[0] = 0;
            for (int i = 0; i <= n; i++) {
                for (int j = band.low[i]; j <= band.high[i]; j++) {
                    int cell = band.cell(i, j);
                    for (int t = 0; t < BEADS.length; t++) {
                        double cost = costs[cell * BEADS.length + t];
                        if (cost == Double.POSITIVE_INFINITY) {
                            continue;
                        }
                        double total = best[band.cell(i - BEADS[t].zh(), j - BEADS[t].en())] + cost;
                        if (total < best[cell]) {
                            best[cell] = total;
                            from[cell] = (byte) t;
                        }
                    }
                }
            }
            List<Integer> corners = new ArrayList<>();
            int i = n;
            int j = m;
            corners.add(j);
            corners.add(i);
            while (i > 0 || j > 0) {
                BeadType type = BEADS[from[band.cell(i, j)]];
                i -= type.zh();
                j -= type.en();
                corners.add(j);
                corners.add(i);
            }
            int[] path = new int[corners.size()];
            for (int k = 0; k < path.length; k++) {
                path[k] = corners.get(path.length - 1 - k);
            }
            return path;
        }

        /** The beads of a path, each with its posterior probability as confidence. */
        List<Bead> beads(int[] path) {
            double[] forward = forward();
            double[] backward = backward();
            double total = forward[band.cell(n, m)];
            List<Bead> beads = new ArrayList<>();
            for (int k = 2; k < path.length; k += 2) {
                int i0 = path[k - 2];
                int j0 = path[k - 1];
                int i = path[k];
                int j = path[k + 1];
                int t = typeOf(i - i0, j - j0);
                int cell = band.cell(i, j);
                double logPosterior = forward[band.cell(i0, j0)] - costs[cell * BEADS.length + t] + backward[cell] - total;
                double confidence = Math.max(0, Math.min(1, Math.exp(logPosterior)));
                beads.add(new Bead(i0, i, j0, j, confidence));
            }
            return beads;
        }

        private static int typeOf(int zh, int en) {
            for (int t = 0; t < BEADS.length; t++) {
                if (BEADS[t].zh() == zh && BEADS[t].en() == en) {
                    return t;
                }
            }
            throw new IllegalStateException("no bead " + zh + "-" + en);
        }

        private double[] forward() {
            double[] forward = new double[band.cells];
            Arrays.fill(forward, Double.NEGATIVE_INFINITY);
            forward[0] = 0;
            for (int i = 0; i <= n; i++) {
                for (int j = band.low[i]; j <= band.high[i]; j++) {
                    int cell = band.cell(i, j);
                    if (cell == 0) {
                        continue;
                    }
                    double sum = Double.NEGATIVE_INFINITY;
                    for (int t = 0; t < BEADS.length; t++) {
                        double cost = costs[cell * BEADS.length + t];
                        if (cost != Double.POSITIVE_INFINITY) {
                            sum = logAdd(sum, forward[band.cell(i - BEADS[t].zh(), j - BEADS[t].en())] - cost);
                        }
                    }
                    forward[cell] = sum;
                }
            }
            return forward;
        }

        private double[] backward() {
            double[] backward = new double[band.cells];
            Arrays.fill(backward, Double.NEGATIVE_INFINITY);
            backward[band.cell(n, m)] = 0;
            for (int i = n; i >= 0; i--) {
                for (int j = band.high[i]; j >= band.low[i]; j--) {
                    int cell = band.cell(i, j);
                    double sum = backward[cell];
                    for (int t = 0; t < BEADS.length; t++) {
                        int i1 = i + BEADS[t].zh();
                        int j1 = j + BEADS[t].en();
                        if (i1 > n || j1 > m) {
                            continue;
                        }
                        int next = band.cell(i1, j1);
                        if (next < 0) {
                            continue;
                        }
                        double cost = costs[next * BEADS.length + t];
                        if (cost != Double.POSITIVE_INFINITY) {
                            sum = logAdd(sum, backward[next] - cost);
                        }
                    }
                    backward[cell] = sum;
                }
            }
            return backward;
        }

        private static double logAdd(double a, double b) {
            if (a == Double.NEGATIVE_INFINITY) {
                return b;
            }
            if (b == Double.NEGATIVE_INFINITY) {
                return a;
            }
            return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
        }
    }

    static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int x = 0;
        int y = 0;
        int k = 0;
        while (x < a.length || y < b.length) {
            if (y == b.length || (x < a.length && a[x] < b[y])) {
                out[k++] = a[x++];
            } else if (x == a.length || b[y] < a[x]) {
                out[k++] = b[y++];
            } else {
                out[k++] = a[x++];
                y++;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
