package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.KillPoint;
import org.paraterm.TestDatabase;
import org.paraterm.backup.DatabaseTables;

/**
 * kill -9 in the middle of a job, then a restart: paraterm runs as a child process (this test's
 * own class path, {@code java org.paraterm.cli.Paraterm …}, on the test run's database: the H2 file
 * of the data folder, or with --db the PostgreSQL database TestDatabase gives it), stops at a
 * {@link KillPoint} — a first start's first document committed, an ingest's first of ten, an
 * ingest's candidates written under a mining run not yet complete, half of a glossary import
 * written in its transaction — and is killed there with SIGKILL ({@link Process#destroyForcibly}).
 * Then the database must open, hold no half-loaded document or entry, and the interrupted job,
 * run again (in this JVM: the same code on the same database), must reach the same end as a run
 * that was never killed.
 */
class KillRecoveryTest {

    private static final Path CORPUS = Path.of("glossary", "corpus", "un-zh");

    @TempDir
    Path temp;

    @Test
    void shouldCompleteAFirstStartKilledWhileLoadingTheCorpus() throws Exception {
        Path killed = temp.resolve("killed");
        Path clean = temp.resolve("clean");

        Child first = Child.startPausedAt(KillPoint.DOCUMENT_LOADED,
                TestDatabase.command("serve", "--port", Child.freePort(), "--data", killed.toString()));
        first.awaitPause();
        first.kill();

        assertThat(first.output()).contains("loaded 000_feb26cac1e66415a.txt").doesNotContain("loaded 001_");
        assertThat(count(killed, "SELECT COUNT(*) FROM document")).isEqualTo(1);
        assertThat(count(killed, "SELECT COUNT(*) FROM entry")).isZero();
        assertWhole(killed);

        String again = serveAndStop(killed);
        serveAndStop(clean);

        assertThat(again).contains("completing the first start that was interrupted", "starter glossary: 45 entries");
        assertThat(count(killed, "SELECT COUNT(*) FROM document")).isEqualTo(5);
        assertThat(count(killed, "SELECT COUNT(*) FROM entry")).isEqualTo(45);
        assertThat(rowCounts(killed)).isEqualTo(rowCounts(clean));
        assertWhole(killed);
    }

    @Test
    void shouldLoadTheRestOfAnIngestKilledMidwayAndMineTheWholeCorpus() throws Exception {
        Path data = temp.resolve("data");
        Path folder = temp.resolve("documents");
        copyCorpus(folder.resolve("2020"));
        copyCorpus(folder.resolve("2021"));

        Child ingest = Child.startPausedAt(KillPoint.DOCUMENT_LOADED,
                TestDatabase.command("ingest", folder.toString(), "--data", data.toString()));
        ingest.awaitPause();
        ingest.kill();

        assertThat(count(data, "SELECT COUNT(*) FROM document")).isEqualTo(1);
        assertWhole(data);

        Child.Run again = Child.runHere(TestDatabase.command("ingest", folder.toString(), "--data", data.toString()));
        assertThat(again.status()).as(again.output()).isZero();

        assertThat(again.output()).contains("9 loaded, 0 replaced, 1 unchanged, 0 refused", "mined ");
        assertThat(count(data, "SELECT COUNT(*) FROM document")).isEqualTo(10);
        assertThat(count(data, "SELECT documents FROM mining_run WHERE complete = TRUE ORDER BY id DESC LIMIT 1")).isEqualTo(10);
        assertWhole(data);
    }

    /*
     * Was disabled: in 2 of 4 runs the candidates this test's second ingest reported mined were gone
     * at the next open. H2 2.3.232's compaction on close (Database.H2_NO_COMPACTION_IN_PLACE);
     * docs/11-backup-and-faults.md has the figures.
     */
    /** The candidates the pages show: those of the latest complete mining run (a killed run's rows are not). */
    private static final String SHOWN_CANDIDATES = "SELECT COUNT(*) FROM candidate"
            + " WHERE run_id = (SELECT MAX(id) FROM mining_run WHERE complete = TRUE)";

    @Test
    void shouldMineAgainWhenAnIngestWasKilledAfterLoadingBeforeItsCandidatesWereStored() throws Exception {
        Path data = temp.resolve("data");
        Child first = Child.startPausedAt(KillPoint.CANDIDATES_WRITTEN,
                TestDatabase.command("ingest", CORPUS.toString(), "--data", data.toString()));
        first.awaitPause();
        first.kill();
        assertThat(first.output()).contains("5 loaded").doesNotContain("mined ");
        assertThat(count(data, "SELECT COUNT(*) FROM document")).isEqualTo(5);
        assertThat(count(data, "SELECT COUNT(*) FROM candidate")).as("rows of the killed run").isPositive();
        assertThat(count(data, SHOWN_CANDIDATES)).isZero();

        Child.Run again = Child.runHere(TestDatabase.command("ingest", CORPUS.toString(), "--data", data.toString()));
        assertThat(again.status()).as(again.output()).isZero();

        assertThat(again.output()).contains("0 loaded, 0 replaced, 5 unchanged, 0 refused", "mined ");
        assertThat(count(data, SHOWN_CANDIDATES)).as(again.output()).isPositive();
        assertThat(count(data, "SELECT documents FROM mining_run WHERE complete = TRUE ORDER BY id DESC LIMIT 1")).isEqualTo(5);
    }

    @Test
    void shouldLeaveTheGlossaryAsItWasWhenAnImportIsKilledAndImportItAllWhenRunAgain() throws Exception {
        Path data = temp.resolve("data");
        Path larger = temp.resolve("larger.tbx");
        int entries = writeLargerGlossary(larger, 4);
        Child.Run starter = Child.runHere(TestDatabase.command("import", "glossary/starter.tbx", "--data", data.toString()));
        assertThat(starter.status()).as(starter.output()).isZero();

        Child killed = Child.startPausedAt(KillPoint.IMPORT_HALF_WRITTEN,
                TestDatabase.command("import", larger.toString(), "--data", data.toString()));
        killed.awaitPause();
        killed.kill();

        assertThat(killed.output()).contains("importing " + entries + " entries").doesNotContain("imported");
        assertThat(count(data, "SELECT COUNT(*) FROM entry")).as("none of the import").isEqualTo(45);
        assertThat(count(data, "SELECT COUNT(*) FROM entry e WHERE NOT EXISTS"
                + " (SELECT 1 FROM entry_term t WHERE t.entry_id = e.id)")).isZero();

        Child.Run again = Child.runHere(TestDatabase.command("import", larger.toString(), "--data", data.toString()));
        assertThat(again.status()).as(again.output()).isZero();
        assertThat(count(data, "SELECT COUNT(*) FROM entry")).isEqualTo(45L + entries);
    }

    /** A server started in this JVM on the folder's database until it is ready, then stopped; what it printed. */
    private static String serveAndStop(Path data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ApplicationContext ignored = Paraterm.startServer(Options.parse(TestDatabase.command("serve",
                "--port", "0", "--data", data.toString())), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** No document without its paragraphs and sentences, and the first-start marker, if any, consistent. */
    private static void assertWhole(Path data) throws SQLException {
        assertThat(count(data, "SELECT COUNT(*) FROM document d WHERE NOT EXISTS"
                + " (SELECT 1 FROM paragraph p WHERE p.document_id = d.id)")).isZero();
        assertThat(count(data, "SELECT COUNT(*) FROM document d WHERE NOT EXISTS"
                + " (SELECT 1 FROM sentence s WHERE s.document_id = d.id)")).isZero();
    }

    /** The starter glossary's entries again and again, each copy's terms made distinct by a number. */
    private static int writeLargerGlossary(Path file, int copies) throws Exception {
        String starter = Files.readString(Path.of("glossary", "starter.tbx"));
        int bodyStart = starter.indexOf("<body>") + "<body>".length();
        int bodyEnd = starter.indexOf("</body>");
        String entries = starter.substring(bodyStart, bodyEnd);
        StringBuilder tbx = new StringBuilder(starter.substring(0, bodyStart));
        for (int copy = 1; copy <= copies; copy++) {
            tbx.append(entries.replaceAll("<term>([^<]*)</term>", "<term>$1 " + copy + "</term>")
                    .replaceAll("id=\"([^\"]*)\"", "id=\"$1-" + copy + "\""));
        }
        tbx.append(starter.substring(bodyEnd));
        Files.writeString(file, tbx);
        Matcher entry = Pattern.compile("<termEntry").matcher(entries);
        int count = 0;
        while (entry.find()) {
            count++;
        }
        return count * copies;
    }

    private static void copyCorpus(Path target) throws Exception {
        Files.createDirectories(target);
        try (var files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }

    private static long count(Path data, String sql) throws SQLException {
        try (Connection connection = open(data); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<String, Long> rowCounts(Path data) throws SQLException {
        try (Connection connection = open(data)) {
            return DatabaseTables.rowCounts(connection);
        }
    }

    /** The folder's database: its H2 file, or on a PostgreSQL test run the database TestDatabase gave it. */
    private static Connection open(Path data) throws SQLException {
        return TestDatabase.of(data).connect();
    }
}
