package org.paraterm.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits extracted text into lines and tells furniture, rules, links and labels from text. */
final class LineClassifier {

    private static final Pattern UNDERSCORE_RULE = Pattern.compile("[\\s\u3000]*[_＿]{5,}[\\s\u3000]*");
    /** A.RES/64/179 draws its footnote rule as a long run of spaces. */
    private static final Pattern SPACE_RULE = Pattern.compile(" {30,}");
    private static final Pattern LINK = Pattern.compile("\\s*https?://\\S+\\s*");
    /**
     * A job number with or without a page counter: "19-17644 2/18", "2/18 19-17644",
     * "20-09860 (C)", "GE.20-12345".
     */
    private static final Pattern JOB_NUMBER = Pattern.compile(
            "\\s*(?:\\d{1,3}/\\d{1,3}\\s+)?(?:GE\\.)?\\d{2}-\\d{5}(?:\\s*\\([A-Z]\\))?(?:\\s+\\d{1,3}/\\d{1,3})?\\s*");
    private static final Pattern NUMBER = Pattern.compile("\\s*\\d{1,3}\\s*");

    private LineClassifier() {
    }

    static List<SourceLine> classify(String text) {
        List<String> physical = physicalLines(text);
        List<SourceLine> lines = new ArrayList<>(physical.size());
        int number = 0;
        boolean previousBlank = true;
        for (String line : physical) {
            number++;
            String[] pages = line.split("\f", -1);
            for (int part = 0; part < pages.length; part++) {
                String piece = pages[part];
                SourceLine.Kind kind = kindOf(piece);
                boolean afterFormFeed = part > 0;
                lines.add(new SourceLine(number, piece, kind, !previousBlank && kind != SourceLine.Kind.BLANK,
                        afterFormFeed));
                previousBlank = kind == SourceLine.Kind.BLANK;
            }
        }
        return lines;
    }

    /** Lines split at any line break: CR LF, CR, LF, or the Unicode line and paragraph separators. */
    private static List<String> physicalLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    static SourceLine.Kind kindOf(String line) {
        if (SPACE_RULE.matcher(line).matches() || UNDERSCORE_RULE.matcher(line).matches()) {
            return SourceLine.Kind.SEPARATOR;
        }
        String stripped = Chars.stripSpaces(line);
        if (stripped.isEmpty()) {
            return SourceLine.Kind.BLANK;
        }
        if (LINK.matcher(line).matches()) {
            return SourceLine.Kind.LINK;
        }
        if (JOB_NUMBER.matcher(line).matches() || UnSymbols.isWholeSymbol(stripped)) {
            return SourceLine.Kind.PAGE_HEADER;
        }
        if (NUMBER.matcher(line).matches()) {
            return SourceLine.Kind.NUMBER;
        }
        return SourceLine.Kind.TEXT;
    }
}
