package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.concordance.ConcordanceIndex;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.DocumentStore;
import org.paraterm.mining.CandidateStore;
import org.paraterm.mining.Mining;
import org.paraterm.mining.MiningSettings;
import org.paraterm.security.Role;
import org.paraterm.security.WebSession;

/**
 * Documents uploaded on /admin/corpus through a real server: the upload stores the document and
 * answers at once; the concordance index and the candidates are brought up to date by a background
 * job whose state the page and /admin/corpus/status show, with the data folder's mining settings.
 */
class CorpusUploadJobTest {

    private static final Path BUNDLED = Path.of("glossary", "corpus", "un-zh");
    private static final Duration DEADLINE = Duration.ofMinutes(1);

    @TempDir
    static Path data;

    private static EmbeddedServer server;
    private static ObjectMapper json;

    @BeforeAll
    static void start() throws Exception {
        // A terminology unit's own settings, which the web's re-mining must use as ingest does.
        Files.writeString(data.resolve("mining.properties"), "mining.min-freq = 4\nmining.weight.cohesion = 0.8\n");
        server = TestServer.in(data).with("paraterm.data", data.toString())
                .withAccount("chief", "admin password 1", Role.ADMIN).start();
        json = server.getApplicationContext().getBean(ObjectMapper.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldAnswerUploadsAtOnceAndMineThemInTheBackgroundInAtMostTwoRuns() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        int runsBefore = completeRuns();
        List<String> answers = new ArrayList<>();
        List<String> states = new ArrayList<>();

        // While this test holds the concordance index, the job cannot get past its first step
        // (ConcordanceIndex.synchronize is synchronized on it): every upload must answer all the same.
        ConcordanceIndex index = server.getApplicationContext().getBean(ConcordanceIndex.class);
        synchronized (index) {
            for (String file : List.of("000_feb26cac1e66415a.txt", "002_301916e16f1a9f54.txt",
                    "003_084c51de261bf550.txt")) {
                HttpResponse<String> answer = upload(chief, token, "upload-" + file, Files.readAllBytes(
                        BUNDLED.resolve(file)));
                answers.add(answer.statusCode() + " " + location(answer));
                states.add(status(chief).get("state").toString());
            }
        }
        Map<String, Object> done = awaitDone(chief);

        assertThat(answers).allSatisfy(answer -> assertThat(answer).startsWith("303 /admin/corpus?done=loaded upload-")
                .endsWith("; the corpus will be mined again in the background (its state is shown below)"));
        assertThat(states).allSatisfy(state -> assertThat(state).isIn("queued", "running"));
        assertThat(done.get("message").toString()).startsWith("mining done at ");
        // The second and third upload came while the first run waited: they are gathered into one more run.
        assertThat(completeRuns() - runsBefore).isBetween(1, 2);
        CandidateStore.LastRun run = candidates().lastRun().orElseThrow();
        assertThat(run.documents()).isEqualTo(documents().count());
        assertThat(run.candidates()).isPositive();
        assertThat(chief.get("/admin/corpus").body()).contains("<p role=\"status\" class=\"job done\">mining done at ");
        HttpResponse<String> candidatesApi = chief.send(HttpRequest.newBuilder(chief.uri("/api/candidates"))
                .header("Accept", "application/json"));
        assertThat(((Number) json.readValue(candidatesApi.body(), Map.class).get("total")).intValue())
                .isEqualTo(run.candidates());
    }

    @Test
    void shouldMineAWebUploadWithTheDataFoldersMiningProperties() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());

        HttpResponse<String> answer = upload(chief, token, "report.txt",
                Files.readAllBytes(BUNDLED.resolve("004_9d7d9abcfa7e8f17.txt")));
        awaitDone(chief);

        assertThat(answer.statusCode()).isEqualTo(303);
        List<CleanDocument> stored = new ArrayList<>();
        for (DocumentStore.Summary summary : documents().list()) {
            stored.add(documents().find(summary.id()).orElseThrow());
        }
        MiningSettings ours = MiningSettings.forDataFolder(data, null, 0);
        int withOurs = Mining.run(stored, ours).size();
        int withDefaults = Mining.run(stored, MiningSettings.defaults()).size();
        assertThat(ours.minFreq()).isEqualTo(4);
        assertThat(withOurs).isNotEqualTo(withDefaults);
        assertThat(candidates().lastRun().orElseThrow().candidates()).isEqualTo(withOurs);
    }

    @Test
    void shouldShowAFailedRunWithItsReasonAndKeepThePreviousCandidates() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        Path settings = data.resolve("mining.properties");
        String good = Files.readString(settings);
        upload(chief, token, "first.txt", Files.readAllBytes(BUNDLED.resolve("001_6ac443a3a27de7fa.txt")));
        awaitDone(chief);
        CandidateStore.LastRun before = candidates().lastRun().orElseThrow();
        Map<String, Object> failed;
        try {
            Files.writeString(settings, "mining.min-freq = often\n");
            upload(chief, token, "second.txt", Files.readAllBytes(BUNDLED.resolve("003_084c51de261bf550.txt")));
            failed = await(chief, "failed");
        } finally {
            Files.writeString(settings, good);
        }

        assertThat(failed.get("message").toString()).startsWith("mining failed at ").contains(
                "the mining settings are not valid: " + settings + ": mining.min-freq: 'often' is not a whole number",
                "the candidates of the previous run are still shown");
        assertThat(candidates().lastRun().orElseThrow()).isEqualTo(before);
        assertThat(chief.get("/admin/corpus").body()).contains("class=\"job failed\">mining failed at ");
    }

    private static WebSession admin() throws Exception {
        WebSession chief = new WebSession(server.getPort());
        chief.signIn("chief", "admin password 1");
        return chief;
    }

    /** A browser's upload, with a deadline: an upload that waited for mining would not answer in this test. */
    private static HttpResponse<String> upload(WebSession session, String token, String name, byte[] content)
            throws Exception {
        String boundary = "paraterm-job-test";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session.send(HttpRequest.newBuilder(session.uri("/admin/corpus?_csrf=" + token)).timeout(DEADLINE)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(WebSession session) throws Exception {
        HttpResponse<String> response = session.send(HttpRequest.newBuilder(session.uri("/admin/corpus/status"))
                .header("Accept", "application/json"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }

    /** Polls the job's state until it is done, failing if it fails or the deadline passes. */
    private static Map<String, Object> awaitDone(WebSession session) throws Exception {
        return await(session, "done");
    }

    /** Polls the job's state until it is {@code wanted} (done or failed), failing on the other or at the deadline. */
    private static Map<String, Object> await(WebSession session, String wanted) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Map<String, Object> status = status(session);
        while (!status.get("state").equals(wanted)) {
            assertThat(status.get("state")).as(status.toString()).isNotIn("done", "failed");
            assertThat(System.nanoTime()).as("the job did not finish within %s: %s", DEADLINE, status)
                    .isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
            status = status(session);
        }
        return status;
    }

    private static String location(HttpResponse<String> response) {
        return URLDecoder.decode(response.headers().firstValue("Location").orElse(""), StandardCharsets.UTF_8);
    }

    private static int completeRuns() throws Exception {
        try (Connection connection = server.getApplicationContext().getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM mining_run WHERE complete = TRUE")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static CandidateStore candidates() {
        return server.getApplicationContext().getBean(CandidateStore.class);
    }

    private static DocumentStore documents() {
        return server.getApplicationContext().getBean(DocumentStore.class);
    }
}
