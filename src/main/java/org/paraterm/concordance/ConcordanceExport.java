package org.paraterm.concordance;

import java.util.List;

/**
 * A whole result as a table: CSV (RFC 4180: fields with a comma, quote or line break in quotes,
 * quotes doubled, lines ended by CRLF) or TSV (tabs and line breaks inside a field become spaces,
 * since TSV has no quoting). Columns: doc, symbol, paragraph (a footnote's as {@code fn3}), left,
 * hit, right.
 */
public final class ConcordanceExport {

    public enum Format { CSV, TSV }

    static final List<String> COLUMNS = List.of("doc", "symbol", "paragraph", "left", "hit", "right");

    private ConcordanceExport() {
    }

    public static String write(List<KwicLine> lines, Format format) {
        StringBuilder out = new StringBuilder(64 + lines.size() * 120);
        row(out, format, COLUMNS.toArray(new String[0]));
        for (KwicLine line : lines) {
            row(out, format, String.valueOf(line.doc()), line.symbol(),
                    line.footnote() != null ? "fn" + line.footnote() : String.valueOf(line.paragraph()),
                    line.left(), line.match(), line.right());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Format format, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(format == Format.CSV ? ',' : '\t');
            }
            String field = fields[i] == null ? "" : fields[i];
            if (format == Format.TSV) {
                out.append(field.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            } else if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        out.append(format == Format.CSV ? "\r\n" : "\n");
    }
}
