package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestDatabase;

/**
 * Input that once reached the database as values too long for their columns, and database
 * failures told to the person at the command line: in words, naming the file, never with SQL.
 */
class RefusalWithoutSqlTest {

    /** What a database driver's message is made of, and no sentence of paraterm's has. */
    private static final List<String> SQL = List.of("INSERT", "SELECT", "UPDATE ", "SQL", "CHARACTER VARYING",
            "CONSTRAINT", "Jdbc", "Exception", "VALUES (");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldLoadADocumentWhoseLinkListIsGluedToACitedSymbol(@TempDir Path temp) throws Exception {
        // The draft resolution's first page with its undocs.org list on one line, the line breaks
        // lost: "…/A/RES/72/196https://undocs.org/ch/A/RES/73/186https://…", over 200 characters.
        List<String> lines = Files.readAllLines(Path.of("glossary/corpus/un-zh/001_6ac443a3a27de7fa.txt"));
        List<String> page = new ArrayList<>(lines.subList(0, 50));
        page.add(String.join("", lines.subList(50, 61)) + "https://undocs.org/ch/S/RES/2482(2019)");
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("draft.txt"), String.join("\n", page) + "\n", StandardCharsets.UTF_8);
        Path data = temp.resolve("data");

        int status = run("ingest", corpus.toString(), "--data", data.toString());

        assertThat(output()).contains("1 loaded, 0 replaced, 0 unchanged, 0 refused");
        assertThat(status).isZero();
        try (Connection connection = TestDatabase.of(data).connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(DISTINCT symbol), MAX(LENGTH(symbol))"
                     + " FROM doc_reference WHERE source = 'LINK'")) {
            row.next();
            // A/RES/46/152 to A/RES/70/174 and S/RES/2482(2019), each whole and alone
            assertThat(row.getInt(1)).isEqualTo(12);
            assertThat(row.getInt(2)).isEqualTo("S/RES/2482(2019)".length());
        }
    }

    @Test
    void shouldImportATbxAndACsvWhoseFileNamesAre120CharactersLong(@TempDir Path temp) throws Exception {
        String stem = "UNODC-terminology-of-the-Commission-on-Crime-Prevention-and-Criminal-Justice-thirtieth-session-"
                + "2021-final-approved-1";
        Path tbx = temp.resolve(stem + ".tbx");
        Path csv = temp.resolve(stem + ".csv");
        assertThat(tbx.getFileName().toString()).hasSize(120);
        Files.copy(Path.of("glossary/starter.tbx"), tbx);
        Path data = temp.resolve("data");

        assertThat(run("import", tbx.toString(), "--data", data.toString())).isZero();
        assertThat(run("export", "--format", "csv", "--data", data.toString(), "--out", csv.toString())).isZero();
        assertThat(run("import", csv.toString(), "--data", data.toString())).isZero();

        assertThat(output()).contains("45 entries imported from " + tbx, "45 entries imported from " + csv);
        try (Connection connection = TestDatabase.of(data).connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT action, COUNT(*) FROM entry_version GROUP BY action"
                     + " ORDER BY action")) {
            List<String> actions = new ArrayList<>();
            while (row.next()) {
                actions.add(row.getString(1) + " × " + row.getInt(2));
            }
            assertThat(actions).containsExactly("import " + csv.getFileName() + " × 45",
                    "import " + tbx.getFileName() + " × 45");
        }
    }

    @Test
    void shouldRefuseAGlossaryFileWithAFieldLongerThanItsColumnNamingTheLineAndField(@TempDir Path temp)
            throws Exception {
        String longTerm = "联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书".repeat(10);
        Path tbx = temp.resolve("long.tbx");
        Files.writeString(tbx, "<martif type=\"TBX-Basic\"><text><body>\n<termEntry>\n<langSet xml:lang=\"zh\">"
                + "<tig><term>贩运人口</term></tig><tig><term>" + longTerm + "</term></tig></langSet>\n</termEntry>\n"
                + "</body></text></martif>\n", StandardCharsets.UTF_8);
        Path csv = temp.resolve("long.csv");
        Files.writeString(csv, "entry,subject,lang,term,type,usage,term_note,source,paragraph,definition,entry_note\r\n"
                + "a,crime,zh,贩运人口,full-form,preferred,,,,,\r\n"
                + "b,crime,zh,偷运移民,full-form,preferred,,S/2020/754,\"" + "第5段，".repeat(12) + "\",,\r\n",
                StandardCharsets.UTF_8);
        Path data = temp.resolve("data");

        assertThat(run("import", tbx.toString(), "--data", data.toString())).isEqualTo(1);
        assertThat(run("import", csv.toString(), "--data", data.toString())).isEqualTo(1);

        assertThat(errors()).contains("long.tbx, line 4: the entry ending here has terms[1].text: longer than 400"
                        + " characters (" + longTerm.length() + ") — nothing imported",
                "long.csv, line 3 (the entry that starts there): terms[0].paragraph: longer than 40 characters (48)"
                        + " — nothing imported")
                .doesNotContain(SQL);
    }

    @Test
    void shouldTellADatabaseFailureDuringIngestAndImportWithoutSqlAndStoreNothing(@TempDir Path temp) throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.copy(Path.of("glossary/corpus/un-zh/000_feb26cac1e66415a.txt"), corpus.resolve("interpol.txt"));
        Path data = temp.resolve("data");
        assertThat(run("ingest", corpus.toString(), "--data", data.toString())).isZero();
        // The database refuses every further document and entry: a check only the rows already there pass.
        try (Connection connection = TestDatabase.of(data).connect();
             Statement statement = connection.createStatement()) {
            long last;
            try (ResultSet row = statement.executeQuery("SELECT MAX(id) FROM document")) {
                row.next();
                last = row.getLong(1);
            }
            statement.execute("ALTER TABLE document ADD CONSTRAINT test_no_new_documents CHECK (id <= " + last + ")");
            statement.execute("ALTER TABLE entry ADD CONSTRAINT test_no_entries CHECK (id < 0)");
        }
        Files.copy(Path.of("glossary/corpus/un-zh/004_9d7d9abcfa7e8f17.txt"), corpus.resolve("report.txt"));
        out.reset();

        int ingest = run("ingest", corpus.toString(), "--data", data.toString());
        int imported = run("import", "glossary/starter.tbx", "--data", data.toString());

        assertThat(ingest).isEqualTo(1);
        assertThat(imported).isEqualTo(1);
        assertThat(output()).contains("0 loaded, 0 replaced, 1 unchanged, 1 refused",
                "refused report.txt: not loaded, nothing of it was stored: a value breaks one of the database's checks");
        assertThat(errors()).contains("starter.tbx: the entries cannot be saved, nothing imported:"
                + " a value breaks one of the database's checks");
        assertThat(output() + errors()).doesNotContain(SQL);
        try (Connection connection = TestDatabase.of(data).connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT (SELECT COUNT(*) FROM document),"
                     + " (SELECT COUNT(*) FROM entry)")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(1);
            assertThat(row.getInt(2)).isZero();
        }

        // The whole terminal of a real ingest, its log lines included.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Paraterm.class.getName()));
        command.addAll(List.of(TestDatabase.command("ingest", corpus.toString(), "--data", data.toString())));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String terminal = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(terminal).isEqualTo(1);
        assertThat(terminal).contains("refused report.txt: not loaded, nothing of it was stored: a value breaks one of"
                + " the database's checks", "storing report.txt failed in the database: a value breaks one of the"
                + " database's checks (state 2351")
                .doesNotContain(SQL);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        return Paraterm.run(TestDatabase.command(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
