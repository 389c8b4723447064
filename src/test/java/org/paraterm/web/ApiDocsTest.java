package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.paraterm.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.security.WebSession;

/** The API description stays true to the server: every JSON route documented, nothing documented that is not there. */
class ApiDocsTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldDocumentExactlyTheRoutesTheApiServes() {
        TreeSet<String> served = new TreeSet<>();
        server.getApplicationContext().getBean(Router.class).uriRoutes()
                .map(route -> route.getHttpMethod() + " " + route.getUriMatchTemplate().toPathString())
                .filter(route -> route.contains(" /api/") && !route.startsWith("HEAD "))
                .forEach(served::add);
        TreeSet<String> documented = new TreeSet<>(server.getApplicationContext().getBean(ApiDocs.class)
                .documentedOperations());

        assertThat(served).isNotEmpty();
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void shouldServeTheDescriptionAsOpenApiJson() throws Exception {
        String body = new WebSession(server.getPort()).send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.getPort() + "/openapi")).header("Accept", "application/json")).body();

        JsonNode spec = new ObjectMapper().readTree(body);
        assertThat(spec.get("openapi").asText()).startsWith("3.0");
        assertThat(spec.get("paths").has("/api/entries")).isTrue();
    }

    @Test
    void shouldShowTheDescriptionAsAPageWithOperationsAndSchemas() throws Exception {
        String page = new WebSession(server.getPort()).get("/openapi").body();

        assertThat(page).contains("<code>/api/entries/{id}</code>", "id=\"schema-Entry\"", "需要登录 needs an account",
                "action=\"/api/entries\"", "exact-preferred");
        assertThat(List.of(page.split("<article class=\"operation\"")).size() - 1)
                .isEqualTo(server.getApplicationContext().getBean(ApiDocs.class).documentedOperations().size());
    }
}
