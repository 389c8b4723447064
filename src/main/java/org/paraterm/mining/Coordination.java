package org.paraterm.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two terms joined by a conjunction ("有组织犯罪和恐怖主义") are a phrase of the text when the
 * pairing is free: each part is a candidate in its own right and the pair accounts for only a small
 * share of the rarer part's occurrences. A frozen pairing — the name of one concept — is used
 * mostly together: 预防犯罪和刑事司法 (73 of 预防犯罪's 83 occurrences), 小武器和轻武器.
 */
final class Coordination {

    private static final String CONJUNCTIONS = "和与或及同";
    /** Below this share of the rarer part's occurrences a pairing is free. */
    static final double FROZEN_SHARE = 0.6;

    private Coordination() {
    }

    static List<Candidate> dropFreePairs(List<Candidate> candidates) {
        Map<String, Integer> frequency = new HashMap<>();
        for (Candidate candidate : candidates) {
            frequency.put(candidate.term(), candidate.frequency());
        }
        List<Candidate> kept = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            if (!isFreePair(candidate, frequency)) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private static boolean isFreePair(Candidate candidate, Map<String, Integer> frequency) {
        String term = candidate.term();
        for (int i = 2; i < term.length() - 2; i++) {
            if (CONJUNCTIONS.indexOf(term.charAt(i)) < 0) {
                continue;
            }
            Integer left = frequency.get(term.substring(0, i));
            Integer right = frequency.get(term.substring(i + 1));
            if (left != null && right != null
                    && candidate.frequency() < FROZEN_SHARE * Math.min(left, right)) {
                return true;
            }
        }
        return false;
    }
}
