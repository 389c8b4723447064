package org.paraterm.mining;

import java.util.List;

/**
 * A mined term candidate with its evidence and the measures behind its score.
 *
 * @param documents    how many documents use it
 * @param leftEntropy  branching entropy of the characters before it (bits)
 * @param rightEntropy branching entropy of the characters after it (bits)
 * @param cohesion     the weakest split of the string: the smallest pointwise mutual information
 *                     of its two parts over all split points (bits)
 */
public record Candidate(String term, int frequency, int documents, double score, double leftEntropy,
                        double rightEntropy, double cohesion, List<Occurrence> occurrences) {

    public Candidate {
        // Held as numbers, not one object per occurrence: a large corpus has millions of them.
        occurrences = Occurrences.of(occurrences);
    }

    public Candidate withScore(double newScore) {
        return new Candidate(term, frequency, documents, newScore, leftEntropy, rightEntropy, cohesion, occurrences);
    }
}
