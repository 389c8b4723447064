package org.paraterm.mining;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paraterm.corpus.Chars;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.Sentence;

/**
 * Whole titles in 《…》 as candidates, counted with and without their marks. Titles of up to
 * {@link MiningSettings#MAX_LENGTH} Han characters are already counted as repeats (the marks cut
 * segments); this adds the longer ones and those with a digit, a middle dot or an enumeration comma
 * inside: 《2030年可持续发展议程》, 《纳尔逊·曼德拉规则》, the protocols to the Palermo Convention.
 * A title with a full comma is a citation of a record ("正式记录，2008年，补编…"), not a name.
 */
final class TitleCandidates {

    private static final Pattern TITLE = Pattern.compile("《([^《》\\n]{2,200})》");
    /** How many opening characters index the titles; every new title candidate has at least three. */
    private static final int KEY = 3;
    /** A title is a fixed name: its parts always hold together. */
    private static final double TITLE_COHESION = 12;

    private TitleCandidates() {
    }

    static List<Candidate> add(List<Candidate> candidates, List<CleanDocument> documents, MiningSettings settings) {
        Set<String> known = new HashSet<>();
        candidates.forEach(c -> known.add(c.term()));
        Map<String, Integer> marked = new LinkedHashMap<>();
        for (CleanDocument document : documents) {
            Matcher matcher = TITLE.matcher(document.matchText());
            while (matcher.find()) {
                String title = matcher.group(1);
                if (isNewTitleCandidate(title, known)) {
                    marked.merge(title, 1, Integer::sum);
                }
            }
        }
        List<Candidate> result = new ArrayList<>(candidates);
        Map<String, List<Occurrence>> found = occurrences(marked.keySet(), documents);
        for (String title : marked.keySet()) {
            List<Occurrence> occurrences = found.get(title);
            if (occurrences.size() >= settings.minFreq()) {
                result.add(candidate(title, occurrences, documents, settings));
            }
        }
        result.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::term));
        return result;
    }

    private static boolean isNewTitleCandidate(String title, Set<String> known) {
        if (known.contains(title) || title.indexOf('，') >= 0 || title.indexOf(',') >= 0) {
            return false;
        }
        int han = 0;
        boolean onlyHan = true;
        for (int i = 0; i < title.length(); i++) {
            if (Chars.isHan(title.charAt(i))) {
                han++;
            } else {
                onlyHan = false;
            }
        }
        return han >= 2 && (!onlyHan || title.length() > MiningSettings.MAX_LENGTH);
    }

    /**
     * Every occurrence of each title in running text, inside its marks or not, in one pass over
     * each document: titles are looked up by their first {@value #KEY} characters packed into one
     * number, so the cost grows with the text, not with the number of titles times the text.
     */
    private static Map<String, List<Occurrence>> occurrences(Set<String> titles, List<CleanDocument> documents) {
        Map<Long, List<String>> byOpening = new HashMap<>();
        Map<String, List<Occurrence>> found = new HashMap<>();
        for (String title : titles) {
            byOpening.computeIfAbsent(packed(title, 0), k -> new ArrayList<>()).add(title);
            found.put(title, new ArrayList<>());
        }
        if (titles.isEmpty()) {
            return found;
        }
        for (int d = 0; d < documents.size(); d++) {
            CleanDocument document = documents.get(d);
            List<Sentence> sentences = document.sentences();
            String text = document.matchText();
            for (int at = 0; at + KEY <= text.length(); at++) {
                List<String> opening = byOpening.get(packed(text, at));
                if (opening == null) {
                    continue;
                }
                for (String title : opening) {
                    if (text.startsWith(title, at)) {
                        Sentence sentence = sentenceAt(sentences, at);
                        if (sentence != null && at + title.length() <= sentence.span().end()) {
                            found.get(title).add(new Occurrence(d, sentence.index(), at));
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Three characters from {@code at}, as one number, mixed (a one-to-one multiplication) so that
     * its hash spreads: the bare packing gave Chinese openings many equal hashes.
     */
    private static long packed(String text, int at) {
        return (((long) text.charAt(at) << 32) | ((long) text.charAt(at + 1) << 16) | text.charAt(at + 2))
                * 0x9E3779B97F4A7C15L;
    }

    private static Sentence sentenceAt(List<Sentence> sentences, int offset) {
        int low = 0;
        int high = sentences.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Sentence sentence = sentences.get(middle);
            if (offset < sentence.span().start()) {
                high = middle - 1;
            } else if (offset >= sentence.span().end()) {
                low = middle + 1;
            } else {
                return sentence;
            }
        }
        return null;
    }

    private static Candidate candidate(String title, List<Occurrence> occurrences, List<CleanDocument> documents,
                                       MiningSettings settings) {
        Map<Character, Integer> left = new HashMap<>();
        Map<Character, Integer> right = new HashMap<>();
        Set<Integer> documentsUsing = new HashSet<>();
        for (Occurrence occurrence : occurrences) {
            String text = documents.get(occurrence.document()).matchText();
            int start = occurrence.offset();
            int end = start + title.length();
            // Outside the marks when there are marks.
            boolean inMarks = start > 0 && text.charAt(start - 1) == '《' && end < text.length() && text.charAt(end) == '》';
            int before = inMarks ? start - 2 : start - 1;
            int after = inMarks ? end + 1 : end;
            left.merge(before >= 0 ? text.charAt(before) : '^', 1, Integer::sum);
            right.merge(after < text.length() ? text.charAt(after) : '$', 1, Integer::sum);
            documentsUsing.add(occurrence.document());
        }
        double leftEntropy = entropy(left, occurrences.size());
        double rightEntropy = entropy(right, occurrences.size());
        // A title's marks are a boundary of their own: at least one bit, however few its uses.
        double boundary = Math.max(1.0, Math.min(leftEntropy, rightEntropy));
        double score = Termhood.score(settings, title, occurrences.size(), documentsUsing.size(), boundary,
                TITLE_COHESION);
        return new Candidate(title, occurrences.size(), documentsUsing.size(), score, leftEntropy, rightEntropy,
                TITLE_COHESION, occurrences);
    }

    private static double entropy(Map<Character, Integer> neighbours, int total) {
        double h = 0;
        for (int count : neighbours.values()) {
            double p = (double) count / total;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}
