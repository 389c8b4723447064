package org.paraterm.mining;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Map<String, List<Variant>> variants = VariantGrouper.group(ranked, documents);
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
}
