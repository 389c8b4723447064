package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.DocumentStore;

/** The pages through a real HTTP server and client, on the bundled corpus. */
class DocumentPagesTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> properties = new java.util.HashMap<>(org.paraterm.TestDatabase.properties(temp));
        properties.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        assertThat(get("/health").statusCode()).isEqualTo(503);
        server.getApplicationContext().getBean(CorpusLoader.class)
                .load(Path.of("glossary", "corpus", "un-zh"), (done, total, result) -> { });
        server.getApplicationContext().getBean(Readiness.class).markReady();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldAnswerHealthOnceReady() throws Exception {
        HttpResponse<String> health = get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void shouldListTheFiveDocumentsWithSymbolTitleBodyAndDate() throws Exception {
        HttpResponse<String> page = get("/documents");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("A/RES/75/10", "A/C.3/74/L.18", "A/RES/64/179", "E/RES/2019/21", "S/2020/754")
                .contains("联合国同国际刑事警察组织(国际刑警组织)的合作")
                .contains("Economic and Social Council")
                .contains("2020-11-23");
    }

    @Test
    void shouldShowADocumentWithFootnoteMarksFootnotesAndLinkedSymbols() throws Exception {
        long id = server.getApplicationContext().getBean(DocumentStore.class).list().stream()
                .filter(d -> "S/2020/754".equals(d.symbol())).findFirst().orElseThrow().id();

        String page = get("/documents/" + id).body();

        assertThat(page).contains("罪问题办公室继续加强海关和执法人员的能力")
                .contains("<sup><a href=\"#fn1\" id=\"fnref1-1\">1</a></sup>")
                .contains("id=\"fn1\"")
                .contains("href=\"#fnref1-1\"")
                .contains("<a href=\"https://undocs.org/S/2020/493\" rel=\"noopener\">S/2020/493</a>")
                .contains("https://undocs.org/S/RES/2482(2019)")
                .contains("id=\"p5\"");
    }

    @Test
    void shouldAnswerAnUnknownDocumentWithAPlainNotFoundPage() throws Exception {
        HttpResponse<String> missing = get("/documents/999999");
        HttpResponse<String> garbage = get("/documents/%3Cscript%3E");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(garbage.statusCode()).isEqualTo(404);
        assertThat(garbage.body()).doesNotContain("<script>").doesNotContain("Exception");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
