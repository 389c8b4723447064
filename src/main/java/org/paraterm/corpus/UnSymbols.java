package org.paraterm.corpus;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UN document symbols ("A/RES/75/10", "S/RES/2482(2019)", "E/CN.15/2019/5"): finding them in
 * text, putting them in one canonical form, and linking them to undocs.org.
 */
public final class UnSymbols {

    /**
     * Series that open a symbol. A closed list keeps ordinary slashes ("和/或", "24/7") out; the
     * names come from the UN's own guide to document symbols (research.un.org/en/docs/symbols).
     */
    private static final String SERIES =
            "A|S|E|ST|CTOC|CAC|CAT|CCPR|CEDAW|CERD|CMW|CRC|CRPD|DP|FCCC|ICCD|TD|UNEP|UNW|HRC"
                    + "|CND|CCPCJ|UNODC|UNCTAD|ECE|ECA|ECLAC|ESCAP|ESCWA|JIU|UNITAR";

    // A part between slashes is one of two kinds. A number ("72", "2019", "7-8"), optionally followed
    // by a year in brackets of either width ("2482(2019)", "2133 (2014)"); a number ends where a
    // letter follows, so "196https://…" is the number 196 with a web address glued to it. Or a word
    // with numbered or lettered pieces joined by dots and hyphens ("RES", "C.3", "L.18", "Corr.2",
    // "PV.117-120", "S-30", "CONF.192", "CHN-HKG"), where a piece starts only after a dot or a
    // hyphen, so "L.20https" is "L.20" and a glued address again.
    private static final String NUMBER_PART = "\\d+(?:-\\d+)*(?:\\s?[(（]\\d{4}[)）])?";
    private static final String WORD_PART = "[A-Za-z]+(?:[.\\-](?:\\d+|[A-Za-z]+))*";
    private static final String PART = "(?:" + NUMBER_PART + "|" + WORD_PART + ")";

    private static final Pattern SYMBOL = Pattern.compile(
            "(?<![A-Za-z0-9/.\\-])(?:" + SERIES + ")(?:/" + PART + ")+");

    /**
     * No real symbol comes near this length (the longest, such as "A/HRC/WG.6/33/L.10/Add.1/Corr.1",
     * have about 30 characters); a longer match is a run of numbers and slashes, not a symbol, and
     * must not reach a VARCHAR(200) column.
     */
    static final int MAX_LENGTH = 100;

    private static final Pattern UNDOCS_LINK = Pattern.compile(
            "https?://undocs\\.org/(?:(?:ch|zh|en|fr|es|ru|ar)/)?([^\\s?#]+)(?:[?#]\\S*)?", Pattern.CASE_INSENSITIVE);

    private UnSymbols() {
    }

    /** A symbol found in a text: its canonical form and where it was written. */
    public record Found(String symbol, Span span) {
    }

    /** Every symbol written in {@code text}, in order, with their positions. */
    public static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher matcher = SYMBOL.matcher(text).useTransparentBounds(true);
        // Every symbol has a slash right after its series, so the pattern is only tried where an
        // upper-case word meets a slash: trying it at every character costs most of the reader's time.
        int from = 0;
        for (int slash = text.indexOf('/'); slash > 0; slash = text.indexOf('/', slash + 1)) {
            int start = slash;
            while (start > from && isUpperAscii(text.charAt(start - 1))) {
                start--;
            }
            if (start == slash) {
                continue;
            }
            matcher.region(start, text.length());
            if (!matcher.lookingAt()) {
                continue;
            }
            int end = matcher.end();
            // A sentence-final dot or a trailing hyphen belongs to the prose, not the symbol.
            while (end > matcher.start() && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            String symbol = canonical(text.substring(matcher.start(), end));
            if (isPlausible(symbol)) {
                found.add(new Found(symbol, new Span(matcher.start(), end)));
                from = end;
                slash = Math.max(slash, end - 1);
            }
        }
        return found;
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /**
     * The symbol an undocs.org link points to, or null when {@code url} is not such a link or its
     * path is not one whole symbol (two addresses glued together, a path with more after the symbol).
     */
    public static String fromLink(String url) {
        Matcher matcher = UNDOCS_LINK.matcher(url.strip());
        if (!matcher.matches()) {
            return null;
        }
        String path = matcher.group(1);
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return null;
        }
        String symbol = canonical(path);
        return SYMBOL.matcher(symbol).matches() && isPlausible(symbol) ? symbol : null;
    }

    /**
     * The web addresses on a line of a PDF's link list: usually one, but lists whose line breaks
     * were lost come as addresses glued end to start ("…/A/RES/72/196https://undocs.org/…").
     */
    public static List<String> links(String line) {
        List<String> links = new ArrayList<>();
        Matcher start = LINK_START.matcher(line);
        int from = -1;
        while (start.find()) {
            if (from >= 0) {
                links.add(line.substring(from, start.start()).strip());
            }
            from = start.start();
        }
        if (from >= 0) {
            links.add(line.substring(from).strip());
        }
        return links;
    }

    private static final Pattern LINK_START = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);

    /**
     * One spelling per symbol: no spaces, half-width brackets, upper-case series. "S/RES/2462 (2019)"
     * and "S/RES/2462（2019）" both become "S/RES/2462(2019)".
     */
    public static String canonical(String symbol) {
        String s = symbol.strip()
                .replace('（', '(')
                .replace('）', ')')
                .replaceAll("\\s+", "");
        int slash = s.indexOf('/');
        if (slash > 0) {
            s = s.substring(0, slash).toUpperCase(Locale.ROOT) + s.substring(slash);
        }
        while (s.endsWith("/") || s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The undocs.org address of a symbol (which redirects to the document in every language). */
    public static String undocsUrl(String symbol) {
        return "https://undocs.org/" + canonical(symbol);
    }

    /** Whether {@code text}, stripped, is nothing but one symbol (a page header line, say). */
    public static boolean isWholeSymbol(String text) {
        String stripped = text.strip();
        List<Found> found = find(stripped);
        return found.size() == 1 && found.get(0).span().start() == 0
                && found.get(0).span().end() == stripped.length();
    }

    private static boolean isPlausible(String symbol) {
        // Every real symbol carries a number somewhere: "A/RES" alone is not one.
        return symbol.indexOf('/') > 0 && symbol.length() <= MAX_LENGTH && symbol.chars().anyMatch(Character::isDigit);
    }
}
