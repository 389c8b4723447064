package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.UsageStatus;
import org.paraterm.security.Role;
import org.paraterm.security.WebSession;

/**
 * English renderings suggested from the bundled UN parallel corpus, where terminologists decide:
 * the review queue and the candidate pages show the best three with their evidence, and one click
 * accepts one.
 */
class SuggestedRenderingsTest {

    private static final Pattern ACCEPT = Pattern.compile("name=\"accept\"[^>]*value=\"([^\"]+)\"");

    @TempDir
    static Path temp;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withMinedCorpus().withParallelCorpus()
                .withAccount("wang", "terminologist secret", Role.TERMINOLOGIST)
                .withAccount("zhao", "translator secret", Role.TRANSLATOR).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldApproveACandidateFromTheQueueWithTheRenderingAcceptedInOneClick() throws Exception {
        WebSession wang = signedIn();
        String back = "/review?q=" + URLEncoder.encode("会员国", StandardCharsets.UTF_8);
        String queue = wang.get(back).body();
        assertThat(queue).contains("建议译名 Suggested renderings", "采用 Accept", "证据 Evidence");
        assertThat(firstAccept(queue)).isEqualTo("Member States");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", WebSession.token(queue));
        form.put("back", back);
        form.put("term", "会员国");
        form.put("english", "");
        form.put("accept", "Member States");
        HttpResponse<String> approved = wang.post("/review/approve", form);

        assertThat(approved.statusCode()).isEqualTo(303);
        Entry entry = entryFor("会员国");
        assertThat(entry.preferred("en").map(Term::text)).hasValue("Member States");
    }

    @Test
    void shouldAddTheAcceptedRenderingToTheEntryOfAnAlreadyApprovedCandidate() throws Exception {
        WebSession wang = signedIn();
        wang.post("/review/approve", Map.of("_csrf", WebSession.token(wang.get("/review").body()), "back", "/review",
                "term", "秘书长"));
        assertThat(entryFor("秘书长").terms("en")).isEmpty();

        String page = wang.get(CandidateController.href("秘书长")).body();
        assertThat(page).contains("建议译名 Suggested renderings", "action=\"/review/rendering\"");
        String suggestion = firstAccept(page);
        assertThat(suggestion).isEqualTo("Secretary-General");
        Entry entry = entryFor("秘书长");
        HttpResponse<String> added = wang.post("/review/rendering", Map.of("_csrf", WebSession.token(page),
                "back", CandidateController.href("秘书长"), "entry", String.valueOf(entry.id()),
                "version", String.valueOf(entry.version()), "accept", suggestion));

        assertThat(added.statusCode()).isEqualTo(303);
        Entry changed = entryFor("秘书长");
        assertThat(changed.terms("en")).singleElement().satisfies(term -> {
            assertThat(term.text()).isEqualTo(suggestion);
            assertThat(term.usage()).isEqualTo(UsageStatus.PREFERRED);
        });
        String after = wang.get(added.headers().firstValue("Location").orElseThrow()).body();
        assertThat(after).contains("added Secretary-General to entry " + entry.id());
    }

    @Test
    void shouldShowSuggestionsWithoutAcceptButtonsToReadersWhoCannotDecide() throws Exception {
        String forVisitor = new WebSession(server.getPort()).get(CandidateController.href("安全理事会")).body();
        assertThat(forVisitor).contains("建议译名 Suggested renderings", "Security Council").doesNotContain("采用 Accept");

        WebSession zhao = new WebSession(server.getPort());
        zhao.signIn("zhao", "translator secret");
        assertThat(zhao.get(CandidateController.href("安全理事会")).body()).doesNotContain("采用 Accept");
    }

    @Test
    void shouldGiveTheSuggestionsWithTheirEvidenceInTheCandidateApi() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        String body = visitor.send(java.net.http.HttpRequest.newBuilder(
                visitor.uri("/api/candidates/" + URLEncoder.encode("会员国", StandardCharsets.UTF_8)))
                .header("Accept", "application/json")).body();
        JsonNode renderings = new ObjectMapper().readTree(body).get("renderings");

        assertThat(renderings.size()).isBetween(1, 3);
        JsonNode best = renderings.get(0);
        assertThat(best.get("en").asText()).isEqualTo("Member States");
        assertThat(best.get("pairs").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(best.get("evidence")).isNotEmpty().allSatisfy(pair -> {
            assertThat(pair.get("zh").asText()).contains("会员国");
            assertThat(pair.get("en").asText()).containsIgnoringCase("Member State");
        });
    }

    private static WebSession signedIn() throws Exception {
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");
        return wang;
    }

    private static String firstAccept(String page) {
        Matcher accept = ACCEPT.matcher(page);
        assertThat(accept.find()).as("an Accept button").isTrue();
        return accept.group(1);
    }

    private static Entry entryFor(String term) throws Exception {
        return server.getApplicationContext().getBean(GlossaryStore.class)
                .search(new GlossaryStore.Query(term, null, null, false, 1, 10)).entries().stream()
                .filter(e -> e.terms().stream().anyMatch(t -> t.text().equals(term))).findFirst().orElseThrow();
    }
}
