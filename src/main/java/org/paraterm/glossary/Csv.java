package org.paraterm.glossary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paraterm.TableFile;

/**
 * The glossary as CSV (UTF-8, RFC 4180 quoting, a header row), one row per term:
 * {@value #HEADER}. Rows with the same {@code entry} key are one entry; {@code definition} is the
 * entry's definition in the row's language, {@code entry_note} the entry's note. Spreadsheets open
 * it safely ({@link TableFile}: a cell that would start a formula gets a single quote in front,
 * which reading takes away again); an import takes all rows or none.
 */
public final class Csv {

    public static final String HEADER = "entry,subject,lang,term,type,usage,term_note,source,paragraph,definition,entry_note";
    private static final int COLUMNS = 11;

    private Csv() {
    }

    public static void write(List<Entry> entries, Writer out) throws IOException {
        out.write(TableFile.CSV.row(HEADER.split(",")));
        for (Entry entry : entries) {
            for (Term term : entry.terms()) {
                String definition = term.language().equals("zh") ? entry.definitionZh()
                        : term.language().equals("en") ? entry.definitionEn() : null;
                out.write(TableFile.CSV.row("e" + entry.id(), entry.subject(), term.language(), term.text(),
                        term.type().label(), term.usage().label(), term.note(), term.source(), term.paragraph(),
                        definition, entry.note()));
            }
        }
        out.flush();
    }

    /**
     * The file as UTF-8, refused at the first byte that is not: a decoder that replaced it would
     * import a GB18030 or Big5 file as terms of replacement characters.
     */
    private static String strictUtf8(byte[] bytes, String name) throws Tbx.TbxException {
        java.nio.ByteBuffer input = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer output = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(input, output, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < input.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Tbx.TbxException(name + ", line " + line + ": not UTF-8 text (byte " + (input.position() + 1)
                    + "); save the file as UTF-8 and import it again");
        }
        return output.flip().toString();
    }

    public static List<Entry> read(InputStream in, String name, EntryStatus status, boolean published)
            throws Tbx.TbxException, IOException {
        BufferedReader reader = new BufferedReader(new java.io.StringReader(strictUtf8(in.readAllBytes(), name)));
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(reader, name, rows, lines);
        if (rows.isEmpty() || !String.join(",", rows.get(0)).replace("\uFEFF", "").equals(HEADER)) {
            throw new Tbx.TbxException(name + ", line 1: the header must be " + HEADER);
        }
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String where = name + ", line " + lines.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != COLUMNS) {
                throw new Tbx.TbxException(where + ": " + row.size() + " columns, the header has " + COLUMNS);
            }
            String key = row.get(0).strip();
            if (key.isEmpty()) {
                throw new Tbx.TbxException(where + ": no entry key");
            }
            Draft draft = drafts.computeIfAbsent(key, k -> new Draft(where));
            draft.subject = firstNonBlank(draft.subject, row.get(1));
            draft.note = firstNonBlank(draft.note, row.get(10));
            String language = row.get(2).strip().toLowerCase(java.util.Locale.ROOT);
            if (!language.matches("[a-z]{2,3}")) {
                throw new Tbx.TbxException(where + ": lang must be a language code such as zh or en, not '" + row.get(2) + "'");
            }
            if (row.get(3).isBlank()) {
                throw new Tbx.TbxException(where + ": a term without text");
            }
            if (language.equals("zh")) {
                draft.definitionZh = firstNonBlank(draft.definitionZh, row.get(9));
            } else if (language.equals("en")) {
                draft.definitionEn = firstNonBlank(draft.definitionEn, row.get(9));
            }
            draft.terms.add(new Term(language, row.get(3).strip(), type(row.get(4), where), usage(row.get(5), where),
                    blank(row.get(6)), blank(row.get(7)), blank(row.get(8))));
        }
        List<Entry> entries = new ArrayList<>();
        for (Draft d : drafts.values()) {
            Entry entry = new Entry(0, d.subject, d.definitionZh, d.definitionEn, d.note, status, null, published,
                    d.terms, List.of(), null, null, null, null, 0);
            String tooLong = EntryLimits.problem(entry);
            if (tooLong != null) {
                throw new Tbx.TbxException(d.firstRow + " (the entry that starts there): " + tooLong);
            }
            entries.add(entry);
        }
        return entries;
    }

    private static final class Draft {
        /** "FILE, line N" of the entry's first row. */
        final String firstRow;
        String subject;
        String definitionZh;
        String definitionEn;
        String note;
        final List<Term> terms = new ArrayList<>();

        Draft(String firstRow) {
            this.firstRow = firstRow;
        }
    }

    /**
     * RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks. Each
     * field comes back as {@link TableFile#original}: the quote an export put before a formula
     * character is taken away.
     */
    private static void parse(BufferedReader reader, String name, List<List<String>> rows, List<Integer> lines)
            throws IOException, Tbx.TbxException {
        int line = 1;
        int rowStart = 1;
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = reader.read()) >= 0) {
            any = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next >= 0) {
                            reader.reset();
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
            } else if (ch == ',') {
                row.add(TableFile.original(field.toString()));
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
                row.add(TableFile.original(field.toString()));
                field.setLength(0);
                rows.add(row);
                lines.add(rowStart);
                row = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new Tbx.TbxException(name + ", line " + rowStart + ": a quoted field is not closed");
        }
        if (any && (field.length() > 0 || !row.isEmpty())) {
            row.add(TableFile.original(field.toString()));
            rows.add(row);
            lines.add(rowStart);
        }
    }

    private static TermType type(String value, String where) throws Tbx.TbxException {
        for (TermType type : TermType.values()) {
            if (type.label().equalsIgnoreCase(value.strip()) || type.tbx().equalsIgnoreCase(value.strip())) {
                return type;
            }
        }
        throw new Tbx.TbxException(where + ": type must be full-form, abbreviation, short-form or variant, not '"
                + value + "'");
    }

    private static UsageStatus usage(String value, String where) throws Tbx.TbxException {
        for (UsageStatus usage : UsageStatus.values()) {
            if (usage.label().equalsIgnoreCase(value.strip()) || usage.tbx().equalsIgnoreCase(value.strip())) {
                return usage;
            }
        }
        throw new Tbx.TbxException(where + ": usage must be preferred, admitted, deprecated or obsolete, not '"
                + value + "'");
    }

    private static String firstNonBlank(String current, String value) {
        return current != null ? current : blank(value);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
