package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.paraterm.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.security.WebSession;

/** Translators looking a term up in the starter glossary, by page and by API. */
class GlossarySearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withMinedCorpus().withStarterGlossary().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldLandOnTheEntryOfAVariantAndSayWhatToUseInstead() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        HttpResponse<String> search = visitor.get("/entries?q=" + encoded("外国恐怖主义战斗人员"));

        assertThat(search.statusCode()).isEqualTo(303);
        String location = URLDecoder.decode(search.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(location).matches("/entries/\\d+\\?q=外国恐怖主义战斗人员");
        String entry = visitor.get(search.headers().firstValue("Location").orElseThrow()).body();
        assertThat(entry.replaceAll("\\s+", " "))
                .contains("外国恐怖主义战斗人员</span>", "→ 请用 use <strong>外国恐怖主义作战人员</strong>", "/ foreign terrorist fighters");
    }

    @Test
    void shouldNotTellTranslatorsToReplaceThePreferredTermTheySearchedFor() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        HttpResponse<String> search = visitor.get("/entries?q=" + encoded("外国恐怖主义作战人员"));

        assertThat(search.statusCode()).isEqualTo(303);
        assertThat(visitor.get(search.headers().firstValue("Location").orElseThrow()).body())
                .contains("foreign terrorist fighters").doesNotContain("请用 use");
    }

    @Test
    void shouldRankTheExactPreferredTermThenPrefixesThenSubstrings() throws Exception {
        JsonNode found = api("/api/entries?q=" + encoded("有组织犯罪"));

        assertThat(preferredChinese(found)).containsExactly("有组织犯罪", "有组织犯罪集团", "跨国有组织犯罪",
                "联合国打击跨国有组织犯罪公约");
        assertThat(found.get("total").asInt()).isEqualTo(4);
        assertThat(found.get("entries").get(0).get("match").get("kind").asText()).isEqualTo("exact-preferred");
        assertThat(found.get("entries").get(1).get("match").get("kind").asText()).isEqualTo("prefix");
        assertThat(found.get("entries").get(3).get("match").get("kind").asText()).isEqualTo("substring");
    }

    @Test
    void shouldRankAnExactVariantAboveEntriesThatOnlyContainIt() throws Exception {
        JsonNode found = api("/api/entries?q=" + encoded("人口贩运"));

        JsonNode first = found.get("entries").get(0);
        assertThat(first.get("match").get("kind").asText()).isEqualTo("exact");
        assertThat(first.get("match").get("usage").asText()).isNotEqualTo("preferred");
        assertThat(first.get("match").get("preferred").asText()).isEqualTo("贩运人口");
        assertThat(first.get("match").get("en").asText()).isEqualTo("trafficking in persons");
    }

    @Test
    void shouldFindEnglishTermsWhateverTheirCaseAndChineseWhateverTheWidthOfItsDigits() throws Exception {
        JsonNode english = api("/api/entries?q=" + encoded("unodc"));
        JsonNode fullWidth = api("/api/entries?q=" + encoded("２０３０年议程"));

        assertThat(english.get("entries").get(0).get("match").get("text").asText()).isEqualTo("UNODC");
        assertThat(english.get("entries").get(0).get("match").get("preferred").asText()).isEqualTo("联合国毒品和犯罪问题办公室");
        assertThat(fullWidth.get("entries").get(0).get("match").get("kind").asText()).isEqualTo("exact");
        assertThat(fullWidth.get("entries").get(0).get("match").get("text").asText()).isEqualTo("2030年议程");
    }

    @Test
    void shouldListEveryMatchingEntryWhenAskedForTheListAndMarkTheMatchedVariant() throws Exception {
        String page = new WebSession(server.getPort()).get("/entries?list=1&q=" + encoded("恐怖主义")).body();

        assertThat(page).contains("恐怖主义", "外国恐怖主义作战人员", "资助恐怖主义", "反恐怖主义办公室");
        assertThat(page.indexOf(">恐怖主义</a>")).isLessThan(page.indexOf(">资助恐怖主义</a>"));
    }

    @Test
    void shouldSuggestTermsWhileTypingWithTheTermToUse() throws Exception {
        JsonNode suggestions = api("/api/entries/suggest?q=" + encoded("外国恐怖"));

        assertThat(suggestions.size()).isEqualTo(1);
        assertThat(suggestions.get(0).get("preferred").asText()).isEqualTo("外国恐怖主义作战人员");
        assertThat(suggestions.get(0).get("en").asText()).isEqualTo("foreign terrorist fighters");
    }

    @Test
    void shouldShowAnEntryWithCopyButtonsAndItsRelatedBroaderAndNarrowerEntries() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        String location = visitor.get("/entries?q=" + encoded("恐怖主义")).headers().firstValue("Location").orElseThrow();
        String page = visitor.get(location).body();

        assertThat(page).contains("data-copy=\"恐怖主义\"", "data-copy=\"terrorism\"", "相关词条 Related entries",
                ">资助恐怖主义</a>", ">外国恐怖主义作战人员</a>");
    }

    @Test
    void shouldShowAnEntrysUseInTheCorpusCountingItsVariantsWithExamplesAndAChart() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        String location = visitor.get("/entries?q=" + encoded("外国恐怖主义作战人员")).headers().firstValue("Location")
                .orElseThrow();
        String page = visitor.get(location).body();

        // 21 uses of 外国恐怖主义作战人员 (2019 and 2020 texts) and 12 of its variant 外国恐怖主义战斗人员 (the
        // General Assembly texts) in the five documents: the chart has the documents of both wordings.
        assertThat(page).contains("all 33 occurrences in the concordance", "<mark>外国恐怖主义作战人员</mark>",
                "各文件频次 Occurrences per document", "<svg", ">S/2020/754</text>", ">A/RES/75/10</text>");
        assertThat(page).contains("href=\"/concordance?q=%22%E5%A4%96");
    }

    @Test
    void shouldOfferTheSearchBoxOnEveryPage() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        for (String path : List.of("/", "/documents", "/entries", "/candidates")) {
            assertThat(visitor.get(path).body()).as(path).contains("class=\"nav-search\"", "name=\"q\"");
        }
    }

    @Test
    void shouldAnswerABadPageNumberWithAJsonErrorNamingItAndNoInternals() throws Exception {
        HttpResponse<String> response = new WebSession(server.getPort()).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + server.getPort() + "/api/entries?q=x&page=abc"))
                .header("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\"", "page").doesNotContain("Exception", "at org.");
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> response = new WebSession(server.getPort()).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + server.getPort() + path)).header("Accept", "application/json"));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> preferredChinese(JsonNode found) {
        List<String> terms = new ArrayList<>();
        for (JsonNode entry : found.get("entries")) {
            for (JsonNode term : entry.get("terms")) {
                if (term.get("lang").asText().equals("zh") && term.get("usage").asText().equals("preferred")) {
                    terms.add(term.get("text").asText());
                }
            }
        }
        return terms;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
