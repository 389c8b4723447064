package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.Database;
import org.paraterm.KillPoint;
import org.paraterm.backup.DatabaseTables;

/**
 * kill -9 during the two jobs that rebuild something whole: a {@code restore} (staging database
 * loaded, then renamed over the old one) and the concordance index rebuilt at a start (after a
 * restore, or when the index is missing). Like {@link KillRecoveryTest}, paraterm runs as a child
 * process that stops at a {@link KillPoint} and is killed there, and the job runs again in this
 * JVM. The data folders are H2 files on every test run: the staging-and-rename these tests kill is
 * the H2 restore's (a restore into PostgreSQL is one transaction after Flyway,
 * docs/11-backup-and-faults.md; BackupAcrossDatabasesTest kills that one).
 */
class RestoreKillRecoveryTest {

    @TempDir
    static Path shared;

    /** The bundled corpus loaded and mined, and a backup of it. */
    private static Path source;
    private static Path backup;
    private static Map<String, Long> sourceRows;

    @TempDir
    Path temp;

    @BeforeAll
    static void backUpAMinedCorpus() throws Exception {
        source = shared.resolve("source");
        backup = shared.resolve("backup.zip");
        run("ingest", "glossary/corpus/un-zh", "--data", source.toString());
        run("backup", "--data", source.toString(), "--out", backup.toString());
        sourceRows = rowCounts(source);
    }

    @Test
    void shouldKeepTheOldDatabaseWhenARestoreIsKilledAndCompleteTheRestoreWhenRunAgain() throws Exception {
        Path data = temp.resolve("data");
        run("import", "glossary/starter.tbx", "--data", data.toString());
        Map<String, Long> oldRows = rowCounts(data);

        Child restore = Child.startPausedAt(KillPoint.RESTORE_ROWS_LOADED,
                "restore", backup.toString(), "--data", data.toString(), "--force");
        restore.awaitPause();
        restore.kill();

        assertThat(data.resolve("restore.tmp")).as("the killed restore's staging folder").exists();
        assertThat(rowCounts(data)).as("the old database").isEqualTo(oldRows);

        String again = run("restore", backup.toString(), "--data", data.toString(), "--force");

        assertThat(again).contains("restored " + backup + " into " + data.toAbsolutePath());
        assertThat(rowCounts(data)).isEqualTo(sourceRows);
        assertThat(data.resolve("restore.tmp")).doesNotExist();
    }

    @Test
    void shouldRebuildTheConcordanceIndexWhenAStartIsKilledWhileIndexing() throws Exception {
        Path data = temp.resolve("data");
        run("restore", backup.toString(), "--data", data.toString());
        assertThat(data.resolve("index")).doesNotExist();

        Child first = Child.startPausedAt(KillPoint.INDEX_HALF_BUILT,
                "serve", "--port", Child.freePort(), "--data", data.toString());
        first.awaitPause();
        first.kill();
        assertThat(first.output()).contains("concordance: indexing 5 documents")
                .doesNotContain("paraterm is ready").doesNotContain("indexed 5 documents");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ApplicationContext again = Paraterm.startServer(Options.parse(new String[] {"serve", "--port", "0",
                "--data", data.toString()}), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("indexed 5 documents for the concordance");
            int port = again.getBean(EmbeddedServer.class).getPort();
            assertThat(get(port, "/api/concordance/counts?q=" + URLEncoder.encode("会员国", StandardCharsets.UTF_8)))
                    .contains("\"total\":251");
        }
        assertThat(count(data, "SELECT COUNT(*) FROM document")).isEqualTo(5);
    }

    /** Row counts of a data folder's H2 file (a restore with --data is always into H2). */
    private static Map<String, Long> rowCounts(Path data) throws SQLException {
        try (Connection connection = Database.h2(data.toAbsolutePath().normalize()).connect()) {
            return DatabaseTables.rowCounts(connection);
        }
    }

    private static long count(Path data, String sql) throws SQLException {
        try (Connection connection = Database.h2(data.toAbsolutePath().normalize()).connect();
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A command in this JVM; its exit status must be 0. What it printed. */
    private static String run(String... args) {
        Child.Run run = Child.runHere(args);
        assertThat(run.status()).as(run.output()).isZero();
        return run.output();
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
