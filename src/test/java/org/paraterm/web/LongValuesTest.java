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
 * Values longer than the columns that store them: a field the person typed is refused with the
 * field named (never a database error), and a description the server writes itself, such as the
 * history line of an added rendering, is kept.
 */
class LongValuesTest {

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
    void shouldAddAnEnglishRenderingLongerThanTheOldHistoryColumnAndShowItInTheHistory() throws Exception {
        WebSession wang = signedIn();
        // Entry 2 of the starter glossary: 偷运移民, smuggling of migrants.
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", WebSession.token(wang.get("/entries/2").body()));
        form.put("entry", "2");
        form.put("version", "1");
        form.put("english", "smuggling of migrants by land, sea and air");
        form.put("back", "/entries/2");

        HttpResponse<String> added = wang.post("/review/rendering", form);

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("location").orElse("")).contains("done=");
        assertThat(wang.get("/entries/2").body())
                .contains("add English rendering smuggling of migrants by land, sea and air");
    }

    @Test
    void shouldRefuseASubjectOrLanguageLongerThanItsColumnNamingTheField() throws Exception {
        WebSession wang = signedIn();
        String token = WebSession.token(wang.get("/entries/3").body());

        HttpResponse<String> subject = json(wang, token, "PUT", "/api/entries/3", "{\"version\": 1, \"subject\": \""
                + "transnational organized crime and ".repeat(7)
                + "\", \"terms\": [{\"lang\": \"zh\", \"text\": \"贩运人口\"}]}");
        HttpResponse<String> language = json(wang, token, "POST", "/api/entries",
                "{\"terms\": [{\"lang\": \"zh-hans-cn-unterm\", \"text\": \"贩运人口\"}]}");

        assertThat(subject.statusCode()).isEqualTo(400);
        assertThat(subject.body()).contains("subject: longer than 200 characters (238)");
        assertThat(language.statusCode()).isEqualTo(400);
        assertThat(language.body()).contains("terms[0].lang: longer than 10 characters");
        assertThat(subject.body() + language.body()).doesNotContain("SQL", "VARYING", "UPDATE", "INSERT");
        assertThat(json(wang, token, "GET", "/api/entries/3", "").body()).contains("\"version\":1");
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
