package org.paraterm.mining;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paraterm.corpus.CleanDocument;

/**
 * Mines term candidates from cleaned Chinese documents, as a list of steps: cut sentences into Han
 * segments, count repeated strings with a suffix array, drop strings glued to function characters,
 * measure boundary freedom and cohesion, discount strings that live inside one longer candidate,
 * rank. The formula is in docs/02-term-mining.md.
 */
public final class TermMiner {

    private final MiningSettings settings;

    public TermMiner(MiningSettings settings) {
        this.settings = settings;
    }

    public List<Candidate> mine(List<CleanDocument> documents) {
        List<Segment> segments = SegmentExtractor.segments(documents);
        RepeatCounter counter = new RepeatCounter(segments);
        List<RepeatCounter.Repeat> repeats = counter.repeats(settings.minFreq(), MiningSettings.MAX_LENGTH);
        Map<String, Integer> frequency = new HashMap<>();
        for (RepeatCounter.Repeat repeat : repeats) {
            frequency.put(repeat.text(), repeat.frequency());
        }
        Map<Character, Integer> characters = characterCounts(counter.text());
        long total = counter.text().length();

        List<Candidate> candidates = new ArrayList<>();
        for (RepeatCounter.Repeat repeat : repeats) {
            String term = repeat.text();
            if (!TermBoundaries.clean(term)) {
                continue;
            }
            Map<Character, Integer> left = new HashMap<>();
            Map<Character, Integer> right = new HashMap<>();
            int leftEdges = 0;
            int rightEdges = 0;
            for (int r = repeat.from(); r < repeat.to(); r++) {
                int position = counter.position(r);
                char before = position == 0 ? RepeatCounter.SEPARATOR : counter.text().charAt(position - 1);
                char after = counter.text().charAt(position + term.length());
                if (before == RepeatCounter.SEPARATOR) {
                    leftEdges++;
                } else {
                    left.merge(before, 1, Integer::sum);
                }
                if (after == RepeatCounter.SEPARATOR) {
                    rightEdges++;
                } else {
                    right.merge(after, 1, Integer::sum);
                }
            }
            double leftEntropy = entropy(left, leftEdges, repeat.frequency());
            double rightEntropy = entropy(right, rightEdges, repeat.frequency());
            double boundary = Math.min(leftEntropy, rightEntropy);
            if (boundary <= 0.3) {
                continue;
            }
            // Evidence and cohesion only for the strings that pass the boundary test.
            Set<Integer> documentsUsing = new HashSet<>();
            List<Occurrence> occurrences = new ArrayList<>(repeat.frequency());
            for (int r = repeat.from(); r < repeat.to(); r++) {
                int position = counter.position(r);
                Segment segment = segments.get(counter.segmentAt(position));
                documentsUsing.add(segment.document());
                occurrences.add(new Occurrence(segment.document(), segment.sentence(),
                        segment.offset() + counter.offsetInSegment(position)));
            }
            double cohesion = cohesion(term, frequency, characters, total);
            double score = Termhood.score(settings, term, repeat.frequency(), documentsUsing.size(), boundary,
                    cohesion);
            candidates.add(new Candidate(term, repeat.frequency(), documentsUsing.size(), score, leftEntropy,
                    rightEntropy, cohesion, occurrences));
        }
        candidates = NestedTermDiscount.apply(candidates);
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::term));
        return candidates;
    }

    /**
     * Entropy of the neighbouring characters; each segment edge counts as a different neighbour,
     * since a punctuation mark or bracket there is the freest boundary there is.
     */
    private static double entropy(Map<Character, Integer> neighbours, int edges, int total) {
        double h = 0;
        for (int count : neighbours.values()) {
            double p = (double) count / total;
            h -= p * Math.log(p) / Math.log(2);
        }
        if (edges > 0) {
            double p = 1.0 / total;
            h -= edges * p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** The smallest pointwise mutual information over the ways of cutting the term in two. */
    private static double cohesion(String term, Map<String, Integer> frequency, Map<Character, Integer> characters,
                                   long total) {
        double f = frequency.getOrDefault(term, 1);
        double weakest = Double.MAX_VALUE;
        for (int cut = 1; cut < term.length(); cut++) {
            double a = count(term.substring(0, cut), frequency, characters);
            double b = count(term.substring(cut), frequency, characters);
            double pmi = Math.log(f * total / (a * b)) / Math.log(2);
            weakest = Math.min(weakest, pmi);
        }
        return weakest;
    }

    private static double count(String part, Map<String, Integer> frequency, Map<Character, Integer> characters) {
        if (part.length() == 1) {
            return characters.getOrDefault(part.charAt(0), 1);
        }
        return frequency.getOrDefault(part, 1);
    }

    private static Map<Character, Integer> characterCounts(String text) {
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < text.length(); i++) {
            counts.merge(text.charAt(i), 1, Integer::sum);
        }
        return counts;
    }
}
