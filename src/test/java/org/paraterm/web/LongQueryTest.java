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
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;

/**
 * Very long queries — a 100 KB {@code q=} pasted by mistake or sent on purpose — are answered at
 * once with a clear 400 or 414, on pages and in the API, never with a 500 or a hang, and the
 * server goes on answering.
 */
class LongQueryTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** About 100 KB once encoded: a real sentence of the corpus again and again. */
    private static final String HUGE = URLEncoder.encode("会员国打击跨国有组织犯罪".repeat(1_000), StandardCharsets.UTF_8);
    /** Over the concordance's 200 characters but well inside a URL: the application must refuse it itself. */
    private static final String LONG = URLEncoder.encode("毒品和犯罪问题办公室".repeat(30), StandardCharsets.UTF_8);

    private static final String[] PATHS = {"/entries?q=", "/concordance?q=", "/concordance.csv?q=",
        "/candidates?q=", "/browse?q=", "/api/entries?q=", "/api/entries/suggest?q=", "/api/concordance?q=",
        "/api/concordance/counts?q=", "/api/candidates?q="};

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withMinedCorpus().withStarterGlossary().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldRefuseAHundredKilobyteQueryWithAClearErrorOnEveryPageAndApi() throws Exception {
        assertThat(HUGE.length()).isBetween(100_000, 120_000);
        for (String path : PATHS) {
            for (String accept : new String[] {"text/html", "application/json", "*/*"}) {
                HttpResponse<String> response = get(path + HUGE, accept);

                assertThat(response.statusCode()).as(path + " " + accept + ": " + response.body()).isIn(400, 414);
                assertThat(response.body()).as(path).containsIgnoringCase("too long")
                        .doesNotContain("Exception", "io.micronaut", "io.netty");
            }
        }
        assertThat(get("/concordance?q=" + URLEncoder.encode("会员国", StandardCharsets.UTF_8), "text/html")
                .body()).contains("251");
    }

    @Test
    void shouldAnswerAQueryOfAFewThousandCharactersWithoutAServerError() throws Exception {
        for (String path : PATHS) {
            HttpResponse<String> response = get(path + LONG, path.contains(".csv") ? "text/csv"
                    : path.startsWith("/api/") ? "application/json" : "text/html");

            assertThat(response.statusCode()).as(path).isIn(200, 400);
            assertThat(response.body()).as(path).doesNotContain("Exception", "Something went wrong");
        }
        HttpResponse<String> concordance = get("/api/concordance?q=" + LONG, "application/json");
        assertThat(concordance.statusCode()).isEqualTo(400);
        assertThat(concordance.body()).contains("200");
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
