package org.paraterm.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    static List<Candidate> apply(List<Candidate> candidates) {
        Map<String, Candidate> byTerm = new HashMap<>();
        for (Candidate candidate : candidates) {
            byTerm.put(candidate.term(), candidate);
        }
        Map<String, Set<String>> containers = new HashMap<>();
        for (Candidate longer : candidates) {
            String b = longer.term();
            for (int start = 0; start < b.length(); start++) {
                for (int end = start + 2; end <= b.length(); end++) {
                    if (end - start == b.length()) {
                        continue;
                    }
                    String inner = b.substring(start, end);
                    if (byTerm.containsKey(inner)) {
                        containers.computeIfAbsent(inner, k -> new HashSet<>()).add(b);
                    }
                }
            }
        }
        List<Candidate> kept = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            Set<String> around = containers.getOrDefault(candidate.term(), Set.of());
            Set<Long> covered = new HashSet<>();
            int nearest = 0;
            for (String container : around) {
                if (!containsAnother(container, around)) {
                    nearest++;
                }
                for (Occurrence occurrence : byTerm.get(container).occurrences()) {
                    for (int at = container.indexOf(candidate.term()); at >= 0;
                         at = container.indexOf(candidate.term(), at + 1)) {
                        covered.add(key(occurrence.document(), occurrence.offset() + at));
                    }
                }
            }
            double share = (double) Math.min(covered.size(), candidate.frequency()) / candidate.frequency();
            // A fragment lives inside a few fixed longer terms; a head term like 恐怖主义 is nested
            // too, but in many different ones, and stays.
            if (share >= FRAGMENT && nearest <= MAX_FRAGMENT_CONTAINERS) {
                continue;
            }
            kept.add(new Candidate(candidate.term(), candidate.frequency(), candidate.documents(),
                    candidate.score() * (1 - WEIGHT * share), candidate.leftEntropy(), candidate.rightEntropy(),
                    candidate.cohesion(), candidate.occurrences()));
        }
        return kept;
    }

    private static long key(int document, int offset) {
        return ((long) document << 32) | (offset & 0xFFFFFFFFL);
    }

    private static boolean containsAnother(String container, Set<String> containers) {
        for (String other : containers) {
            if (other.length() < container.length() && container.contains(other)) {
                return true;
            }
        }
        return false;
    }
}
