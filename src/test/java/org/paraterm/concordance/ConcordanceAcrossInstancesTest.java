package org.paraterm.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.corpus.CorpusLoader;

/**
 * Two paraterm servers on one database, each with its own concordance index, as behind a load
 * balancer: a document loaded through the first reaches the second's concordance within seconds,
 * without a restart. On the PostgreSQL run (TestDatabase) both share one PostgreSQL database; on
 * H2 one file, opened by both from this one process. Either way the second server learns of the
 * load only from the database: the two have no object in common.
 */
class ConcordanceAcrossInstancesTest {

    private static final Path CORPUS = Path.of("glossary", "corpus", "un-zh");
    /** E/RES/2019/21, the ECOSOC resolution on technical assistance against terrorism. */
    private static final String ECOSOC = "003_084c51de261bf550.txt";

    @TempDir
    static Path temp;

    private static EmbeddedServer first;
    private static EmbeddedServer second;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        Path database = Files.createDirectories(temp.resolve("shared"));
        first = TestServer.in(database).start();
        second = TestServer.in(database).start();
        Path withoutEcosoc = Files.createDirectories(temp.resolve("four"));
        for (String name : List.of("000_feb26cac1e66415a.txt", "001_6ac443a3a27de7fa.txt", "002_301916e16f1a9f54.txt",
                "004_9d7d9abcfa7e8f17.txt")) {
            Files.copy(CORPUS.resolve(name), withoutEcosoc.resolve(name));
        }
        first.getApplicationContext().getBean(CorpusLoader.class).load(withoutEcosoc, (done, total, result) -> { });
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void shouldShowADocumentLoadedThroughTheFirstServerInTheSecondServersConcordance() throws Exception {
        String before = waitFor(() -> counts(second), body -> total(body) > 0);
        assertThat(before).doesNotContain("E/RES/2019/21");
        int totalBefore = total(before);

        Path ecosoc = Files.createDirectories(temp.resolve("ecosoc"));
        Files.copy(CORPUS.resolve(ECOSOC), ecosoc.resolve(ECOSOC));
        first.getApplicationContext().getBean(CorpusLoader.class).load(ecosoc, (done, total, result) -> { });
        long loaded = System.nanoTime();

        String after = waitFor(() -> counts(second), body -> body.contains("E/RES/2019/21"));
        // Printed, not asserted: how soon depends on the machine; the interval itself is RecentReadingTest's.
        System.out.println("the second server's concordance showed the new document after "
                + (System.nanoTime() - loaded) / 1_000_000 + " ms");
        assertThat(after).contains("E/RES/2019/21");
        assertThat(total(after)).isGreaterThan(totalBefore);
        assertThat(total(after)).isEqualTo(total(counts(first)));
    }

    private interface Request {
        String body() throws Exception;
    }

    private interface Check {
        boolean done(String body);
    }

    /**
     * Asks again every 100 ms until the answer passes the check, for at most a minute (a generous
     * deadline, not a measure: the change reaches the other server within about a second); the
     * last answer either way.
     */
    private static String waitFor(Request request, Check check) throws Exception {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        String body = request.body();
        while (!check.done(body) && System.nanoTime() < until) {
            Thread.sleep(100);
            body = request.body();
        }
        return body;
    }

    private static String counts(EmbeddedServer server) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + server.getPort() + "/api/concordance/counts?q=" + URLEncoder.encode("恐怖主义", StandardCharsets.UTF_8)))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static int total(String body) {
        Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(body);
        assertThat(total.find()).as(body).isTrue();
        return Integer.parseInt(total.group(1));
    }
}
