package org.paraterm.mining;

import java.util.List;
import java.util.Map;

/**
 * A candidate as the product shows it: its rank, the measures behind it, its variants grouped
 * under it, how often each document uses it ({@code byDocument}: document index → occurrences),
 * and its best example sentences. Every occurrence stays reachable through {@link Candidate#occurrences()}.
 */
public record MinedCandidate(int rank, Candidate candidate, List<Variant> variants, Map<Integer, Integer> byDocument,
                             List<Context> contexts) {

    public MinedCandidate {
        variants = List.copyOf(variants);
        byDocument = DocumentCounts.of(byDocument);
        contexts = List.copyOf(contexts);
    }

    public String term() {
        return candidate.term();
    }
}
