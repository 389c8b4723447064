package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.DocumentStore;
import org.paraterm.mining.CandidateStore;
import org.paraterm.mining.CorpusMining;
import org.paraterm.mining.MiningSettings;

/** The candidate list and a candidate's evidence, mined into a real database and read over HTTP. */
class CandidatePagesTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> properties = new java.util.HashMap<>(org.paraterm.TestDatabase.properties(temp));
        properties.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        server.getApplicationContext().getBean(CorpusLoader.class)
                .load(Path.of("glossary", "corpus", "un-zh"), (done, total, result) -> { });
        server.getApplicationContext().getBean(CorpusMining.class).remine(MiningSettings.defaults());
        server.getApplicationContext().getBean(Readiness.class).markReady();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldListCandidatesBestFirstWithFrequencyDocumentsVariantsAndAContext() throws Exception {
        HttpResponse<String> page = get("/candidates");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("联合国毒品和犯罪问题办公室", "外国恐怖主义作战人员", "偷运移民")
                .contains("<span class=\"form\">外国恐怖主义战斗人员</span>", "near-identical · 12")
                .contains("<mark>外国恐怖主义作战人员</mark>")
                .contains("共 " + total() + " 条");
        assertThat(body.indexOf("联合国毒品和犯罪问题办公室")).isLessThan(body.indexOf("偷运移民"));
    }

    @Test
    void shouldNarrowTheListByTextFrequencyAndDocument() throws Exception {
        String fighters = get("/candidates?q=" + encode("作战人员")).body();
        assertThat(fighters).contains("外国恐怖主义作战人员").doesNotContain("偷运移民");

        String frequent = get("/api/candidates?minFreq=100&size=500").body();
        assertThat(frequent).contains("\"term\":\"会员国\"").doesNotContain("\"term\":\"偷运移民\"");

        long interpolResolution = documentId("A/RES/75/10");
        String inOneDocument = get("/api/candidates?doc=" + interpolResolution + "&size=500").body();
        // 外国恐怖主义作战人员 is the wording of E/RES/2019/21 and S/2020/754 only
        assertThat(inOneDocument.contains("国际刑事警察组织")).isTrue();
        assertThat(inOneDocument.contains("\"term\":\"外国恐怖主义作战人员\"")).isFalse();
    }

    @Test
    void shouldLinkEachBestContextToItsDocumentParagraph() throws Exception {
        String body = get("/candidates?q=" + encode("外国恐怖主义作战人员")).body();

        long report = documentId("S/2020/754");
        long council = documentId("E/RES/2019/21");
        assertThat(body).containsPattern("href=\"/documents/(" + report + "|" + council + ")#p\\d+\">"
                + "(S/2020/754|E/RES/2019/21), \\d+\\.</a>");
    }

    @Test
    void shouldNarrowTheListByTermLengthAndPageThroughIt() throws Exception {
        String longTerms = get("/api/candidates?minLength=12&maxLength=13&size=500").body();
        java.util.List<String> terms = java.util.regex.Pattern.compile("\"term\":\"([^\"]+)\"").matcher(longTerms)
                .results().map(m -> m.group(1)).toList();
        assertThat(terms).isNotEmpty().allSatisfy(t -> assertThat(t.length()).isBetween(12, 13))
                .contains("联合国毒品和犯罪问题办公室");

        String second = get("/candidates?page=2&sort=freq").body();
        assertThat(second).contains("2 / ", "rel=\"prev\"", "href=\"/candidates?page=1&amp;sort=freq\"");
    }

    @Test
    void shouldSortByFrequency() throws Exception {
        String json = get("/api/candidates?sort=freq&size=20").body();

        java.util.List<Integer> frequencies = java.util.regex.Pattern.compile("\"term\":\"[^\"]+\",\"freq\":(\\d+)").matcher(json).results()
                .map(m -> Integer.parseInt(m.group(1))).toList();
        assertThat(frequencies).hasSize(20).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(json).contains("\"term\":\"恐怖主义\"");
    }

    @Test
    void shouldShowACandidatesEvidenceWithVariantDocumentsContextsAndEveryOccurrence() throws Exception {
        HttpResponse<String> page = get("/candidates/" + encode("外国恐怖主义作战人员"));

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("外国恐怖主义战斗人员", "near-identical")
                // 战斗人员 is the wording of the 2020 resolution and the 2019 draft
                .contains("A/RES/75/10", "A/C.3/74/L.18", "E/RES/2019/21", "S/2020/754")
                .contains("All 21 occurrences");
        long report = documentId("S/2020/754");
        assertThat(body).containsPattern("href=\"/documents/" + report + "#p\\d+\"");
        assertThat(body.split("<td class=\"hit\">外国恐怖主义作战人员</td>", -1)).hasSize(22);
    }

    @Test
    void shouldGiveACandidatesEvidenceAsJson() throws Exception {
        HttpResponse<String> json = get("/api/candidates/" + encode("外国恐怖主义作战人员"));

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json.body()).contains("\"freq\":21", "\"docs\":2", "\"occurrences\":21", "\"status\":\"open\"")
                .contains("\"form\":\"外国恐怖主义战斗人员\",\"relation\":\"near-identical\",\"freq\":12")
                .contains("\"symbol\":\"A/C.3/74/L.18\"", "\"symbol\":\"S/2020/754\"")
                .containsPattern("\"href\":\"/documents/\\d+#p\\d+\"");
    }

    @Test
    void shouldKeepARejectedStringRejectedAfterReMining() throws Exception {
        CandidateStore store = server.getApplicationContext().getBean(CandidateStore.class);
        store.decide("数据库", CandidateStore.Status.REJECTED, "general word", "terminologist");
        store.decide("偷运移民", CandidateStore.Status.APPROVED, null, "terminologist");

        server.getApplicationContext().getBean(CorpusMining.class).remine(MiningSettings.defaults());

        String rejected = get("/api/candidates?status=rejected").body();
        assertThat(rejected).contains("\"term\":\"数据库\"", "\"status\":\"rejected\"").doesNotContain("偷运移民");
        String open = get("/api/candidates?status=open&size=500").body();
        assertThat(open).doesNotContain("\"term\":\"数据库\"", "\"term\":\"偷运移民\"");
        assertThat(get("/candidates/" + encode("数据库")).body()).contains("已拒绝 rejected", "general word");
        assertThat(get("/candidates?status=approved").body()).contains("偷运移民", "已批准 approved")
                .doesNotContain("数据库");
    }

    @Test
    void shouldEscapeMarkupInAQueryAndAnswerAnUnknownCandidateWithA404Page() throws Exception {
        String page = get("/candidates?q=" + encode("<script>alert(1)</script>")).body();
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");

        HttpResponse<String> missing = get("/candidates/" + encode("<b>不存在</b>"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("No such candidate").doesNotContain("<b>不存在</b>", "Exception", "SQL");
        HttpResponse<String> missingJson = get("/api/candidates/" + encode("不存在"));
        assertThat(missingJson.statusCode()).isEqualTo(404);
        assertThat(missingJson.body()).isEqualTo("{\"error\":\"no such candidate\"}");
    }

    @Test
    void shouldIgnoreNonsenseInFilterParameters() throws Exception {
        HttpResponse<String> page = get("/candidates?minFreq=lots&page=-3&sort=drop%20table&doc=x");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("联合国毒品和犯罪问题办公室");
    }

    private static int total() throws Exception {
        return server.getApplicationContext().getBean(CandidateStore.class).lastRun().orElseThrow().candidates();
    }

    private static long documentId(String symbol) throws Exception {
        return server.getApplicationContext().getBean(DocumentStore.class).list().stream()
                .filter(d -> symbol.equals(d.symbol())).findFirst().orElseThrow().id();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
