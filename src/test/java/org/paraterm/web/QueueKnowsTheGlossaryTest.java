package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.TermType;
import org.paraterm.glossary.UsageStatus;
import org.paraterm.security.Role;
import org.paraterm.security.WebSession;

/**
 * The review queue and the candidate list set aside candidates that are already terms of glossary
 * entries, mark them with the entry and the term's usage there, and count them; visitors' lists
 * are matched against published entries only.
 */
class QueueKnowsTheGlossaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    /** An open candidate recorded, in an unpublished entry, as a deprecated form of another term. */
    private static String deprecated;
    private static long unpublishedEntry;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withMinedCorpus().withStarterGlossary()
                .withAccount("wang", "terminologist secret", Role.TERMINOLOGIST).start();
        deprecated = json(new WebSession(server.getPort()), "/api/candidates?status=open&size=1")
                .get("candidates").get(0).get("term").asText();
        Entry draft = new Entry(0, "test", null, null, null, EntryStatus.IN_REVIEW, null, false,
                List.of(Term.of("zh", "测试首选说法", TermType.FULL_FORM, UsageStatus.PREFERRED),
                        Term.of("zh", deprecated, TermType.VARIANT, UsageStatus.DEPRECATED)),
                List.of(), null, null, null, null, 0);
        unpublishedEntry = server.getApplicationContext().getBean(GlossaryStore.class)
                .create(draft, "test", "create").id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldMarkAStarterTermAsInTheGlossaryWithItsEntryAndLeaveItOutOfTheOpenQueue() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        JsonNode smuggling = json(visitor, "/api/candidates/" + encoded("偷运移民"));
        assertThat(smuggling.get("status").asText()).isEqualTo("inGlossary");
        JsonNode glossary = smuggling.get("glossary");
        long entry = glossary.get("entry").asLong();
        assertThat(glossary.get("href").asText()).isEqualTo("/entries/" + entry);
        assertThat(glossary.get("term").asText()).isEqualTo("偷运移民");
        assertThat(glossary.get("usage").asText()).isEqualTo("preferred");
        assertThat(glossary.get("published").asBoolean()).isTrue();
        assertThat(visitor.get("/entries/" + entry).statusCode()).isEqualTo(200);

        assertThat(terms(json(visitor, "/api/candidates?status=open&size=500")))
                .doesNotContain("偷运移民", "会员国", "外国恐怖主义作战人员");
        assertThat(terms(json(visitor, "/api/candidates?status=inGlossary&size=500")))
                .contains("偷运移民", "会员国", "外国恐怖主义作战人员");
        JsonNode listed = json(visitor, "/api/candidates?q=" + encoded("偷运移民") + "&size=500");
        for (JsonNode row : listed.get("candidates")) {
            if (row.get("term").asText().equals("偷运移民")) {
                assertThat(row.get("glossary").get("entry").asLong()).isEqualTo(entry);
            }
        }

        String page = visitor.get("/candidates/" + encoded("偷运移民")).body();
        assertThat(page).contains("已在术语库 in glossary", "href=\"/entries/" + entry + "\"", "preferred");
        String list = visitor.get("/candidates?q=" + encoded("偷运移民")).body();
        assertThat(list).contains("已在术语库 in glossary", "href=\"/entries/" + entry + "\"");
    }

    @Test
    void shouldCountTheCandidatesSetAsideFromTheOpenQueue() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        JsonNode all = json(visitor, "/api/candidates?size=1");
        JsonNode open = json(visitor, "/api/candidates?status=open&size=1");
        JsonNode inGlossary = json(visitor, "/api/candidates?status=inGlossary&size=1");
        long setAside = open.get("setAside").asLong();
        assertThat(setAside).isGreaterThanOrEqualTo(5).isEqualTo(inGlossary.get("total").asLong());
        assertThat(open.get("total").asLong() + setAside).isEqualTo(all.get("total").asLong());
        assertThat(all.get("setAside").asLong()).isZero();

        assertThat(visitor.get("/candidates?status=open").body())
                .contains(setAside + " already in the glossary", "href=\"/candidates?status=inGlossary\"");
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");
        String queue = wang.get("/review").body();
        assertThat(queue).contains("already in the glossary").doesNotContain("data-term=\"偷运移民\"");
    }

    @Test
    void shouldShowADeprecatedFormWithThePreferredTermToTerminologistsOnly() throws Exception {
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");
        JsonNode marked = json(wang, "/api/candidates/" + encoded(deprecated));
        assertThat(marked.get("status").asText()).isEqualTo("inGlossary");
        assertThat(marked.get("glossary").get("entry").asLong()).isEqualTo(unpublishedEntry);
        assertThat(marked.get("glossary").get("usage").asText()).isEqualTo("deprecated");
        assertThat(marked.get("glossary").get("preferred").asText()).isEqualTo("测试首选说法");
        assertThat(marked.get("glossary").get("published").asBoolean()).isFalse();
        assertThat(marked.get("glossary").get("entryStatus").asText()).isEqualTo("in-review");
        assertThat(terms(json(wang, "/api/candidates?status=open&size=500"))).doesNotContain(deprecated);
        assertThat(wang.get("/candidates/" + encoded(deprecated)).body())
                .contains("deprecated — use 测试首选说法", "href=\"/entries/" + unpublishedEntry + "\"");
        assertThat(wang.get("/review").body()).doesNotContain("data-term=\"" + deprecated + "\"");

        // A visitor does not learn that the unpublished entry exists.
        WebSession visitor = new WebSession(server.getPort());
        JsonNode plain = json(visitor, "/api/candidates/" + encoded(deprecated));
        assertThat(plain.get("status").asText()).isEqualTo("open");
        assertThat(plain.get("glossary").isNull()).isTrue();
        assertThat(terms(json(visitor, "/api/candidates?status=open&size=500"))).contains(deprecated);
        assertThat(visitor.get("/candidates/" + encoded(deprecated)).body())
                .doesNotContain("已在术语库", "测试首选说法", "/entries/" + unpublishedEntry);
    }

    private static JsonNode json(WebSession session, String path) throws Exception {
        var response = session.send(java.net.http.HttpRequest.newBuilder(session.uri(path))
                .header("Accept", "application/json"));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> terms(JsonNode page) {
        List<String> terms = new ArrayList<>();
        page.get("candidates").forEach(row -> terms.add(row.get("term").asText()));
        return terms;
    }

    private static String encoded(String term) {
        return URLEncoder.encode(term, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
