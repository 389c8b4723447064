package org.paraterm.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paraterm.corpus.Chars;
import org.paraterm.corpus.CleanDocument;

/**
 * Finds the variants of each candidate: abbreviations and short forms given in brackets after a
 * full form, forms differing in one or two characters that are used the same way, and word-order
 * swaps. Only forms that can be variants ever meet — near-identical ones through keys with two
 * adjacent positions blanked, swaps through their opening and closing characters — so the cost grows
 * with the number of candidates, not its square.
 */
final class VariantGrouper {

    /**
     * A full form (4 to 30 Han characters) directly followed by a bracketed short form (2 to 20), in
     * the match text, where both bracket widths are one.
     */
    private static final int LONGEST_FULL = 30;
    private static final int LONGEST_SHORT = 20;
    /** Near-identical forms must be at least this alike (context similarity plus shared morpheme). */
    private static final double ALIKE = 0.3;
    /** A shared character in the differing parts (作战 / 战斗, 集团 / 团伙) counts this much. */
    private static final double SHARED_MORPHEME = 0.3;
    /** At most this share of two forms' use may fall in the same documents. */
    private static final double DOCUMENT_OVERLAP = 0.25;

    private final List<CleanDocument> documents;
    private final Map<String, Candidate> byTerm = new HashMap<>();
    private final Map<String, List<Variant>> variants = new LinkedHashMap<>();

    private VariantGrouper(List<Candidate> candidates, List<CleanDocument> documents) {
        this.documents = documents;
        candidates.forEach(c -> byTerm.put(c.term(), c));
    }

    /** Variants of each canonical term, keyed by the canonical term. */
    static Map<String, List<Variant>> group(List<Candidate> candidates, List<CleanDocument> documents) {
        VariantGrouper grouper = new VariantGrouper(candidates, documents);
        grouper.bracketed();
        grouper.nearIdentical(candidates);
        grouper.wordOrder(candidates);
        return grouper.variants;
    }

    static Map<Integer, Integer> byDocument(List<Occurrence> occurrences) {
        Occurrences all = Occurrences.of(occurrences);
        Map<Integer, Integer> counts = new HashMap<>();
        // Occurrences come in text order: one map update per run of one document, not per occurrence.
        int run = 0;
        int document = -1;
        for (int k = 0; k < all.size(); k++) {
            if (all.document(k) != document) {
                if (run > 0) {
                    counts.merge(document, run, Integer::sum);
                }
                document = all.document(k);
                run = 0;
            }
            run++;
        }
        if (run > 0) {
            counts.merge(document, run, Integer::sum);
        }
        return counts;
    }

    /**
     * 联合国毒品和犯罪问题办公室(毒品和犯罪问题办公室) gives a short form, a part of the full form
     * that stands alone elsewhere; 国际刑事警察组织(国际刑警组织) an abbreviation. A short form's
     * frequency counts its occurrences outside the full form.
     */
    private void bracketed() {
        Map<String, Map<String, Map<Integer, Integer>>> pairs = new LinkedHashMap<>();
        for (int d = 0; d < documents.size(); d++) {
            String text = documents.get(d).matchText();
            for (int open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
                int close = open + 1;
                while (close < text.length() && close - open - 1 <= LONGEST_SHORT && Chars.isHan(text.charAt(close))) {
                    close++;
                }
                int runStart = open;
                while (runStart > 0 && open - runStart < LONGEST_FULL && Chars.isHan(text.charAt(runStart - 1))) {
                    runStart--;
                }
                int innerLength = close - open - 1;
                if (close >= text.length() || text.charAt(close) != ')' || innerLength < 2 || innerLength > LONGEST_SHORT
                        || open - runStart < 4) {
                    continue;
                }
                String before = text.substring(runStart, open);
                String inner = text.substring(open + 1, close);
                // The full form is the best-ranked candidate ending right before the bracket that
                // shares the short form's last character.
                String full = null;
                for (int start = 0; start + inner.length() < before.length(); start++) {
                    Candidate candidate = byTerm.get(before.substring(start));
                    if (candidate != null && sharesCharacters(candidate.term(), inner)
                            && (full == null || candidate.score() > byTerm.get(full).score())) {
                        full = candidate.term();
                    }
                }
                if (full != null) {
                    pairs.computeIfAbsent(full, k -> new LinkedHashMap<>())
                            .computeIfAbsent(inner, k -> new HashMap<>()).merge(d, 1, Integer::sum);
                }
            }
        }
        pairs.forEach((full, shorts) -> shorts.forEach((form, bracketUses) -> {
            Candidate standalone = byTerm.get(form);
            boolean part = full.contains(form);
            Variant.Relation relation = part ? Variant.Relation.SHORT_FORM : Variant.Relation.ABBREVIATION;
            if (standalone == null) {
                add(full, new Variant(form, relation, bracketUses.values().stream().mapToInt(i -> i).sum(),
                        bracketUses));
            } else if (part) {
                List<Occurrence> outside = outside(standalone, byTerm.get(full));
                add(full, new Variant(form, relation, outside.size(), byDocument(outside)));
            } else {
                add(full, variant(standalone, relation));
            }
        }));
    }

    /** The occurrences of {@code part} that do not lie inside an occurrence of {@code whole}. */
    private static List<Occurrence> outside(Candidate part, Candidate whole) {
        Set<Long> inside = new HashSet<>();
        Occurrences wholes = Occurrences.of(whole.occurrences());
        for (int k = 0; k < wholes.size(); k++) {
            for (int at = whole.term().indexOf(part.term()); at >= 0; at = whole.term().indexOf(part.term(), at + 1)) {
                inside.add(key(wholes.document(k), wholes.offset(k) + at));
            }
        }
        return part.occurrences().stream()
                .filter(o -> !inside.contains(key(o.document(), o.offset())))
                .toList();
    }

    /**
     * Forms of one length that differ in one or two adjacent characters after the opening (a
     * different opening is another modifier) and are used as alternatives: never in the same
     * sentence, mostly in different documents (each text keeps to its own wording), and alike in
     * the characters around them or in the differing morpheme. Each form joins its likest partner.
     */
    private void nearIdentical(List<Candidate> candidates) {
        // Two forms that differ in one or two adjacent characters share the key made by blanking
        // those two positions, so only such pairs ever meet (no comparison of every pair in a bucket).
        // A key is a hash of the blanked string beside the candidate's index, all in one sorted
        // array: equal hashes are neighbours, each group in list order. Two keys that share a
        // hash by accident only bring a pair the string test then turns away.
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(candidates.size()));
        long indexMask = (1L << indexBits) - 1;
        long[] keys = new long[16];
        int keyCount = 0;
        for (int c = 0; c < candidates.size(); c++) {
            String term = candidates.get(c).term();
            if (term.length() < 4 || term.indexOf('的') >= 0) {
                continue;
            }
            for (int at = 1; at + 2 <= term.length(); at++) {
                if (keyCount == keys.length) {
                    keys = Arrays.copyOf(keys, keyCount * 2);
                }
                keys[keyCount++] = blankedHash(term, at) << indexBits | c;
            }
        }
        Arrays.sort(keys, 0, keyCount);
        record Pair(Candidate main, Candidate other, double alike) {
        }
        List<Pair> pairs = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int groupStart = 0, groupEnd; groupStart < keyCount; groupStart = groupEnd) {
            groupEnd = groupStart + 1;
            while (groupEnd < keyCount && keys[groupEnd] >>> indexBits == keys[groupStart] >>> indexBits) {
                groupEnd++;
            }
            for (int i = groupStart; i < groupEnd; i++) {
                for (int j = i + 1; j < groupEnd; j++) {
                    int indexA = (int) (keys[i] & indexMask);
                    int indexB = (int) (keys[j] & indexMask);
                    Candidate a = candidates.get(indexA);
                    Candidate b = candidates.get(indexB);
                    if (!nearlyTheSameString(a.term(), b.term()) || !seen.add(key(indexA, indexB))) {
                        continue;
                    }
                    double alike = usedAlike(a, b);
                    if (alike >= ALIKE) {
                        Candidate main = a.frequency() >= b.frequency() ? a : b;
                        pairs.add(new Pair(main, main == a ? b : a, alike));
                    }
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::alike).reversed()
                .thenComparing(p -> p.main().term()).thenComparing(p -> p.other().term()));
        // A form is the variant of one term only, and a variant has no variants of its own.
        Set<String> asVariant = new HashSet<>();
        Set<String> asMain = new HashSet<>();
        for (Pair pair : pairs) {
            String main = pair.main().term();
            String other = pair.other().term();
            if (!asVariant.contains(other) && !asVariant.contains(main) && !asMain.contains(other)) {
                asVariant.add(other);
                asMain.add(main);
                add(main, variant(pair.other(), Variant.Relation.NEAR_IDENTICAL));
            }
        }
    }

    /** A hash of the term with positions {@code at} and {@code at + 1} blanked. */
    private static long blankedHash(String term, int at) {
        long hash = term.length();
        for (int i = 0; i < term.length(); i++) {
            char c = i == at || i == at + 1 ? 0 : term.charAt(i);
            hash = (hash + c) * 0x9E3779B97F4A7C15L;
        }
        return hash ^ hash >>> 29;
    }

    private static boolean nearlyTheSameString(String a, String b) {
        int differences = differences(a, b);
        return differences >= 1 && differences <= 2 && differences * 3 < a.length()
                && adjacentDifferences(a, b) && firstDifference(a, b) >= 2;
    }

    /**
     * How alike two forms are in use, or a negative number when they cannot be alternatives: the
     * cosine similarity of the characters just before and after them, plus a bonus when the
     * differing parts share a character.
     */
    private double usedAlike(Candidate a, Candidate b) {
        if (shareASentence(Occurrences.of(a.occurrences()), Occurrences.of(b.occurrences()))) {
            return -1;
        }
        if (documentOverlap(a, b) > DOCUMENT_OVERLAP) {
            return -1;
        }
        double alike = cosine(neighbours(a), neighbours(b));
        int first = firstDifference(a.term(), b.term());
        int last = lastDifference(a.term(), b.term());
        String partA = a.term().substring(first, last + 1);
        String partB = b.term().substring(first, last + 1);
        // The differing morpheme with a neighbouring character: 作战 / 战斗, 集团 / 团伙.
        String wideA = a.term().substring(Math.max(0, first - 1), Math.min(a.term().length(), last + 2));
        String wideB = b.term().substring(Math.max(0, first - 1), Math.min(b.term().length(), last + 2));
        if (sharesAny(partA, wideB) || sharesAny(partB, wideA)) {
            alike += SHARED_MORPHEME;
        }
        return alike;
    }

    /** Whether an occurrence of one lies in the same sentence as an occurrence of the other. */
    private static boolean shareASentence(Occurrences a, Occurrences b) {
        long[] sentencesOfA = new long[a.size()];
        for (int k = 0; k < sentencesOfA.length; k++) {
            sentencesOfA[k] = key(a.document(k), a.sentence(k));
        }
        Arrays.sort(sentencesOfA);
        for (int k = 0; k < b.size(); k++) {
            if (Arrays.binarySearch(sentencesOfA, key(b.document(k), b.sentence(k))) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The share of use two forms have in common over documents: Σ min(share in a, share in b). */
    private static double documentOverlap(Candidate a, Candidate b) {
        Map<Integer, Integer> inA = byDocument(a.occurrences());
        Map<Integer, Integer> inB = byDocument(b.occurrences());
        double overlap = 0;
        for (Map.Entry<Integer, Integer> entry : inA.entrySet()) {
            Integer other = inB.get(entry.getKey());
            if (other != null) {
                overlap += Math.min((double) entry.getValue() / a.frequency(), (double) other / b.frequency());
            }
        }
        return overlap;
    }

    /**
     * The characters right before and right after each occurrence, as sorted numbers (side and
     * character), so that equal neighbours are runs.
     */
    private int[] neighbours(Candidate candidate) {
        int length = candidate.term().length();
        Occurrences occurrences = Occurrences.of(candidate.occurrences());
        int[] neighbours = new int[2 * occurrences.size()];
        for (int k = 0; k < occurrences.size(); k++) {
            String text = documents.get(occurrences.document(k)).matchText();
            int start = occurrences.offset(k);
            int end = start + length;
            neighbours[2 * k] = start > 0 ? text.charAt(start - 1) : '^';
            neighbours[2 * k + 1] = 1 << 16 | (end < text.length() ? text.charAt(end) : '$');
        }
        Arrays.sort(neighbours);
        return neighbours;
    }

    /**
     * The cosine of two neighbour profiles (sorted, a neighbour repeated as often as it occurs).
     * The sums are of whole numbers, exact in any order.
     */
    private static double cosine(int[] a, int[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            int runA = 0;
            int runB = 0;
            int next = Math.min(i < a.length ? a[i] : Integer.MAX_VALUE, j < b.length ? b[j] : Integer.MAX_VALUE);
            while (i < a.length && a[i] == next) {
                runA++;
                i++;
            }
            while (j < b.length && b[j] == next) {
                runB++;
                j++;
            }
            normA += (double) runA * runA;
            normB += (double) runB * runB;
            dot += (double) runA * runB;
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    private void wordOrder(List<Candidate> candidates) {
        // A swap "BA" of "AB" starts with A's... B's first character and ends with A's last: look a
        // swap up only when some candidate has that opening and closing.
        Set<Integer> ends = new HashSet<>();
        for (Candidate candidate : candidates) {
            String term = candidate.term();
            ends.add(term.charAt(0) << 16 | term.charAt(term.length() - 1));
        }
        for (Candidate candidate : candidates) {
            String term = candidate.term();
            for (int cut = 2; cut <= term.length() - 2; cut++) {
                if (!ends.contains(term.charAt(cut) << 16 | term.charAt(cut - 1))) {
                    continue;
                }
                String swapped = term.substring(cut) + term.substring(0, cut);
                Candidate other = byTerm.get(swapped);
                if (other != null && !swapped.equals(term) && candidate.frequency() >= other.frequency()) {
                    add(term, variant(other, Variant.Relation.WORD_ORDER));
                }
            }
        }
    }

    private static Variant variant(Candidate form, Variant.Relation relation) {
        return new Variant(form.term(), relation, form.frequency(), byDocument(form.occurrences()));
    }

    private void add(String term, Variant variant) {
        List<Variant> list = variants.computeIfAbsent(term, k -> new ArrayList<>());
        if (list.stream().noneMatch(v -> v.form().equals(variant.form()))) {
            list.add(variant);
        }
    }

    private static long key(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    private static boolean sharesAny(String a, String b) {
        for (int i = 0; i < a.length(); i++) {
            if (b.indexOf(a.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
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

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int lastDifference(String a, String b) {
        int i = a.length() - 1;
        while (i >= 0 && a.charAt(i) == b.charAt(i)) {
            i--;
        }
        return i;
    }

    /** Two differing characters must sit side by side: one word swapped, not two letters scattered. */
    private static boolean adjacentDifferences(String a, String b) {
        return lastDifference(a, b) - firstDifference(a, b) <= 1;
    }
}
