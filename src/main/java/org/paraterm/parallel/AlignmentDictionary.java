package org.paraterm.parallel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.Term;

/**
 * Chinese terms with their English renderings (approved glossary pairs) for the aligner: a Chinese
 * sentence and an English sentence that hold a term and one of its renderings are likely
 * translations of each other. Immutable and thread-safe.
 *
 * <p>Chinese terms under two characters and renderings under three letters are left out: they
 * match nearly everywhere. English matching ignores case, stops at word boundaries, and lets a
 * rendering take a plural ending ({@code fighter} finds {@code fighters}).
 */
public final class AlignmentDictionary {

    private static final AlignmentDictionary EMPTY = new AlignmentDictionary(List.of(), List.of());

    /** Entry i: its Chinese term and its renderings, lower-cased. */
    private final List<String> chinese;
    private final List<List<String>> english;
    /** Terms by their first character, and renderings by their first word, for scanning a sentence once. */
    private final Map<Character, List<Integer>> byFirstCharacter = new HashMap<>();
    private final Map<String, List<int[]>> byFirstWord = new HashMap<>();

    private AlignmentDictionary(List<String> chinese, List<List<String>> english) {
        this.chinese = chinese;
        this.english = english;
        for (int entry = 0; entry < chinese.size(); entry++) {
            byFirstCharacter.computeIfAbsent(chinese.get(entry).charAt(0), c -> new ArrayList<>()).add(entry);
            List<String> renderings = english.get(entry);
            for (int r = 0; r < renderings.size(); r++) {
                byFirstWord.computeIfAbsent(firstWord(renderings.get(r)), w -> new ArrayList<>())
                        .add(new int[] {entry, r});
            }
        }
    }

    public static AlignmentDictionary empty() {
        return EMPTY;
    }

    /** A dictionary of {@code zhToEn}: each Chinese term with its English renderings. */
    public static AlignmentDictionary of(Map<String, List<String>> zhToEn) {
        Map<String, List<String>> merged = new java.util.TreeMap<>();
        zhToEn.forEach((zh, renderings) -> {
            String term = zh == null ? "" : zh.strip();
            if (term.codePointCount(0, term.length()) < 2 || renderings == null) {
                return;
            }
            for (String rendering : renderings) {
                String en = rendering == null ? "" : rendering.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                if (en.chars().filter(Character::isLetter).count() >= 3) {
                    List<String> list = merged.computeIfAbsent(term, t -> new ArrayList<>());
                    if (!list.contains(en)) {
                        list.add(en);
                    }
                }
            }
        });
        if (merged.isEmpty()) {
            return EMPTY;
        }
        List<String> chinese = new ArrayList<>(merged.keySet());
        List<List<String>> english = chinese.stream().map(term -> List.copyOf(merged.get(term))).toList();
        return new AlignmentDictionary(List.copyOf(chinese), english);
    }

    /**
     * The term pairs of glossary entries: every Chinese term of an entry (preferred, admitted or
     * deprecated forms alike, since any of them may be what a document says) with every English
     * term of the same entry.
     */
    public static AlignmentDictionary fromEntries(Collection<Entry> entries) {
        Map<String, List<String>> pairs = new HashMap<>();
        for (Entry entry : entries) {
            List<String> english = entry.terms("en").stream().map(Term::text).toList();
            if (english.isEmpty()) {
                continue;
            }
            for (Term chinese : entry.terms("zh")) {
                pairs.computeIfAbsent(chinese.text(), t -> new ArrayList<>()).addAll(english);
            }
        }
        return of(pairs);
    }

    /** How many Chinese terms the dictionary has. */
    public int size() {
        return chinese.size();
    }

    /** The entries whose Chinese term occurs in {@code sentence}. */
    BitSet chineseEntries(String sentence) {
        BitSet found = new BitSet();
        for (int i = 0; i < sentence.length(); i++) {
            List<Integer> entries = byFirstCharacter.get(sentence.charAt(i));
            if (entries == null) {
                continue;
            }
            for (int entry : entries) {
                if (sentence.startsWith(chinese.get(entry), i)) {
                    found.set(entry);
                }
            }
        }
        return found;
    }

    /** The entries one of whose renderings occurs in {@code sentence}. */
    BitSet englishEntries(String sentence) {
        BitSet found = new BitSet();
        if (byFirstWord.isEmpty()) {
            return found;
        }
        String text = sentence.toLowerCase(Locale.ROOT);
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isLetterOrDigit(text.charAt(i)) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
                continue;
            }
            int end = i;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            List<int[]> candidates = byFirstWord.get(text.substring(i, end));
            if (candidates == null && end - i > 3 && text.charAt(end - 1) == 's') {
                candidates = byFirstWord.get(text.substring(i, end - 1));
            }
            if (candidates == null) {
                continue;
            }
            for (int[] candidate : candidates) {
                String rendering = english.get(candidate[0]).get(candidate[1]);
                if (text.startsWith(rendering, i) && endsWord(text, i + rendering.length())) {
                    found.set(candidate[0]);
                }
            }
        }
        return found;
    }

    /** A word ends at {@code end}, perhaps after a plural ending. */
    private static boolean endsWord(String text, int end) {
        for (String ending : new String[] {"", "s", "es"}) {
            int at = end + ending.length();
            if (text.startsWith(ending, end) && (at >= text.length() || !Character.isLetterOrDigit(text.charAt(at)))) {
                return true;
            }
        }
        return false;
    }

    private static String firstWord(String rendering) {
        int end = 0;
        while (end < rendering.length() && Character.isLetterOrDigit(rendering.charAt(end))) {
            end++;
        }
        return rendering.substring(0, end);
    }
}
