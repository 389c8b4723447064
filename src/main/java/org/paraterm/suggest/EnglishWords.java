package org.paraterm.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of English text as counting sees them, and their folded keys. A word is a maximal run
 * of letters and digits, inner hyphens and apostrophes included ({@code Secretary-General's} is one
 * word); its key is lower case without a possessive ending and with a plural folded to the singular
 * ({@code fighters}, {@code fighter} → {@code fighter}; {@code parties} → {@code party}).
 *
 * <p>Why rules and not the OpenNLP lemmatiser: every English side of the corpus is cut into words
 * to count candidates, and the lemmatiser decodes about 100 words a millisecond here, too slow for
 * 100,000 units; the key only has to group the forms of one term, and the same rules cut both the
 * candidates and the corpus, so they always agree.
 */
final class EnglishWords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

    /** A footnote number glued to a word, {@code Crime1}: the word is what comes before it. */
    private static final Pattern FOOTNOTE_MARK = Pattern.compile("(.*\\p{Ll}\\p{Ll})\\d{1,2}");

    private static final Map<String, String> IRREGULAR = Map.of(
            "women", "woman", "men", "man", "children", "child", "criteria", "criterion",
            "phenomena", "phenomenon", "indices", "index", "feet", "foot");

    /** One word: its folded key and its half-open character range {@code [start, end)} in the text. */
    record Word(String key, int start, int end) {
    }

    private EnglishWords() {
    }

    static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            Matcher footnote = FOOTNOTE_MARK.matcher(matcher.group());
            int end = footnote.matches() ? matcher.start() + footnote.end(1) : matcher.end();
            words.add(new Word(fold(text.substring(matcher.start(), end)), matcher.start(), end));
        }
        return words;
    }

    /** The key of a phrase: its words' keys joined by single spaces. */
    static String key(String phrase) {
        StringBuilder key = new StringBuilder();
        for (Word word : of(phrase)) {
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(word.key());
        }
        return key.toString();
    }

    /** Lower case, possessive {@code 's} removed, plural folded by the regular English endings. */
    static String fold(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("'s") || w.endsWith("’s")) {
            w = w.substring(0, w.length() - 2);
        }
        int hyphen = w.lastIndexOf('-');
        String head = w.substring(hyphen + 1);
        return w.substring(0, hyphen + 1) + singular(head);
    }

    private static String singular(String w) {
        String irregular = IRREGULAR.get(w);
        if (irregular != null) {
            return irregular;
        }
        int n = w.length();
        if (n <= 3 || !w.endsWith("s") || !Character.isLetter(w.charAt(n - 2))) {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("ics")) {
            return w;
        }
        return w.substring(0, n - 1);
    }
}
