package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.paraterm.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.mining.CandidateStore;
import org.paraterm.mining.CorpusMining;
import org.paraterm.mining.MiningSettings;
import org.paraterm.security.Role;
import org.paraterm.security.WebSession;

/** The review workflow through the JSON API, with real accounts, on the mined bundled corpus. */
class ReviewApiTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String TERMINOLOGIST = "wang:terminologist secret";
    private static final String TRANSLATOR = "zhao:translator secret";

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withMinedCorpus()
                .withAccount("wang", "terminologist secret", Role.TERMINOLOGIST)
                .withAccount("zhao", "translator secret", Role.TRANSLATOR).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldApproveACandidateIntoAnUnpublishedEntryThenPublishItToEveryone() throws Exception {
        HttpResponse<String> approved = call("POST", "/api/review/approve", TERMINOLOGIST, """
                {"term": "外国恐怖主义作战人员", "english": "foreign terrorist fighters",
                 "variants": {"外国恐怖主义战斗人员": "deprecated"}}""");

        assertThat(approved.statusCode()).isEqualTo(201);
        assertThat(approved.body()).contains("\"status\":\"approved\"", "\"published\":false",
                "{\"lang\":\"zh\",\"text\":\"外国恐怖主义作战人员\",\"type\":\"full-form\",\"usage\":\"preferred\"",
                "{\"lang\":\"zh\",\"text\":\"外国恐怖主义战斗人员\",\"type\":\"variant\",\"usage\":\"deprecated\"",
                "{\"lang\":\"en\",\"text\":\"foreign terrorist fighters\"", "S/2020/754");
        long id = id(approved.body());
        assertThat(candidateStatus("外国恐怖主义作战人员")).isEqualTo(CandidateStore.Status.APPROVED);
        assertThat(call("GET", "/api/entries?q=恐怖主义作战", null, null).body()).doesNotContain("\"id\":" + id + ",");
        assertThat(call("GET", "/api/entries/" + id, null, null).statusCode()).isEqualTo(404);

        HttpResponse<String> published = call("POST", "/api/entries/" + id + "/publish", TERMINOLOGIST,
                "{\"version\": 1, \"published\": true}");

        assertThat(published.statusCode()).isEqualTo(200);
        String list = call("GET", "/api/entries?q=" + enc("战斗人员"), null, null).body();
        assertThat(list).contains("\"total\":1", "\"id\":" + id + ",", "\"published\":true");
        assertThat(call("POST", "/api/review/approve", TERMINOLOGIST, "{\"term\": \"外国恐怖主义作战人员\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    void shouldRefuseEveryChangeFromAnonymousVisitorsAndTranslatorsAndChangeNothing() throws Exception {
        int entriesBefore = server.getApplicationContext().getBean(GlossaryStore.class).count();
        Map<String, String> changes = Map.of(
                "/api/review/approve", "{\"term\": \"偷运移民\"}",
                "/api/review/reject", "{\"term\": \"偷运移民\", \"reason\": \"no\"}",
                "/api/review/merge", "{\"term\": \"偷运移民\", \"entryId\": 1, \"version\": 1}",
                "/api/review/bulk", "{\"action\": \"reject\", \"terms\": [\"偷运移民\"], \"reason\": \"no\"}",
                "/api/entries", "{\"terms\": [{\"lang\": \"zh\", \"text\": \"偷运移民\"}]}",
                "/api/entries/1/publish", "{\"version\": 1}",
                "/api/entries/1/status", "{\"version\": 1, \"status\": \"rejected\", \"reason\": \"x\"}",
                "/api/entries/1/restore", "{\"version\": 2, \"from\": 1}");
        for (Map.Entry<String, String> change : changes.entrySet()) {
            // Anonymous: no credentials (401) or, without a session, no form token either (403).
            assertThat(call("POST", change.getKey(), null, change.getValue()).statusCode()).as(change.getKey())
                    .isIn(401, 403);
            assertThat(call("POST", change.getKey(), TRANSLATOR, change.getValue()).statusCode()).as(change.getKey())
                    .isEqualTo(403);
        }
        assertThat(call("PUT", "/api/entries/1", TRANSLATOR, "{\"version\": 1, \"terms\": [{\"lang\": \"zh\","
                + " \"text\": \"x\"}]}").statusCode()).isEqualTo(403);
        assertThat(call("DELETE", "/api/entries/1?version=1", null, null).statusCode()).isIn(401, 403);
        assertThat(call("DELETE", "/api/entries/1?version=1", TRANSLATOR, null).statusCode()).isEqualTo(403);

        assertThat(server.getApplicationContext().getBean(GlossaryStore.class).count()).isEqualTo(entriesBefore);
        assertThat(candidateStatus("偷运移民")).isEqualTo(CandidateStore.Status.OPEN);
    }

    @Test
    void shouldRefuseTheSecondOfTwoEditsFromTheSameVersionShowingTheFirst() throws Exception {
        long id = id(call("POST", "/api/entries", TERMINOLOGIST, """
                {"subject": "crime", "terms": [{"lang": "zh", "text": "网络犯罪", "usage": "preferred"}]}""").body());
        String first = """
                {"version": 1, "definitionEn": "Crime committed by means of computer systems.",
                 "terms": [{"lang": "zh", "text": "网络犯罪", "usage": "preferred"},
                           {"lang": "en", "text": "cybercrime", "usage": "preferred"}]}""";
        String second = """
                {"version": 1, "terms": [{"lang": "zh", "text": "网络犯罪", "usage": "preferred"},
                                         {"lang": "en", "text": "cyber crime", "usage": "preferred"}]}""";

        assertThat(call("PUT", "/api/entries/" + id, TERMINOLOGIST, first).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = call("PUT", "/api/entries/" + id, TERMINOLOGIST, second);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("changed by wang", "\"version\":2", "cybercrime", "definition (en)");
        assertThat(call("GET", "/api/entries/" + id, TERMINOLOGIST, null).body()).contains("\"cybercrime\"")
                .doesNotContain("cyber crime");
    }

    @Test
    void shouldSendAnApprovedEntryBackToReviewWhenItsTermsChange() throws Exception {
        String approved = call("POST", "/api/review/approve", TERMINOLOGIST, "{\"term\": \"网络犯罪\"}").body();
        if (!approved.contains("\"id\"")) {
            approved = call("POST", "/api/review/approve", TERMINOLOGIST, "{\"term\": \"资助恐怖主义\"}").body();
        }
        long id = id(approved);
        String edit = """
                {"version": 1, "terms": [{"lang": "zh", "text": "资助恐怖主义", "usage": "preferred"},
                                         {"lang": "en", "text": "financing of terrorism", "usage": "preferred"}]}""";

        HttpResponse<String> saved = call("PUT", "/api/entries/" + id, TERMINOLOGIST, edit);

        assertThat(saved.body()).contains("\"status\":\"in-review\"", "\"version\":2");
        assertThat(call("GET", "/api/entries/" + id + "/history", TERMINOLOGIST, null).body())
                .contains("\"field\":\"terms\"", "\"field\":\"status\"");
    }

    @Test
    void shouldRejectOnlyWithAReasonAndKeepTheDecision() throws Exception {
        assertThat(call("POST", "/api/review/reject", TERMINOLOGIST, "{\"term\": \"数据库\"}").statusCode())
                .isEqualTo(409);
        assertThat(candidateStatus("数据库")).isEqualTo(CandidateStore.Status.OPEN);

        assertThat(call("POST", "/api/review/reject", TERMINOLOGIST,
                "{\"term\": \"数据库\", \"reason\": \"general word\"}").statusCode()).isEqualTo(200);
        server.getApplicationContext().getBean(CorpusMining.class).remine(MiningSettings.defaults());
        assertThat(candidateStatus("数据库")).isEqualTo(CandidateStore.Status.REJECTED);
    }

    @Test
    void shouldMergeACandidateIntoAnExistingEntryAsAVariant() throws Exception {
        long id = id(call("POST", "/api/review/approve", TERMINOLOGIST,
                "{\"term\": \"贩运人口\", \"english\": \"trafficking in persons\"}").body());

        HttpResponse<String> merged = call("POST", "/api/review/merge", TERMINOLOGIST,
                "{\"term\": \"贩运文化财产\", \"entryId\": " + id + ", \"version\": 1, \"usage\": \"admitted\"}");

        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(merged.body()).contains("\"text\":\"贩运文化财产\",\"type\":\"variant\",\"usage\":\"admitted\"");
        assertThat(candidateStatus("贩运文化财产")).isEqualTo(CandidateStore.Status.APPROVED);
    }

    @Test
    void shouldNameTheFieldOfABadRequestAndShowNoInternals() throws Exception {
        HttpResponse<String> noVersion = call("PUT", "/api/entries/1", TERMINOLOGIST,
                "{\"terms\": [{\"lang\": \"zh\", \"text\": \"x\"}]}");
        HttpResponse<String> badType = call("POST", "/api/entries", TERMINOLOGIST,
                "{\"terms\": [{\"lang\": \"zh\", \"text\": \"x\", \"type\": \"nickname\"}]}");
        HttpResponse<String> notJson = call("POST", "/api/entries", TERMINOLOGIST, "{\"terms\": [");

        assertThat(noVersion.statusCode()).isIn(400, 404);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.body()).contains("terms[0].type");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(badType.body() + notJson.body() + noVersion.body())
                .doesNotContain("SQL", "Exception", "at org.", "io.micronaut");
    }

    @Test
    void shouldRefuseASessionCookieWithoutTheCsrfTokenButAcceptItWithTheToken() throws Exception {
        WebSession browser = new WebSession(server.getPort());
        browser.signIn("wang", "terminologist secret");
        String body = "{\"terms\": [{\"lang\": \"zh\", \"text\": \"洗钱\", \"usage\": \"preferred\"}]}";

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(browser.uri("/api/entries"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(forged.statusCode()).isEqualTo(403);

        String token = WebSession.token(browser.get("/account").body());
        HttpResponse<String> genuine = browser.send(HttpRequest.newBuilder(browser.uri("/api/entries"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-Token", token).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(genuine.statusCode()).isEqualTo(201);
    }

    private static CandidateStore.Status candidateStatus(String term) throws Exception {
        return server.getApplicationContext().getBean(CandidateStore.class).find(term).orElseThrow().row().status();
    }

    private static long id(String json) {
        Matcher matcher = Pattern.compile("\"id\":(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no id in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> call(String method, String path, String credentials, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
