package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.security.Role;
import org.paraterm.security.WebSession;

/**
 * Markup typed into terms, definitions, notes, comments and queries is shown as text on every page
 * that shows it, never run: an entry and a comment carrying a script element and an attribute
 * break-out are created through the API, then every page that shows them is read.
 */
class EscapingTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String BREAKOUT = "\"><img src=x onerror=alert(2)>";
    private static final String SCRIPT_SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static long entry;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withMinedCorpus().withStarterGlossary()
                .withAccount("wang", "terminologist secret", Role.TERMINOLOGIST).start();
        HttpResponse<String> created = api("POST", "/api/entries", """
                {"status": "approved", "subject": "%1$s", "definitionZh": "打击%1$s", "definitionEn": "%2$s", "note": "%2$s %1$s",
                 "terms": [{"lang": "zh", "text": "网络犯罪%1$s", "usage": "preferred", "note": "%2$s"},
                           {"lang": "en", "text": "cybercrime %2$s", "usage": "preferred", "source": "%1$s"}]}"""
                .formatted(json(SCRIPT), json(BREAKOUT)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        entry = Long.parseLong(id.group(1));
        assertThat(api("POST", "/api/entries/" + entry + "/publish", "{\"version\": 1, \"published\": true}")
                .statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/entries/" + entry + "/comments", "{\"text\": \"" + json(SCRIPT + " " + BREAKOUT)
                + "\"}").statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldShowMarkupInAnEntryAndItsCommentsAsTextToVisitorsAndTerminologists() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");

        assertEscaped(visitor.get("/entries/" + entry), true);
        assertEscaped(wang.get("/entries/" + entry), true);
        assertEscaped(wang.get("/entries/" + entry + "/edit"), true);
        assertEscaped(visitor.get("/browse"), true);
        assertEscaped(wang.get("/entries"), true);
    }

    @Test
    void shouldShowMarkupInSearchesAndConcordanceQueriesAsTextWhenTheyAreEchoedBack() throws Exception {
        WebSession visitor = new WebSession(server.getPort());

        for (String query : new String[] {SCRIPT, BREAKOUT, "网络犯罪" + SCRIPT}) {
            String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
            assertEscaped(visitor.get("/entries?q=" + q), false);
            assertEscaped(visitor.get("/concordance?q=" + q), false);
            assertEscaped(visitor.get("/candidates?q=" + q), false);
            assertEscaped(visitor.get("/browse?q=" + q), false);
            assertEscaped(visitor.get("/candidates/" + q), false);
            assertEscaped(visitor.get("/entries/" + q), false);
        }
        // The exact term found: the search goes straight to the entry, which says which term was looked up.
        HttpResponse<String> found = visitor.get("/entries?q=" + URLEncoder.encode("网络犯罪" + SCRIPT, StandardCharsets.UTF_8));
        assertThat(found.statusCode()).isEqualTo(303);
        assertEscaped(visitor.get(found.headers().firstValue("Location").orElseThrow()), true);
    }

    @Test
    void shouldShowMarkupInTheAtomFeedAndTheTextCheckAsText() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        HttpResponse<String> feed = visitor.get("/browse/recent.atom");
        HttpResponse<String> check = visitor.upload("/check", "", "file", "check.txt",
                ("各国应打击网络犯罪" + SCRIPT + "，并" + BREAKOUT).getBytes(StandardCharsets.UTF_8));

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).doesNotContain(SCRIPT, "<img");
        assertEscaped(check, true);
    }

    /** The page renders, holds neither piece of markup as markup, and (when it must) shows the text. */
    private static void assertEscaped(HttpResponse<String> page, boolean showsTheEntry) {
        assertThat(page.statusCode()).as(page.uri().toString()).isBetween(200, 404);
        assertThat(page.body()).as(page.uri().toString()).doesNotContain(SCRIPT, "<img src=x", "<img src=\"x\"");
        if (showsTheEntry) {
            assertThat(page.body()).as(page.uri().toString()).contains(SCRIPT_SHOWN);
        }
    }

    private static HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("wang:terminologist secret".getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
