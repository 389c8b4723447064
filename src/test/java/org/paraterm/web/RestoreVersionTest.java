package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.security.Role;
import org.paraterm.security.WebSession;

/**
 * Restoring an earlier version of an entry that has no evidence: every starter entry and every
 * imported one. Their stored versions hold no evidence list, which once made every restore of them
 * fail with a 500.
 */
class RestoreVersionTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withStarterGlossary()
                .withAccount("wang", "terminologist secret", Role.TERMINOLOGIST).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldRestoreTheStarterVersionOfAnEditedStarterEntryThroughTheJsonApi() throws Exception {
        WebSession wang = signedIn();
        // Entry 2 of the starter glossary: 偷运移民, smuggling of migrants.
        String token = WebSession.token(wang.get("/entries/2").body());

        HttpResponse<String> edited = json(wang, token, "PUT", "/api/entries/2", """
                {"version": 1, "subject": "crime",
                 "terms": [{"lang": "zh", "text": "偷运移民", "usage": "preferred"},
                           {"lang": "en", "text": "migrant smuggling", "usage": "preferred"}]}""");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).doesNotContain("smuggling of migrants");

        HttpResponse<String> restored = json(wang, token, "POST", "/api/entries/2/restore",
                "{\"version\": 2, \"from\": 1}");

        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(restored.body()).contains("\"version\":3", "\"text\":\"smuggling of migrants\"",
                "\"text\":\"migrant smuggling\",\"type\":\"variant\"", "\"evidence\":[]");
        assertThat(wang.get("/entries/2").body()).contains("smuggling of migrants", "restore version 1");
    }

    @Test
    void shouldRestoreTheStarterVersionOfAnEditedStarterEntryWithTheHistoryPagesButton() throws Exception {
        WebSession wang = signedIn();
        // Entry 3 of the starter glossary: 贩运人口, trafficking in persons.
        String token = WebSession.token(wang.get("/entries/3").body());
        HttpResponse<String> edited = json(wang, token, "PUT", "/api/entries/3", """
                {"version": 1, "subject": "crime", "definitionEn": "A first draft.",
                 "terms": [{"lang": "zh", "text": "贩运人口", "usage": "preferred"},
                           {"lang": "en", "text": "human trafficking", "usage": "preferred"}]}""");
        assertThat(edited.statusCode()).isEqualTo(200);
        String page = wang.get("/entries/3").body();
        assertThat(page).contains("Restore v1");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", WebSession.token(page));
        form.put("version", "2");
        form.put("from", "1");
        form.put("do", "restore");
        HttpResponse<String> restored = wang.post("/entries/3/action", form);

        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(restored.headers().firstValue("location").orElse("")).startsWith("/entries/3?done=");
        assertThat(wang.get("/entries/3").body()).contains("restore version 1");
        String entry = json(wang, WebSession.token(page), "GET", "/api/entries/3", "").body();
        assertThat(entry).contains("\"version\":3", "\"text\":\"trafficking in persons\"")
                .doesNotContain("A first draft.");
    }

    private static WebSession signedIn() throws Exception {
        WebSession session = new WebSession(server.getPort());
        assertThat(session.signIn("wang", "terminologist secret").statusCode()).isEqualTo(303);
        return session;
    }

    private static HttpResponse<String> json(WebSession session, String token, String method, String path,
                                             String body) throws Exception {
        return session.send(HttpRequest.newBuilder(session.uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-CSRF-Token", token)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }
}
