package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.mining.CandidateStore;

/** Mining after each load, as {@code serve} and {@code ingest} run it: candidates stored, decisions kept. */
class MiningAfterLoadTest {

    private static final String FIGHTERS = "外国恐怖主义作战人员";
    private static final Pattern MINED = Pattern.compile("(?m)^mined (\\d+) candidates$");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldMineAfterAnIngestThatChangedSomethingAndKeepTheDecisions(@TempDir Path temp) throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        for (String file : new String[] {"000_feb26cac1e66415a.txt", "001_6ac443a3a27de7fa.txt",
                "002_301916e16f1a9f54.txt", "003_084c51de261bf550.txt"}) {
            Files.copy(Path.of("glossary/corpus/un-zh", file), corpus.resolve(file));
        }
        Path data = temp.resolve("data");

        assertThat(ingest(corpus, data)).isZero();
        assertThat(output()).contains("4 loaded, 0 replaced, 0 unchanged, 0 refused");
        assertThat(mined()).isGreaterThan(500);
        try (ApplicationContext context = open(data)) {
            CandidateStore store = context.getBean(CandidateStore.class);
            // Without the Secretary-General's report only the ECOSOC resolution uses this wording, and
            // it is listed under the other one; a decision on the string holds whatever row it is in.
            CandidateStore.Page listed = store.page(new CandidateStore.Filter(FIGHTERS, 0, 0, 0, 0, null, null,
                    "rank", 1, 10));
            assertThat(listed.rows()).extracting(CandidateStore.Row::term).containsExactly("外国恐怖主义战斗人员");
            assertThat(store.find(FIGHTERS)).isEmpty();
            store.decide(FIGHTERS, CandidateStore.Status.APPROVED, null, "li.wei");
            store.decide("数据库", CandidateStore.Status.REJECTED, "a general word", "li.wei");
        }

        out.reset();
        assertThat(ingest(corpus, data)).isZero();
        assertThat(output()).contains("0 loaded, 0 replaced, 4 unchanged").doesNotContain("mined ");

        out.reset();
        Files.copy(Path.of("glossary/corpus/un-zh/004_9d7d9abcfa7e8f17.txt"), corpus.resolve("report.txt"));
        assertThat(ingest(corpus, data)).isZero();
        assertThat(output()).contains("1 loaded, 0 replaced, 4 unchanged");
        int mined = mined();
        try (ApplicationContext context = open(data)) {
            CandidateStore store = context.getBean(CandidateStore.class);
            assertThat(store.lastRun().orElseThrow().documents()).isEqualTo(5);
            assertThat(store.lastRun().orElseThrow().candidates()).isEqualTo(mined);
            CandidateStore.Detail fighters = store.find(FIGHTERS).orElseThrow();
            assertThat(fighters.row().frequency()).isEqualTo(21);
            assertThat(fighters.row().status()).isEqualTo(CandidateStore.Status.APPROVED);
            assertThat(store.find("数据库").orElseThrow().decision().orElseThrow().reason()).isEqualTo("a general word");
        }
    }

    @Test
    void shouldMineTheFirstCorpusBeforeTheServerAnswers(@TempDir Path data) throws Exception {
        try (ApplicationContext server = Paraterm.startServer(Options.parse(org.paraterm.TestDatabase.command("serve",
                "--data", data.toString(), "--port", "0")), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            String printed = output();
            assertThat(printed.indexOf("mined ")).isGreaterThan(printed.indexOf("loaded 004_9d7d9abcfa7e8f17.txt"))
                    .isLessThan(printed.indexOf("paraterm is ready"));
            assertThat(mined()).isGreaterThan(1000);

            HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + server.getBean(EmbeddedServer.class).getPort() + "/candidates")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains(FIGHTERS, "共 " + mined() + " 条");
        }
    }

    private int ingest(Path corpus, Path data) {
        return Paraterm.run(org.paraterm.TestDatabase.command("ingest", corpus.toString(), "--data", data.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static ApplicationContext open(Path data) {
        return ApplicationContext.run(org.paraterm.TestDatabase.properties(data.toAbsolutePath().normalize()));
    }

    private int mined() {
        Matcher matcher = MINED.matcher(output());
        assertThat(matcher.find()).as("a line 'mined N candidates' in:%n%s", output()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
