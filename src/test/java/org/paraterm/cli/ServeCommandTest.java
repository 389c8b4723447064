package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.parallel.ParallelStore;

/** {@code serve} as a user starts it: database, first load, then the port. */
class ServeCommandTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void shouldLoadTheBundledCorpusOnFirstStartAndOnlyThen(@TempDir Path data) throws Exception {
        try (ApplicationContext first = start("--data", data.toString(), "--port", "0")) {
            String printed = printed();
            assertThat(printed.lines().filter(line -> line.startsWith("loaded "))).hasSize(6);
            assertThat(printed).contains("loaded 004_9d7d9abcfa7e8f17.txt")
                    .contains("loaded parallel unpc-dev: 4000 units")
                    .contains("paraterm is ready: open http://localhost:" + port(first) + "/");

            HttpResponse<String> health = get(first, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(first, "/").body()).contains("<span>5</span>");
            HttpResponse<String> css = get(first, "/assets/paraterm.css");
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.body()).contains("line-break: strict");
        }
        out.reset();

        try (ApplicationContext second = start("--data", data.toString(), "--port", "0")) {
            assertThat(printed()).doesNotContain("loaded ").contains("paraterm is ready");
            assertThat(get(second, "/documents").body()).contains("A/RES/75/10");
            assertThat(second.getBean(ParallelStore.class).count()).isEqualTo(4000);
        }
    }

    @Test
    void shouldLoadTheCorpusGivenWithCorpusInstead(@TempDir Path temp) throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.copy(Path.of("glossary/corpus/un-zh/003_084c51de261bf550.txt"), corpus.resolve("ecosoc.txt"));

        try (ApplicationContext server = start("--data", temp.resolve("data").toString(), "--port", "0",
                "--corpus", corpus.toString())) {
            assertThat(printed()).contains("loaded ecosoc.txt").doesNotContain("000_feb26cac1e66415a.txt");
            assertThat(get(server, "/documents").body()).contains("E/RES/2019/21").doesNotContain("S/2020/754");
        }
    }

    @Test
    void shouldExplainAPortInUseInOneLine(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> start("--data", data.toString(), "--port", String.valueOf(taken.getLocalPort())))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot listen on port " + taken.getLocalPort() + ":");
        }
    }

    private ApplicationContext start(String... args) throws Exception {
        String[] serve = new String[args.length + 1];
        serve[0] = "serve";
        System.arraycopy(args, 0, serve, 1, args.length);
        return Paraterm.startServer(Options.parse(org.paraterm.TestDatabase.command(serve)), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int port(ApplicationContext context) {
        return context.getBean(EmbeddedServer.class).getPort();
    }

    private static HttpResponse<String> get(ApplicationContext context, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(context) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
