package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.parallel.LinePairs;
import org.paraterm.parallel.ParallelUnit;
import org.paraterm.security.WebSession;

/**
 * The parallel concordance over the bundled UN parallel corpus: a Chinese string with its aligned
 * English and the rendering marked there, an English string with its Chinese side.
 */
class ParallelConcordanceTest {

    private static final Path UNPC_DEV = Path.of("glossary", "corpus", "parallel", "unpc-dev", "UNv1.0.devset.zh");

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static List<ParallelUnit> units;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withMinedCorpus().withStarterGlossary().withParallelCorpus().start();
        units = LinePairs.read(UNPC_DEV);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldFindEveryChinesePairHoldingTheStringWithTheGlossaryRenderingMarkedInTheEnglish() throws Exception {
        JsonNode result = api("会员国", 500);
        long expected = units.stream().filter(u -> u.zh().contains("会员国")).count();

        assertThat(result.get("side").asText()).isEqualTo("zh");
        assertThat(result.get("total").asLong()).isEqualTo(expected).isGreaterThan(50);
        assertThat(result.get("renderings").toString()).contains("Member States");
        int marked = 0;
        for (JsonNode pair : result.get("pairs")) {
            String zh = pair.get("zh").asText();
            JsonNode hit = pair.get("zhHits").get(0);
            assertThat(zh.substring(hit.get(0).asInt(), hit.get(1).asInt())).isEqualTo("会员国");
            for (JsonNode rendering : pair.get("enHits")) {
                assertThat(pair.get("en").asText().substring(rendering.get(0).asInt(), rendering.get(1).asInt()))
                        .matches("(?i)member states?");
                marked++;
            }
        }
        assertThat(marked).as("English sides with the rendering marked").isGreaterThan((int) (expected * 8 / 10));
    }

    @Test
    void shouldFindEnglishAsWholeWordsInAnyCaseWithTheChineseSide() throws Exception {
        JsonNode result = api("member states", 500);
        Pattern words = Pattern.compile("(?i)\\bmember states\\b");
        long expected = units.stream().filter(u -> words.matcher(u.en()).find()).count();

        assertThat(result.get("side").asText()).isEqualTo("en");
        assertThat(result.get("total").asLong()).isEqualTo(expected);
        assertThat(result.get("pairs")).allSatisfy(pair -> {
            assertThat(pair.get("en").asText()).containsIgnoringCase("member states");
            for (JsonNode mark : pair.get("zhHits")) {
                assertThat(pair.get("zh").asText().substring(mark.get(0).asInt(), mark.get(1).asInt())).isEqualTo("会员国");
            }
        });
        assertThat(api("member state", 500).get("total").asLong()).as("whole words: 'member state' is not in 'member states'")
                .isEqualTo(units.stream().filter(u -> Pattern.compile("(?i)\\bmember state\\b").matcher(u.en()).find()).count());
    }

    @Test
    void shouldLinkTheDocumentConcordanceToThePairsAndShowThemWithBothSidesMarked() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        String concordance = visitor.get("/concordance?q=" + encode("会员国")).body();
        assertThat(concordance).contains("/concordance/parallel?q=" + encode("会员国"), "平行语料 Parallel corpus: ");

        String page = visitor.get("/concordance/parallel?q=" + encode("会员国")).body();
        assertThat(page).contains("<mark class=\"hit\">会员国</mark>", "<mark class=\"rendering\">Member States</mark>");

        long pairs = units.stream().filter(u -> u.zh().contains("会员国")).count();
        long entry = server.getApplicationContext().getBean(GlossaryStore.class)
                .search(new GlossaryStore.Query("会员国", null, true, false, 1, 5)).entries().get(0).id();
        assertThat(visitor.get("/entries/" + entry).body())
                .contains(pairs + " aligned Chinese–English pairs in the parallel corpus", "/concordance/parallel?q=" + encode("会员国"));
    }

    @Test
    void shouldAnswerABadQueryWithItsReasonAndEscapeWhatWasTyped() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        HttpResponse<String> empty = json("/api/concordance/parallel?q=");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("empty query");

        String typed = "<script>alert(1)</script>";
        String page = visitor.get("/concordance/parallel?q=" + encode(typed)).body();
        assertThat(page).doesNotContain(typed).contains("&lt;script&gt;");
    }

    private static JsonNode api(String query, int size) throws Exception {
        HttpResponse<String> response = json("/api/concordance/parallel?size=" + size + "&q=" + encode(query));
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static HttpResponse<String> json(String path) throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        return visitor.send(java.net.http.HttpRequest.newBuilder(visitor.uri(path)).header("Accept", "application/json"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
