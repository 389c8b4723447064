package org.paraterm.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paraterm.english.EnglishAnalyzer;
import org.paraterm.english.EnglishToken;

/**
 * English term candidates of a text: noun phrases found by part-of-speech patterns, every nested
 * phrase included, grouped by the folded key of their words.
 *
 * <p>The patterns, over Universal Dependencies tags:
 * <ul>
 * <li>a base phrase is modifiers ({@code ADJ}, {@code NOUN}, {@code PROPN}, participles such as
 *     {@code organized}) ending in a head ({@code NOUN}, {@code PROPN}, or a gerund:
 *     {@code smuggling}, {@code trafficking});</li>
 * <li>base phrases link through {@code of}, {@code on}, {@code for}, {@code against}, {@code in}
 *     ({@code smuggling of migrants}, {@code trafficking in persons}), and inside a name through
 *     {@code of the} and {@code and} between capitalised words ({@code United Nations Office on
 *     Drugs and Crime});</li>
 * <li>a capitalised word inside a sentence belongs to a name whatever its tag
 *     ({@code Convention against Transnational Organized Crime});</li>
 * <li>hyphenated words are one word and a possessive ending is dropped ({@code Secretary-General's}
 *     → {@code Secretary-General}), since the tokeniser splits both, except inside a name
 *     ({@code United Nations Children's Fund});</li>
 * <li>an acronym in brackets after a phrase, {@code (UNODC)}, is linked to the part of the phrase
 *     that starts with its first letter.</li>
 * </ul>
 * Every sub-phrase that starts on a modifier or head and ends on a head is a candidate too
 * ({@code foreign terrorist fighters}, {@code terrorist fighters}, {@code fighters}): choosing
 * among nested candidates is the job of the association measure, not of the pattern.
 */
public final class EnglishTerms {

    /** Longest candidate, in words ({@code Office of the United Nations High Commissioner for Refugees}). */
    static final int MAX_WORDS = 10;

    private static final Set<String> LINKS = Set.of("of", "on", "for", "against", "in");
    private static final Set<String> CONTENT_TAGS = Set.of("NOUN", "PROPN", "ADJ");
    private static final Set<String> NEVER_NAME_TAGS = Set.of("DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX",
            "PART", "NUM", "PUNCT", "INTJ");
    private static final Pattern ACRONYM_AFTER = Pattern.compile("\\A\\s*\\(\\s*([A-Z][A-Za-z]*[A-Z])s?\\s*\\)");

    /**
     * One occurrence of a candidate.
     *
     * @param key   the folded words ({@code foreign terrorist fighter}), shared by all forms of the term
     * @param text  its display form: the words as written, a sentence-initial common word in lower case
     * @param start first character, half-open {@code [start, end)} in the analysed text
     * @param end   end of the last word, without a possessive ending
     * @param words how many words it has
     */
    public record Candidate(String key, String text, int start, int end, int words) {
        public Candidate {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("not a span: [" + start + ", " + end + ")");
            }
        }
    }

    /** All occurrences of one key, and the form written most often (the first of equals). */
    public record Group(String key, String display, List<Candidate> occurrences) {
        public Group {
            occurrences = List.copyOf(occurrences);
        }
    }

    /** An acronym in brackets, {@code (UNODC)}, after the phrase it abbreviates. */
    public record Acronym(String acronym, int start, int end, Candidate expansion) {
    }

    private final List<Candidate> candidates;
    private final List<Acronym> acronyms;

    private EnglishTerms(List<Candidate> candidates, List<Acronym> acronyms) {
        this.candidates = List.copyOf(candidates);
        this.acronyms = List.copyOf(acronyms);
    }

    /** The candidates of {@code text}, tagged by the shared {@link EnglishAnalyzer}. */
    public static EnglishTerms of(String text) {
        return of(text, EnglishAnalyzer.shared().taggedTokens(text));
    }

    /** The candidates of {@code text} given its tagged tokens (offsets into {@code text}). */
    public static EnglishTerms of(String text, List<EnglishToken> tokens) {
        List<Word> words = words(text, tokens);
        List<Candidate> candidates = new ArrayList<>();
        List<Acronym> acronyms = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int[] chunk = chunk(text, words, i);
            if (chunk == null) {
                i++;
                continue;
            }
            addSubPhrases(text, words, chunk[0], chunk[1], candidates);
            Acronym acronym = acronymAfter(text, words, chunk[0], chunk[1]);
            if (acronym != null) {
                acronyms.add(acronym);
            }
            i = chunk[2];
        }
        return new EnglishTerms(candidates, acronyms);
    }

    /** Every candidate occurrence, maximal and nested, in text order of their first word. */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** The candidates grouped by key, in order of first occurrence. */
    public List<Group> groups() {
        Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            byKey.computeIfAbsent(candidate.key(), key -> new ArrayList<>()).add(candidate);
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, occurrences) -> groups.add(new Group(key, mostFrequentText(occurrences), occurrences)));
        return groups;
    }

    /** The bracketed acronyms and their expansions. */
    public List<Acronym> acronyms() {
        return acronyms;
    }

    static String mostFrequentText(List<Candidate> occurrences) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Candidate candidate : occurrences) {
            counts.merge(candidate.text(), 1, Integer::sum);
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }

    /** A counting word with the tag of the token that carries its meaning. */
    private record Word(String text, String key, int start, int end, String pos, boolean sentenceStart) {

        boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0));
        }

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        boolean link() {
            return LINKS.contains(text);
        }

        boolean gerund() {
            return pos.equals("VERB") && text.endsWith("ing") && text.length() > 5;
        }

        boolean participle() {
            return pos.equals("VERB") && (text.endsWith("ed") || text.endsWith("ing"));
        }

        /** Part of a name: capitalised inside a sentence, and not a word that only links. */
        boolean name() {
            return capitalised() && !sentenceStart && !NEVER_NAME_TAGS.contains(pos);
        }

        boolean content() {
            return CONTENT_TAGS.contains(pos) || participle() || name();
        }

        boolean head() {
            return pos.equals("NOUN") || pos.equals("PROPN") || gerund() || name();
        }

        boolean possessive() {
            return text.endsWith("'s") || text.endsWith("’s");
        }

        /** The possessive ending is not part of the term. */
        int termEnd() {
            return possessive() ? end - 2 : end;
        }
    }

    private static List<Word> words(String text, List<EnglishToken> tokens) {
        List<Word> words = new ArrayList<>();
        int t = 0;
        int previousEnd = 0;
        for (EnglishWords.Word word : EnglishWords.of(text)) {
            while (t < tokens.size() && tokens.get(t).end() <= word.start()) {
                t++;
            }
            String pos = "X";
            for (int k = t; k < tokens.size() && tokens.get(k).start() < word.end(); k++) {
                String tag = tokens.get(k).pos();
                if (!tag.equals("PUNCT") && !tag.equals("PART") || pos.equals("X")) {
                    pos = tag;
                }
            }
            String gap = text.substring(previousEnd, word.start());
            boolean sentenceStart = words.isEmpty() || gap.chars().anyMatch(c -> ".:;!?•".indexOf(c) >= 0);
            words.add(new Word(text.substring(word.start(), word.end()), word.key(), word.start(), word.end(), pos,
                    sentenceStart));
            previousEnd = word.end();
        }
        return words;
    }

    private static boolean joined(String text, List<Word> words, int k) {
        return text.substring(words.get(k - 1).end(), words.get(k).start()).isBlank();
    }

    /**
     * The longest phrase that starts at word {@code i}: {@code {first, lastHead, next}} where
     * {@code next} is the word after everything the chunk consumed; null when no phrase starts there.
     */
    private static int[] chunk(String text, List<Word> words, int i) {
        Word first = words.get(i);
        if (!first.content() || first.link() || first.sentenceStart() && first.pos().equals("VERB")) {
            return null;
        }
        int lastHead = first.head() ? i : -1;
        int k = i + 1;
        while (k < words.size() && joined(text, words, k) && (!words.get(k - 1).possessive()
                || words.get(k - 1).name() && words.get(k).name())) {
            Word word = words.get(k);
            if (word.content() && !word.link()) {
                if (word.head()) {
                    lastHead = k;
                }
                k++;
            } else if (word.lower().equals("and") && k + 1 < words.size() && joined(text, words, k + 1)
                    && words.get(k - 1).name() && words.get(k + 1).name()) {
                k++;
            } else if (word.link() && lastHead == k - 1 && k + 1 < words.size() && joined(text, words, k + 1)) {
                int next = k + 1;
                if (words.get(next).lower().equals("the") && next + 1 < words.size()
                        && joined(text, words, next + 1) && words.get(next + 1).name()) {
                    next++;
                }
                if (!words.get(next).content() || words.get(next).link()) {
                    break;
                }
                k = next;
            } else {
                break;
            }
        }
        if (lastHead < i) {
            return null;
        }
        return new int[] {i, lastHead, Math.max(k, i + 1)};
    }

    private static void addSubPhrases(String text, List<Word> words, int from, int to, List<Candidate> out) {
        for (int s = from; s <= to; s++) {
            Word first = words.get(s);
            if (!first.content() || first.link() || first.lower().equals("the") || first.lower().equals("and")) {
                continue;
            }
            for (int e = s; e <= to && e - s < MAX_WORDS; e++) {
                if (words.get(e).head()) {
                    out.add(candidate(text, words, s, e));
                }
            }
        }
    }

    private static Candidate candidate(String text, List<Word> words, int s, int e) {
        int start = words.get(s).start();
        int end = words.get(e).termEnd();
        String written = text.substring(start, end).replaceAll("\\s+", " ");
        Word first = words.get(s);
        if (first.sentenceStart() && !first.pos().equals("PROPN") && first.text().length() > 1
                && !Character.isUpperCase(first.text().charAt(1))) {
            written = Character.toLowerCase(written.charAt(0)) + written.substring(1);
        }
        StringBuilder key = new StringBuilder();
        for (int k = s; k <= e; k++) {
            if (k > s) {
                key.append(' ');
            }
            key.append(words.get(k).key());
        }
        return new Candidate(key.toString(), written, start, end, e - s + 1);
    }

    private static Acronym acronymAfter(String text, List<Word> words, int from, int to) {
        Matcher matcher = ACRONYM_AFTER.matcher(text.substring(words.get(to).end()));
        if (!matcher.find()) {
            return null;
        }
        String acronym = matcher.group(1);
        int start = words.get(to).end() + matcher.start(1);
        int expansionStart = from;
        for (int s = from; s <= to; s++) {
            Word word = words.get(s);
            if (word.content() && Character.toUpperCase(word.text().charAt(0)) == acronym.charAt(0)) {
                expansionStart = s;
                break;
            }
        }
        return new Acronym(acronym, start, start + acronym.length(), candidate(text, words, expansionStart, to));
    }
}
