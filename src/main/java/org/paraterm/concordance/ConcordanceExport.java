package org.paraterm.concordance;

import java.util.List;
import org.paraterm.TableFile;

/**
 * A whole result as a table, CSV or TSV as {@link TableFile} writes them (spreadsheet-safe: a cell
 * that would start a formula gets a single quote in front). Columns: doc, symbol, paragraph (a
 * footnote's as {@code fn3}), left, hit, right.
 */
public final class ConcordanceExport {

    public enum Format {
        CSV(TableFile.CSV), TSV(TableFile.TSV);

        private final TableFile table;

        Format(TableFile table) {
            this.table = table;
        }
    }

    static final List<String> COLUMNS = List.of("doc", "symbol", "paragraph", "left", "hit", "right");

    private ConcordanceExport() {
    }

    public static String write(List<KwicLine> lines, Format format) {
        TableFile table = format.table;
        StringBuilder out = new StringBuilder(64 + lines.size() * 120);
        out.append(table.row(COLUMNS.toArray(new String[0])));
        for (KwicLine line : lines) {
            out.append(table.row(String.valueOf(line.doc()), line.symbol(),
                    line.footnote() != null ? "fn" + line.footnote() : String.valueOf(line.paragraph()),
                    line.left(), line.match(), line.right()));
        }
        return out.toString();
    }
}
