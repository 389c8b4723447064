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
 * Term mining from documents to what the product shows: ranked candidates, each with its variants
 * grouped under it, its use per document and its best contexts. The {@code mine} command, the
 * database and the pages all take their candidates from here.
 */
public final class Mining {

    private Mining() {
    }

    public static List<MinedCandidate> run(List<CleanDocument> documents, MiningSettings settings) {
        List<Candidate> ranked = new TermMiner(settings).mine(documents);
        ranked = Coordination.dropFreePairs(TitleCandidates.add(ranked, documents, settings));
        Map<String, List<Variant>> variants = VariantGrouper.group(ranked, documents);
        ranked = foldVariants(ranked, variants);
        ContextChooser contexts = new ContextChooser(documents);
        List<MinedCandidate> result = new ArrayList<>(ranked.size());
        for (Candidate candidate : ranked) {
            result.add(new MinedCandidate(result.size() + 1, candidate,
                    variants.getOrDefault(candidate.term(), List.of()),
                    VariantGrouper.byDocument(candidate.occurrences()),
                    contexts.best(candidate, ContextChooser.DEFAULT_COUNT)));
        }
        return result;
    }

    /**
     * One row per concept: a form that is a variant of another candidate leaves the list and
     * lives under its canonical term, which ranks as high as its best-ranked form (国际刑警组织 is
     * used far more than 国际刑事警察组织, and brings its full form up with it).
     */
    private static List<Candidate> foldVariants(List<Candidate> ranked, Map<String, List<Variant>> variants) {
        Map<String, Double> scores = new HashMap<>();
        ranked.forEach(c -> scores.put(c.term(), c.score()));
        Set<String> folded = new HashSet<>();
        Map<String, Double> groupScore = new HashMap<>();
        for (Candidate candidate : ranked) {
            if (folded.contains(candidate.term())) {
                continue;
            }
            double best = candidate.score();
            for (Variant variant : variants.getOrDefault(candidate.term(), List.of())) {
                if (scores.containsKey(variant.form()) && !variants.containsKey(variant.form())) {
                    folded.add(variant.form());
                    best = Math.max(best, scores.get(variant.form()));
                }
            }
            groupScore.put(candidate.term(), best);
        }
        List<Candidate> kept = new ArrayList<>(ranked.size());
        for (Candidate candidate : ranked) {
            if (!folded.contains(candidate.term())) {
                kept.add(candidate.withScore(groupScore.get(candidate.term())));
            }
        }
        kept.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::term));
        return kept;
    }
}
