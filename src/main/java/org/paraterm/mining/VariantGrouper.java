package org.paraterm.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paraterm.corpus.CleanDocument;

/**
 * Finds the variants of each candidate: abbreviations given in brackets after a full form, forms
 * differing in one or two characters, and word-order swaps. Comparisons stay within buckets of
 * candidates that share a length and an opening or closing, so the cost grows with the number of
 * candidates, not its square.
 */
final class VariantGrouper {

    /** A full form directly followed by a bracketed shorter form, in the match text (one bracket width). */
    private static final Pattern BRACKETED = Pattern.compile("([\\p{IsHan}]{4,30})\\(([\\p{IsHan}]{2,20})\\)");
    private static final int EDGE = 3;

    private VariantGrouper() {
    }

    static Map<String, List<Variant>> group(List<Candidate> candidates, List<CleanDocument> documents) {
        Map<String, Candidate> byTerm = new HashMap<>();
        candidates.forEach(c -> byTerm.put(c.term(), c));
        Map<String, List<Variant>> variants = new LinkedHashMap<>();
        abbreviations(documents, byTerm, variants);
        nearIdentical(candidates, variants);
        wordOrder(candidates, byTerm, variants);
        return variants;
    }

    private static void abbreviations(List<CleanDocument> documents, Map<String, Candidate> byTerm,
                                      Map<String, List<Variant>> variants) {
        Map<String, Map<String, Integer>> pairs = new HashMap<>();
        for (CleanDocument document : documents) {
            Matcher matcher = BRACKETED.matcher(document.matchText());
            while (matcher.find()) {
                String before = matcher.group(1);
                String inner = matcher.group(2);
                // The full form is the longest candidate ending right before the bracket that
                // shares the short form's last character: 联合国毒品和犯罪问题办公室(毒品和犯罪问题办公室).
                for (int start = 0; start + inner.length() < before.length(); start++) {
                    String full = before.substring(start);
                    if (byTerm.containsKey(full) && sharesCharacters(full, inner)) {
                        pairs.computeIfAbsent(full, k -> new HashMap<>()).merge(inner, 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        pairs.forEach((full, shorts) -> shorts.forEach((form, count) -> {
            Candidate standalone = byTerm.get(form);
            add(variants, full, standalone == null
                    ? new Variant(form, Variant.Relation.ABBREVIATION, count, Map.of())
                    : variant(standalone, Variant.Relation.ABBREVIATION));
        }));
    }

    private static void nearIdentical(List<Candidate> candidates, Map<String, List<Variant>> variants) {
        Map<String, List<Candidate>> buckets = new HashMap<>();
        for (Candidate candidate : candidates) {
            String term = candidate.term();
            if (term.length() < 4) {
                continue;
            }
            buckets.computeIfAbsent("<" + term.length() + term.substring(0, EDGE), k -> new ArrayList<>()).add(candidate);
            buckets.computeIfAbsent(">" + term.length() + term.substring(term.length() - EDGE), k -> new ArrayList<>())
                    .add(candidate);
        }
        for (List<Candidate> bucket : buckets.values()) {
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    Candidate a = bucket.get(i);
                    Candidate b = bucket.get(j);
                    int differences = differences(a.term(), b.term());
                    if (differences >= 1 && differences <= 2 && differences * 3 < a.term().length()
                            && adjacentDifferences(a.term(), b.term()) && firstDifference(a.term(), b.term()) >= 2
                            && a.term().indexOf('的') < 0 && b.term().indexOf('的') < 0) {
                        Candidate main = a.frequency() >= b.frequency() ? a : b;
                        Candidate other = main == a ? b : a;
                        add(variants, main.term(), variant(other, Variant.Relation.NEAR_IDENTICAL));
                    }
                }
            }
        }
    }

    private static void wordOrder(List<Candidate> candidates, Map<String, Candidate> byTerm,
                                  Map<String, List<Variant>> variants) {
        for (Candidate candidate : candidates) {
            String term = candidate.term();
            for (int cut = 2; cut <= term.length() - 2; cut++) {
                String swapped = term.substring(cut) + term.substring(0, cut);
                Candidate other = byTerm.get(swapped);
                if (other != null && !swapped.equals(term) && candidate.frequency() >= other.frequency()) {
                    add(variants, term, variant(other, Variant.Relation.WORD_ORDER));
                }
            }
        }
    }

    private static Variant variant(Candidate form, Variant.Relation relation) {
        return new Variant(form.term(), relation, form.frequency(), byDocument(form.occurrences()));
    }

    static Map<Integer, Integer> byDocument(List<Occurrence> occurrences) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Occurrence occurrence : occurrences) {
            counts.merge(occurrence.document(), 1, Integer::sum);
        }
        return counts;
    }

    private static void add(Map<String, List<Variant>> variants, String term, Variant variant) {
        List<Variant> list = variants.computeIfAbsent(term, k -> new ArrayList<>());
        if (list.stream().noneMatch(v -> v.form().equals(variant.form()))) {
            list.add(variant);
        }
    }

    private static boolean sharesCharacters(String full, String inner) {
        int shared = 0;
        for (int i = 0; i < inner.length(); i++) {
            if (full.indexOf(inner.charAt(i)) >= 0) {
                shared++;
            }
        }
        return shared * 2 >= inner.length() && full.charAt(full.length() - 1) == inner.charAt(inner.length() - 1);
    }

    private static int differences(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.MAX_VALUE;
        }
        int count = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Where two forms first differ. A different opening (跨国有组织犯罪 / 打击有组织犯罪) is another
     * modifier, not a variant wording; the context comparison the issue asks for is still to come.
     */
    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Two differing characters must sit side by side: one word swapped, not two letters scattered. */
    private static boolean adjacentDifferences(String a, String b) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return last - first <= 1;
    }
}
