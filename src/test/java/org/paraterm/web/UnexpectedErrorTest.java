package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;

/**
 * Any unexpected failure, in a controller or while a template is rendered, is answered at once
 * with a 500: our error page for a browser, a JSON error for the API, neither naming a class or
 * showing a stack trace. The failing routes come from {@link FailingPages} (test sources only).
 */
class UnexpectedErrorTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).with("paraterm.test.failing-pages", true).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldAnswerATemplateThatFailsWhileRenderingWithTheErrorPage() throws Exception {
        for (String path : new String[] {"/test-failures/rendering", "/test-failures/rendering-blocking"}) {
            HttpResponse<String> response = get(path, "text/html");

            assertThat(response.statusCode()).as(path).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(response.body()).as(path).contains("Something went wrong on the server", "首页 Home")
                    .doesNotContain("before the failure", "Exception", "zero", "thymeleaf", "org.", "at ");
        }
    }

    @Test
    void shouldAnswerAControllerFailureWithTheErrorPageWithoutItsMessage() throws Exception {
        HttpResponse<String> response = get("/test-failures/controller", "text/html");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Something went wrong on the server")
                .doesNotContain("secret", "entry_term", "IllegalStateException");
    }

    @Test
    void shouldAnswerAnApiFailureWithAJsonError() throws Exception {
        HttpResponse<String> response = get("/test-failures/api", "application/json");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\"").doesNotContain("secret", "entry_term", "IllegalStateException");
    }

    @Test
    void shouldGoOnServingAfterAFailedRendering() throws Exception {
        get("/test-failures/rendering", "text/html");

        assertThat(get("/", "text/html").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
