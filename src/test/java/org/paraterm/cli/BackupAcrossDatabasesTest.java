package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.Database;
import org.paraterm.KillPoint;
import org.paraterm.TestDatabase;
import org.paraterm.backup.DatabaseTables;

/**
 * A backup moves between the two databases: an H2 data folder (the bundled corpus ingested and
 * mined, the starter glossary imported) is backed up, restored into an empty PostgreSQL database,
 * backed up from there and restored into a new H2 folder, and every row comes back. Also the rules
 * of a restore into a server: only into an empty database, and a failed one leaves it empty.
 * Runs in the PostgreSQL run of the suite only (TestDatabase).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfEnvironmentVariable(named = TestDatabase.ADMIN_URL_VARIABLE, matches = ".+")
class BackupAcrossDatabasesTest {

    private Path folder;
    private Path h2Before;
    private Path h2After;
    private Database postgres;
    private Path fromH2;

    @BeforeAll
    void moveAFullDatabaseFromH2ToPostgresAndBack(@TempDir Path temp) throws Exception {
        folder = temp;
        h2Before = temp.resolve("h2-before");
        h2After = temp.resolve("h2-after");
        postgres = TestDatabase.of(temp.resolve("postgres"));
        fromH2 = temp.resolve("from-h2.zip");
        Path fromPostgres = temp.resolve("from-postgres.zip");

        assertThat(run("ingest", "glossary/corpus/un-zh", "--data", h2Before.toString()).status()).isZero();
        assertThat(run("import", "glossary/starter.tbx", "--data", h2Before.toString()).status()).isZero();
        assertThat(run("backup", "--data", h2Before.toString(), "--out", fromH2.toString()).err()).isEmpty();
        Result intoPostgres = run("restore", fromH2.toString(), "--db", postgres.url());
        assertThat(intoPostgres.err()).isEmpty();
        assertThat(intoPostgres.out()).contains("restored " + fromH2 + " into " + postgres.display());
        assertThat(run("backup", "--db", postgres.url(), "--out", fromPostgres.toString()).err()).isEmpty();
        assertThat(run("restore", fromPostgres.toString(), "--data", h2After.toString()).err()).isEmpty();
    }

    @Test
    void shouldBringEveryRowBackAfterTheRoundTripThroughPostgres() throws Exception {
        Map<String, List<String>> before = BackupRoundTripTest.dump(Database.h2(h2Before));
        Map<String, List<String>> after = BackupRoundTripTest.dump(Database.h2(h2After));

        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet()).contains("document", "candidate", "entry");
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        assertThat(before.get("document")).hasSize(5);
        assertThat(before.get("entry")).hasSize(45);
        try (Connection connection = postgres.connect(); Connection h2 = Database.h2(h2Before).connect()) {
            assertThat(DatabaseTables.rowCounts(connection)).isEqualTo(DatabaseTables.rowCounts(h2));
        }
    }

    @Test
    void shouldRefuseARestoreIntoADatabaseThatHasTablesAndLeaveItAsItWas() throws Exception {
        Map<String, Long> before = counts(postgres);

        Result plain = run("restore", fromH2.toString(), "--db", postgres.url());
        Result forced = run("restore", fromH2.toString(), "--db", postgres.url(), "--force");

        assertThat(plain.status()).isEqualTo(1);
        assertThat(plain.err()).contains(postgres.display() + " already holds tables; restore into an empty database");
        assertThat(forced.status()).isEqualTo(1);
        assertThat(forced.err()).contains("--force does not replace a database on a server");
        assertThat(counts(postgres)).isEqualTo(before);
    }

    @Test
    void shouldLeaveTheDatabaseEmptyWhenARestoreFails() throws Exception {
        Database empty = TestDatabase.of(folder.resolve("empty"));
        Path damaged = folder.resolve("damaged.zip");
        copyChanging(fromH2, damaged, "tables/entry.jsonl", text -> text.replace("APPROVED", "REJECTED"));

        Result result = run("restore", damaged.toString(), "--db", empty.url());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("damaged.zip: entry tables/entry.jsonl: checksum mismatch");
        try (Connection connection = empty.connect()) {
            assertThat(DatabaseTables.list(connection)).isEmpty();
            assertThat(DatabaseTables.schemaVersion(connection)).isNull();
        }
    }

    @Test
    void shouldRefuseAHalfRestoredDatabaseAfterAKillAndRestoreItWholeWhenRunAgain() throws Exception {
        Database target = TestDatabase.of(folder.resolve("killed"));

        Child restore = Child.startPausedAt(KillPoint.RESTORE_ROWS_LOADED, "restore", fromH2.toString(), "--db", target.url());
        restore.awaitPause();
        restore.kill();
        try (Connection connection = target.connect()) {
            assertThat(Database.interruptedRestore(connection)).get().asString().contains(fromH2.toString());
            assertThat(DatabaseTables.rowCounts(connection).values()).as("the load is one transaction").containsOnly(0L);
        }

        Result backup = run("backup", "--db", target.url(), "--out", folder.resolve("half.zip").toString());
        Result export = run("export", "--db", target.url(), "--out", folder.resolve("half.tbx").toString());
        assertThat(backup.status()).isEqualTo(1);
        assertThat(backup.err()).contains("holds an unfinished restore (" + fromH2).contains("run the same restore again");
        assertThat(export.status()).isEqualTo(1);
        assertThat(export.err()).contains("holds an unfinished restore");
        assertThat(folder.resolve("half.zip")).doesNotExist();

        Result again = run("restore", fromH2.toString(), "--db", target.url());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("holds the empty tables of an interrupted restore").contains("dropping them first")
                .contains("restored " + fromH2 + " into " + target.display());
        assertThat(counts(target)).isEqualTo(counts(Database.h2(h2Before)));
        try (Connection connection = target.connect()) {
            assertThat(Database.interruptedRestore(connection)).isEmpty();
        }
    }

    @Test
    void shouldSayInOneLineThatThePasswordIsWrong() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Paraterm.run(new String[] {"export", "--db", postgres.url() + "?user=nobody_here&password=wrong",
                        "--out", folder.resolve("x.tbx").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(printed.lines()).hasSize(1);
        assertThat(printed).startsWith("paraterm: PostgreSQL at ").contains("refused the sign-in")
                .contains("password=***").doesNotContain("wrong").doesNotContain("Exception");
    }

    /** A copy of a backup with one entry's text changed (its checksum in the manifest no longer fits). */
    private static void copyChanging(Path from, Path to, String entryName, UnaryOperator<String> change)
            throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    private static Map<String, Long> counts(Database database) throws Exception {
        try (Connection connection = database.connect()) {
            return new LinkedHashMap<>(DatabaseTables.rowCounts(connection));
        }
    }

    private record Result(int status, String out, String err) {
    }

    /** Runs a command in this JVM with exactly these arguments (no --db added). */
    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Paraterm.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
