package org.paraterm.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.paraterm.corpus.CleanDocument;

/**
 * Mines term candidates from cleaned Chinese documents, as a list of steps: cut sentences into Han
 * segments, count repeated strings with a suffix array, drop strings glued to function characters,
 * measure boundary freedom and cohesion, discount strings that live inside one longer candidate,
 * rank. The formula is in docs/02-term-mining.md.
 */
public final class TermMiner {

    /** A side with at most this entropy (bits) is not a free boundary. */
    private static final double BOUNDARY = 0.3;

    private final MiningSettings settings;

    public TermMiner(MiningSettings settings) {
        this.settings = settings;
    }

    public List<Candidate> mine(List<CleanDocument> documents) {
        SegmentExtractor.Segments segments = SegmentExtractor.segments(documents);
        RepeatCounter counter = new RepeatCounter(segments, MiningSettings.MAX_LENGTH);
        Survivors survivors = new Survivors();
        Neighbours neighbours = new Neighbours();
        // Boundary freedom first, on every repeat, without building strings; the boundary rules
        // next, on the strings whose both sides are free; evidence and cohesion last.
        counter.visit(settings.minFreq(), (length, from, to, groups, groupCount) -> {
            int covered = 0;
            for (int g = 0; g < groupCount; g++) {
                covered += groups[g];
            }
            double rightEntropy = Neighbours.entropy(groups, groupCount, to - from - covered, to - from);
            if (rightEntropy <= BOUNDARY) {
                return;
            }
            for (int r = from; r < to; r++) {
                neighbours.add(counter.before(r));
            }
            double leftEntropy = neighbours.entropy();
            if (leftEntropy <= BOUNDARY) {
                return;
            }
            String term = counter.string(from, length);
            if (TermBoundaries.clean(term)) {
                survivors.add(term, from, to, leftEntropy, rightEntropy);
            }
        });
        double[] cohesion = cohesion(counter, survivors);

        List<Candidate> candidates = new ArrayList<>(survivors.count);
        // Each candidate's places in the joined text, in text order: the nested-term discount
        // matches occurrences by them.
        int[][] places = new int[survivors.count][];
        for (int i = 0; i < survivors.count; i++) {
            int from = survivors.from[i];
            int frequency = survivors.to[i] - from;
            // Occurrences in text order.
            int[] positions = new int[frequency];
            for (int r = 0; r < frequency; r++) {
                positions[r] = counter.position(from + r);
            }
            Arrays.sort(positions);
            places[i] = positions;
            Occurrences.Builder occurrences = new Occurrences.Builder(frequency);
            int documentsUsing = 0;
            int lastDocument = -1;
            for (int position : positions) {
                int segment = segments.segmentAt(position);
                int document = segments.document(segment);
                occurrences.add(document, segments.sentence(segment), segments.offset(segment, position));
                if (document != lastDocument) {
                    documentsUsing++;
                    lastDocument = document;
                }
            }
            String term = survivors.terms.get(i);
            double leftEntropy = survivors.leftEntropy[i];
            double rightEntropy = survivors.rightEntropy[i];
            double boundary = Math.min(leftEntropy, rightEntropy);
            double score = Termhood.score(settings, term, frequency, documentsUsing, boundary, cohesion[i]);
            candidates.add(new Candidate(term, frequency, documentsUsing, score, leftEntropy, rightEntropy,
                    cohesion[i], occurrences.build()));
        }
        candidates = NestedTermDiscount.apply(candidates, places, counter, survivors.from, survivors.to);
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::term));
        return candidates;
    }

    /**
     * Branching entropy of the characters next to each occurrence (bits); each segment edge counts
     * as a different neighbour, since a punctuation mark or bracket there is the freest boundary
     * there is.
     */
    private static final class Neighbours {
        private final int[] counts = new int[Character.MAX_VALUE + 1];
        private char[] seen = new char[64];
        private int distinct;
        private int edges;
        private int total;
        private int[] groups = new int[64];

        void add(char neighbour) {
            total++;
            if (neighbour == RepeatCounter.SEPARATOR) {
                edges++;
            } else if (counts[neighbour]++ == 0) {
                if (distinct == seen.length) {
                    seen = Arrays.copyOf(seen, distinct * 2);
                }
                seen[distinct++] = neighbour;
            }
        }

        /** The entropy of the characters added so far, which it then forgets. */
        double entropy() {
            if (groups.length < distinct) {
                groups = new int[seen.length];
            }
            for (int i = 0; i < distinct; i++) {
                groups[i] = counts[seen[i]];
                counts[seen[i]] = 0;
            }
            double h = entropy(groups, distinct, edges, total);
            distinct = 0;
            edges = 0;
            total = 0;
            return h;
        }

        /**
         * The entropy of {@code total} neighbours: {@code counts[0, distinct)} of them alike in
         * groups, {@code singles} more each unlike any other. The sum runs over the counts in
         * ascending order, so that two strings with the same spread of neighbours get exactly the
         * same entropy and tie in score (their order is then by term). Sorts {@code counts}.
         */
        static double entropy(int[] counts, int distinct, int singles, int total) {
            Arrays.sort(counts, 0, distinct);
            int i = 0;
            int ones = singles;
            while (i < distinct && counts[i] == 1) {
                ones++;
                i++;
            }
            double h = -ones * term(1, total);
            while (i < distinct) {
                int count = counts[i];
                int same = 0;
                while (i < distinct && counts[i] == count) {
                    same++;
                    i++;
                }
                h -= same * term(count, total);
            }
            return h;
        }

        private static double term(int count, int total) {
            double p = (double) count / total;
            return p * Math.log(p) / Math.log(2);
        }
    }

    /**
     * The smallest pointwise mutual information over the ways of cutting each term in two. The
     * frequencies of all the parts are looked up in one pass over the suffix array: a prefix of a
     * term is a prefix of its suffixes, a remainder is a prefix of the suffix that many characters on.
     */
    private double[] cohesion(RepeatCounter counter, Survivors survivors) {
        char[] text = counter.text();
        long total = counter.length();
        int[] characters = new int[Character.MAX_VALUE + 1];
        for (int i = 0; i < counter.length(); i++) {
            characters[text[i]]++;
        }
        int queries = 0;
        for (int i = 0; i < survivors.count; i++) {
            queries += 2 * (survivors.terms.get(i).length() - 2);
        }
        // Query 2k (k counting the cuts of all terms in order) is a prefix, 2k + 1 the remainder.
        int[] ranks = new int[queries];
        int[] lengths = new int[queries];
        int[] remainderPositions = new int[queries / 2];
        int q = 0;
        for (int i = 0; i < survivors.count; i++) {
            int length = survivors.terms.get(i).length();
            int position = counter.position(survivors.from[i]);
            for (int cut = 2; cut < length; cut++) {
                ranks[q] = survivors.from[i];
                lengths[q] = cut;
                remainderPositions[q / 2] = position + length - cut;
                lengths[q + 1] = cut;
                q += 2;
            }
        }
        int[] remainderRanks = counter.ranks(remainderPositions);
        for (int k = 0; k < remainderRanks.length; k++) {
            ranks[2 * k + 1] = remainderRanks[k];
        }
        int[] frequencies = counter.frequencies(ranks, lengths);

        double[] cohesion = new double[survivors.count];
        q = 0;
        for (int i = 0; i < survivors.count; i++) {
            String term = survivors.terms.get(i);
            int length = term.length();
            double f = survivors.to[i] - survivors.from[i];
            // Prefix and remainder frequencies by their length (2 to length - 1).
            double[] prefix = new double[length];
            double[] remainder = new double[length];
            for (int cut = 2; cut < length; cut++) {
                prefix[cut] = count(frequencies[q]);
                remainder[cut] = count(frequencies[q + 1]);
                q += 2;
            }
            double weakest = Double.MAX_VALUE;
            for (int cut = 1; cut < length; cut++) {
                double a = cut == 1 ? characters[term.charAt(0)] : prefix[cut];
                double b = length - cut == 1 ? characters[term.charAt(length - 1)] : remainder[length - cut];
                double pmi = Math.log(f * total / (a * b)) / Math.log(2);
                weakest = Math.min(weakest, pmi);
            }
            cohesion[i] = weakest;
        }
        return cohesion;
    }

    /** A part counts with its frequency when it is a repeat the miner counts, else once. */
    private double count(int frequency) {
        return frequency >= settings.minFreq() ? frequency : 1;
    }

    /** The repeats that passed the boundary tests, as parallel arrays. */
    private static final class Survivors {
        private final List<String> terms = new ArrayList<>();
        private int count;
        private int[] from = new int[1024];
        private int[] to = new int[1024];
        private double[] leftEntropy = new double[1024];
        private double[] rightEntropy = new double[1024];

        void add(String term, int rankFrom, int rankTo, double left, double right) {
            if (count == from.length) {
                from = Arrays.copyOf(from, count * 2);
                to = Arrays.copyOf(to, count * 2);
                leftEntropy = Arrays.copyOf(leftEntropy, count * 2);
                rightEntropy = Arrays.copyOf(rightEntropy, count * 2);
            }
            terms.add(term);
            from[count] = rankFrom;
            to[count] = rankTo;
            leftEntropy[count] = left;
            rightEntropy[count] = right;
            count++;
        }
    }
}
