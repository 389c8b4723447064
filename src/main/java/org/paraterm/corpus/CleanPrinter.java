package org.paraterm.corpus;

/**
 * The {@code clean} command's output: header lines, one paragraph per line, then the footnotes.
 * Scripts read this format; keep it stable and only ever add header lines.
 */
public final class CleanPrinter {

    private CleanPrinter() {
    }

    public static String print(CleanDocument document) {
        StringBuilder out = new StringBuilder();
        header(out, "symbol", document.symbol());
        header(out, "title", document.title());
        header(out, "date", document.date() == null ? null : document.date().toString());
        header(out, "body", document.body());
        header(out, "type", document.type());
        header(out, "language", document.language());
        for (Paragraph paragraph : document.paragraphs()) {
            out.append(paragraph.text()).append('\n');
        }
        out.append("# footnotes\n");
        for (Footnote footnote : document.footnotes()) {
            out.append(footnote.number()).append('\t').append(footnote.text()).append('\n');
        }
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String value) {
        out.append("# ").append(name).append(": ").append(value == null ? "" : value).append('\n');
    }
}
