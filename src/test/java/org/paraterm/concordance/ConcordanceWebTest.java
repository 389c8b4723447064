package org.paraterm.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.DocumentStore;
import org.paraterm.web.Readiness;

/** The concordance page, its export and its API through a real HTTP server, on the bundled corpus. */
class ConcordanceWebTest {

    private static final Path CORPUS = Path.of("glossary", "corpus", "un-zh");

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Map<String, Object> properties = new java.util.HashMap<>(org.paraterm.TestDatabase.properties(data));
        properties.put("micronaut.server.port", -1);
        properties.put("paraterm.data", data.toString());
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        server.getApplicationContext().getBean(CorpusLoader.class).load(CORPUS, (done, total, result) -> { });
        server.getApplicationContext().getBean(Readiness.class).markReady();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldAnswerTheApiWithTheExactTotalAndAPageOfHits() throws Exception {
        HttpResponse<String> answer = get("/api/concordance?q=" + encode("会员国") + "&size=20&context=8&sort=right");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-type").orElse("")).contains("application/json");
        assertThat(answer.body()).contains("\"query\":\"会员国\"", "\"total\":251")
                .contains("\"doc\":", "\"symbol\":", "\"paragraph\":", "\"offset\":", "\"left\":", "\"match\":\"会员国\"",
                        "\"right\":");
        assertThat(count(answer.body(), "\"match\":")).isEqualTo(20);
    }

    @Test
    void shouldCountHitsPerDocument() throws Exception {
        HttpResponse<String> answer = get("/api/concordance/counts?q=" + encode("毒品和犯罪问题办公室"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("{\"query\":\"毒品和犯罪问题办公室\"").contains("\"total\":142")
                .contains("\"symbol\":\"S/2020/754\"");
        int sum = 0;
        Matcher counts = Pattern.compile("\"count\":(\\d+)\\}").matcher(answer.body()
                .substring(answer.body().indexOf("byDocument"), answer.body().indexOf("byYear")));
        while (counts.find()) {
            sum += Integer.parseInt(counts.group(1));
        }
        assertThat(sum).isEqualTo(142);
    }

    @Test
    void shouldFilterTheApiByDocumentSymbol() throws Exception {
        String all = get("/api/concordance/counts?q=" + encode("会员国")).body();
        Matcher report = Pattern.compile("\"symbol\":\"S/2020/754\",\"count\":(\\d+)").matcher(all);
        assertThat(report.find()).isTrue();

        String one = get("/api/concordance?q=" + encode("会员国") + "&doc=" + encode("S/2020/754")).body();

        assertThat(one).contains("\"total\":" + report.group(1)).doesNotContain("A/RES/64/179");
    }

    @Test
    void shouldRefuseBadQueriesWithAClearJsonMessage() throws Exception {
        HttpResponse<String> empty = get("/api/concordance?q=");
        HttpResponse<String> missing = get("/api/concordance/counts");
        HttpResponse<String> tooLong = get("/api/concordance?q=" + encode("会".repeat(201)));
        HttpResponse<String> badSort = get("/api/concordance?q=x&sort=sideways");
        HttpResponse<String> badPage = get("/api/concordance?q=x&page=0");

        for (HttpResponse<String> answer : java.util.List.of(empty, missing, tooLong, badSort, badPage)) {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).startsWith("{\"error\":").doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(empty.body()).contains("empty query");
        assertThat(tooLong.body()).contains("at most 200 characters");
    }

    @Test
    void shouldShowKwicLinesWithTheTotalTheReadingAndCharts() throws Exception {
        HttpResponse<String> page = get("/concordance?q=" + encode("打击*犯罪") + "&context=12");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("searched 打击…犯罪 with up to 10 characters between")
                .contains("<td class=\"left\">", "<td class=\"hit\">", "<td class=\"right\">")
                .contains("<svg class=\"bars\"", "<svg class=\"dispersion\"", "<path class=\"ticks\" d=\"M")
                .contains("/concordance.csv?q=", "/concordance.tsv?q=");
        // One tick per hit, hits on the same pixel drawn once: 106 hits make at most 106 strokes.
        assertThat(count(page.body(), "v14")).isBetween(50, 106);
        // The results need no JavaScript (the header's glossary suggestions are another matter).
        assertThat(page.body().substring(page.body().indexOf("<main"))).doesNotContain("<script");
    }

    @Test
    void shouldPageThroughAllHits() throws Exception {
        String first = get("/concordance?q=" + encode("会员国")).body();
        String last = get("/concordance?q=" + encode("会员国") + "&page=6").body();

        assertThat(first).contains("251 hits", "(1–50)", "page 1 of 6", "rel=\"next\"");
        assertThat(last).contains("(251–251)", "page 6 of 6").doesNotContain("rel=\"next\"");
        assertThat(count(first, "<td class=\"hit\">")).isEqualTo(50);
        assertThat(count(last, "<td class=\"hit\">")).isEqualTo(1);
    }

    @Test
    void shouldLinkEachLineToItsParagraphWithTheHitHighlighted() throws Exception {
        String page = get("/concordance?q=" + encode("偷运移民")).body();
        Matcher link = Pattern.compile("<td class=\"hit\"><a href=\"([^\"]+)\">偷运移民</a>").matcher(page);
        assertThat(link.find()).isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).matches("/documents/\\d+\\?hl=\\d+-4#p\\d+");

        String document = get(href.substring(0, href.indexOf('#'))).body();

        Matcher mark = Pattern.compile("<mark\\s+id=\"hit\">偷运移民</mark>").matcher(document);
        assertThat(mark.find()).isTrue();
        assertThat(count(document, "<mark")).isEqualTo(1);
        String paragraph = "id=\"" + href.substring(href.indexOf('#') + 1) + "\"";
        assertThat(document.lastIndexOf("<p ", mark.start())).isEqualTo(document.indexOf(paragraph) - 3);
    }

    @Test
    void shouldLinkAFootnoteHitToItsFootnoteWithTheHitHighlighted() throws Exception {
        String answer = get("/api/concordance?q=" + encode("出售品编号") + "&size=1").body();
        Matcher href = Pattern.compile("\"footnote\":(\\d+),.*\"href\":\"([^\"]+)\"").matcher(answer);
        assertThat(href.find()).as(answer).isTrue();
        String link = href.group(2).replace("\\u0026", "&");
        assertThat(link).matches("/documents/\\d+\\?fn=" + href.group(1) + "&hl=\\d+-5#fn" + href.group(1));

        String document = get(link.substring(0, link.indexOf('#'))).body();

        Matcher mark = Pattern.compile("<mark id=\"hit\">出售品编号</mark>").matcher(document);
        assertThat(mark.find()).isTrue();
        assertThat(document.lastIndexOf("<li ", mark.start()))
                .isEqualTo(document.indexOf("<li id=\"fn" + href.group(1) + "\""));
    }

    @Test
    void shouldShowTheFormToVisitorsAndExplainABadQuery() throws Exception {
        HttpResponse<String> empty = get("/concordance");
        HttpResponse<String> bad = get("/concordance?q=" + encode("打击*"));

        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("语境检索 Concordance", "name=\"q\"").doesNotContain("hits");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("* needs a string on both sides");
    }

    @Test
    void shouldExportTheWholeResultAsCsvAndTsv() throws Exception {
        HttpResponse<String> csv = get("/concordance.csv?q=" + encode("毒品和犯罪问题办公室") + "&context=5");
        HttpResponse<String> tsv = get("/concordance.tsv?q=" + encode("毒品和犯罪问题办公室") + "&context=5");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("content-disposition").orElse("")).contains("concordance.csv");
        assertThat(csv.body()).startsWith("doc,symbol,paragraph,left,hit,right\r\n");
        assertThat(csv.body().split("\r\n")).hasSize(143);
        assertThat(tsv.body()).startsWith("doc\tsymbol\tparagraph\tleft\thit\tright\n");
        assertThat(tsv.body().split("\n")).hasSize(143).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(6));
        assertThat(tsv.body()).contains("\tS/2020/754\t");
    }

    @Test
    void shouldNotDoubleHitsWhenADocumentIsReplaced() throws Exception {
        DocumentStore store = server.getApplicationContext().getBean(DocumentStore.class);
        CorpusLoader loader = server.getApplicationContext().getBean(CorpusLoader.class);
        String file = "004_9d7d9abcfa7e8f17.txt";
        Path changed = Files.createDirectories(temp.resolve("changed"));
        Files.writeString(changed.resolve(file), Files.readString(CORPUS.resolve(file)) + "\n\n会员国应当加强合作。\n");
        try {
            assertThat(loader.load(changed, (done, total, result) -> { }).get(0).outcome())
                    .isEqualTo(DocumentStore.Outcome.REPLACED);

            assertThat(get("/api/concordance/counts?q=" + encode("会员国")).body()).contains("\"total\":252");
            assertThat(get("/api/concordance/counts?q=" + encode("毒品和犯罪问题办公室")).body()).contains("\"total\":142");
            assertThat(store.count()).isEqualTo(5);
        } finally {
            Path original = Files.createDirectories(temp.resolve("original"));
            Files.copy(CORPUS.resolve(file), original.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            loader.load(original, (done, total, result) -> { });
        }
        assertThat(get("/api/concordance/counts?q=" + encode("会员国")).body()).contains("\"total\":251");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
