package org.paraterm.parallel;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paraterm.corpus.UnSymbols;

/**
 * The anchors of one sentence: what a translation keeps whatever the language, written so that
 * the Chinese and the English sentence give the same strings.
 *
 * <ul>
 *   <li>{@code #2015}, {@code #3.5}, {@code #1500000}: numbers, with thousands separators removed
 *       and the multipliers 万, 亿, million and billion applied ({@code 150万} and
 *       {@code 1.5 million} are both {@code #1500000}); dates give their parts, an English month
 *       name next to a number its number ({@code 5 March 2015} and {@code 2015年3月5日} both give
 *       {@code #5 #3 #2015}); Chinese numerals ({@code 六十九}) and English number words
 *       ({@code sixty-ninth}) from 11 up, since smaller ones are too often written differently;</li>
 *   <li>{@code /A/69/767}: UN document symbols in their canonical form;</li>
 *   <li>{@code (a)}: a letter or roman paragraph label opening the sentence;</li>
 *   <li>{@code @UNODC}: Latin acronyms (two or more capitals).</li>
 * </ul>
 *
 * <p>Each kind counts differently when two sides are compared, see {@link #kind(String)}.
 */
final class Anchors {

    enum Kind { NUMBER, SYMBOL, LABEL, ACRONYM, TERM }

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\d.])(\\d{1,3}(?:[,\u00A0\u2009\u202F]\\d{3})+|\\d+)(\\.\\d+)?"
                    + "(\\s*(?:万|亿|百万|千万|million|billion)(?![a-z]))?");
    private static final Pattern MONTH = Pattern.compile(
            "(?<=\\d\\s)(January|February|March|April|May|June|July|August|September|October|November|December)\\b"
                    + "|\\b(January|February|March|April|May|June|July|August|September|October|November|December)(?=\\s\\d)");
    private static final Pattern LABEL = Pattern.compile("^\\s*[(（]([a-z]{1,2}|[ivx]{1,6})[)）]");
    private static final Pattern ACRONYM = Pattern.compile("(?<![A-Za-z])[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?![A-Za-z])");
    private static final Pattern CHINESE_NUMERAL = Pattern.compile("[零〇一二两三四五六七八九十百千]{2,}");
    private static final Pattern ENGLISH_NUMBER = Pattern.compile(
            "\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(one|two|three|four|five|six|seven"
                    + "|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))?\\b"
                    + "|\\b(twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth"
                    + "|eleven(?:th)?|twelve|twelfth|thirteen(?:th)?|fourteen(?:th)?|fifteen(?:th)?|sixteen(?:th)?"
                    + "|seventeen(?:th)?|eighteen(?:th)?|nineteen(?:th)?)\\b");

    private static final Map<String, Integer> WORD_VALUES = Map.ofEntries(
            Map.entry("one", 1), Map.entry("first", 1), Map.entry("two", 2), Map.entry("second", 2),
            Map.entry("three", 3), Map.entry("third", 3), Map.entry("four", 4), Map.entry("fourth", 4),
            Map.entry("five", 5), Map.entry("fifth", 5), Map.entry("six", 6), Map.entry("sixth", 6),
            Map.entry("seven", 7), Map.entry("seventh", 7), Map.entry("eight", 8), Map.entry("eighth", 8),
            Map.entry("nine", 9), Map.entry("ninth", 9), Map.entry("eleven", 11), Map.entry("eleventh", 11),
            Map.entry("twelve", 12), Map.entry("twelfth", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("twentieth", 20),
            Map.entry("thirty", 30), Map.entry("thirtieth", 30), Map.entry("forty", 40), Map.entry("fortieth", 40),
            Map.entry("fifty", 50), Map.entry("fiftieth", 50), Map.entry("sixty", 60), Map.entry("sixtieth", 60),
            Map.entry("seventy", 70), Map.entry("seventieth", 70), Map.entry("eighty", 80),
            Map.entry("eightieth", 80), Map.entry("ninety", 90), Map.entry("ninetieth", 90));

    private Anchors() {
    }

    static Kind kind(String anchor) {
        return switch (anchor.charAt(0)) {
            case '#' -> Kind.NUMBER;
            case '/' -> Kind.SYMBOL;
            case '(' -> Kind.LABEL;
            case '@' -> Kind.ACRONYM;
            default -> Kind.TERM;
        };
    }

    /** The distinct anchors of one sentence, Chinese or English, in first-seen order. */
    static Set<String> of(String sentence) {
        String text = halfWidth(sentence);
        Set<String> anchors = new LinkedHashSet<>();
        Matcher label = LABEL.matcher(text);
        if (label.find()) {
            anchors.add("(" + label.group(1) + ")");
        }
        for (UnSymbols.Found symbol : UnSymbols.find(text)) {
            anchors.add("/" + symbol.symbol());
        }
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            anchors.add("#" + number(number.group(1), number.group(2), number.group(3)));
        }
        // The patterns below try many words at every position: they run only where they can match.
        Matcher month = MONTH.matcher(number.reset().find() ? text : "");
        while (month.find()) {
            String name = month.group(1) != null ? month.group(1) : month.group(2);
            anchors.add("#" + (java.time.Month.valueOf(name.toUpperCase(Locale.ROOT)).getValue()));
        }
        Matcher chinese = CHINESE_NUMERAL.matcher(text);
        while (chinese.find()) {
            int value = chineseNumeral(chinese.group());
            if (value > 10) {
                anchors.add("#" + value);
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean numberWords = lower.contains("ty") || lower.contains("teen") || lower.contains("eleven")
                || lower.contains("twel");
        Matcher english = ENGLISH_NUMBER.matcher(numberWords ? lower : "");
        while (english.find()) {
            anchors.add("#" + englishNumber(english.group()));
        }
        Matcher acronym = ACRONYM.matcher(text);
        while (acronym.find()) {
            anchors.add("@" + acronym.group());
        }
        return anchors;
    }

    private static String number(String digits, String fraction, String multiplier) {
        BigDecimal value = new BigDecimal(digits.replaceAll("[^0-9]", "") + (fraction == null ? "" : fraction));
        if (multiplier != null) {
            String word = multiplier.strip();
            long factor = switch (word) {
                case "万" -> 10_000L;
                case "亿" -> 100_000_000L;
                case "百万", "million" -> 1_000_000L;
                case "千万" -> 10_000_000L;
                default -> 1_000_000_000L;
            };
            value = value.multiply(BigDecimal.valueOf(factor));
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** 六十九 → 69, 二〇一五 → 2015 (digit by digit), 三百零五 → 305; 0 when not a number. */
    static int chineseNumeral(String numeral) {
        String digits = "零一二三四五六七八九";
        if (numeral.indexOf('十') < 0 && numeral.indexOf('百') < 0 && numeral.indexOf('千') < 0) {
            int value = 0;
            for (char c : numeral.toCharArray()) {
                int digit = c == '〇' ? 0 : c == '两' ? 2 : digits.indexOf(c);
                value = value * 10 + digit;
            }
            return numeral.length() == 4 ? value : 0; // only years are written digit by digit
        }
        int total = 0;
        int current = 0;
        for (char c : numeral.toCharArray()) {
            int digit = c == '〇' ? 0 : c == '两' ? 2 : digits.indexOf(c);
            if (digit >= 0) {
                current = digit;
            } else {
                int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                total += (current == 0 && unit == 10 ? 1 : current) * unit;
                current = 0;
            }
        }
        return total + current;
    }

    private static int englishNumber(String words) {
        int value = 0;
        for (String word : words.toLowerCase(Locale.ROOT).split("-")) {
            value += WORD_VALUES.getOrDefault(word, 0);
        }
        return value;
    }

    /** Full-width digits, letters and brackets as ASCII, so both languages read alike. */
    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '\uFF01' && c <= '\uFF5E' && c != '\uFF0C' ? (char) (c - 0xFEE0) : c);
        }
        return out.toString();
    }
}
