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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestDatabase;
import org.paraterm.TestServer;
import org.paraterm.backup.DatabaseTables;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Review;
import org.paraterm.parallel.LinePairs;
import org.paraterm.parallel.ParallelSource;
import org.paraterm.parallel.ParallelStore;
import org.paraterm.security.Role;
import org.paraterm.security.UserStore;

/**
 * backup then restore of a data folder with everything in it — the bundled corpus loaded and
 * mined, the UNPC development set as parallel units, the starter glossary, an account, an edited
 * entry with its history and a comment, a review decision — into a new folder, compared table by
 * table and through a server started on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRoundTripTest {

    /** The second page of 会员国's occurrences (100 to a page). */
    private static final String MEMBER_STATES_PAGE_2 = "/candidates/" + URLEncoder.encode("会员国", StandardCharsets.UTF_8)
            + "?occurrences=2";

    private Path original;
    private Path restored;
    private Path backup;
    private long editedId;
    private String entryPageBefore;
    private String candidatePageBefore;
    private String restoreOutput;

    @BeforeAll
    void backUpAndRestoreAFullDataFolder(@TempDir Path temp) throws Exception {
        original = temp.resolve("original");
        restored = temp.resolve("restored");
        backup = temp.resolve("paraterm-backup.zip");
        EmbeddedServer server = TestServer.in(original).withMinedCorpus().withStarterGlossary()
                .withAccount("wang", "secret-password-1", Role.TERMINOLOGIST).start();
        try (server) {
            ApplicationContext context = server.getApplicationContext();
            GlossaryStore glossary = context.getBean(GlossaryStore.class);
            Entry first = glossary.search(new GlossaryStore.Query(null, null, null, false, 1, 1)).entries().get(0);
            Entry edited = glossary.update(new Entry(first.id(), "恐怖主义 terrorism", first.definitionZh(),
                    "A definition with \"quotes\",\ncommas and a line break; 定义：联合国会员国", "备注 note",
                    first.status(), null, first.published(), first.terms(), first.evidence(), first.createdBy(),
                    first.createdAt(), "wang", first.modifiedAt(), first.version()), "wang", "edit");
            editedId = edited.id();
            glossary.comment(editedId, "wang", "请核对英文译名 — check the English rendering");
            context.getBean(Review.class).reject(firstCandidate(context.getBean(DataSource.class)),
                    "不是术语 not a term", "wang");
            context.getBean(ParallelStore.class).save("unpc-dev", ParallelSource.LINES, "a".repeat(64),
                    LinePairs.read(Path.of("glossary/corpus/parallel/unpc-dev/UNv1.0.devset.zh")));
            entryPageBefore = get(server, "/entries/" + editedId);
            candidatePageBefore = get(server, MEMBER_STATES_PAGE_2);
        }

        String[] backupOutput = run("backup", "--data", original.toString(), "--out", backup.toString());
        assertThat(backupOutput[1]).isEmpty();
        assertThat(backupOutput[0]).contains("written to " + backup);
        String[] restoreResult = run("restore", backup.toString(), "--data", restored.toString());
        assertThat(restoreResult[1]).isEmpty();
        restoreOutput = restoreResult[0];
    }

    @Test
    void shouldRestoreEveryTableRowForRow() throws Exception {
        Map<String, List<String>> before = dump(original);
        Map<String, List<String>> after = dump(restored);

        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet())
                .contains("document", "paragraph", "sentence", "footnote", "doc_reference", "candidate",
                        "document_candidate", "candidate_decision", "app_user", "entry", "entry_term",
                        "entry_version", "entry_change", "entry_comment", "parallel_source", "parallel_unit");
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        assertThat(before.get("entry_comment")).hasSize(1);
        assertThat(before.get("candidate_decision")).hasSize(1);
        assertThat(before.get("document")).hasSize(5);
        assertThat(before.get("parallel_unit")).hasSize(4000);
        assertThat(restoreOutput).contains("restored " + backup + " into "
                + (TestDatabase.postgres() ? TestDatabase.of(restored).display() : restored.toString()));
    }

    @Test
    void shouldServeTheSameEntryPageConcordanceCandidateOccurrencesAndAccountsFromTheRestoredFolder() throws Exception {
        try (EmbeddedServer server = TestServer.in(restored).start()) {
            assertThat(get(server, "/entries/" + editedId)).isEqualTo(entryPageBefore)
                    .contains("请核对英文译名").contains("commas and a line break");
            assertThat(get(server, "/api/concordance/counts?q=" + URLEncoder.encode("会员国", StandardCharsets.UTF_8)))
                    .contains("\"total\":251");
            // the packed occurrences (binary columns) came back: page 2 of the evidence list is unchanged
            assertThat(get(server, MEMBER_STATES_PAGE_2)).isEqualTo(candidatePageBefore)
                    .contains("<td class=\"hit\">会员国</td>");
            assertThat(server.getApplicationContext().getBean(UserStore.class)
                    .authenticate("wang", "secret-password-1")).isPresent();
        }
    }

    @Test
    void shouldGiveNewRowsIdsAfterTheRestoredOnes() throws Exception {
        try (EmbeddedServer server = TestServer.in(restored).start()) {
            GlossaryStore glossary = server.getApplicationContext().getBean(GlossaryStore.class);
            Entry copy = glossary.find(editedId, false).orElseThrow();
            long largest = largestId(server.getApplicationContext().getBean(DataSource.class), "entry");
            long largestComment = largestId(server.getApplicationContext().getBean(DataSource.class), "entry_comment");

            Entry created = glossary.create(new Entry(0, null, null, null, null, copy.status(), null, false,
                    copy.terms(), List.of(), "wang", null, "wang", null, 0), "wang", "create");
            GlossaryStore.Comment comment = glossary.comment(created.id(), "wang", "新条目");

            assertThat(created.id()).isGreaterThan(largest);
            assertThat(comment.id()).isGreaterThan(largestComment);
        }
    }

    private static long largestId(DataSource dataSource, String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT MAX(id) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String firstCandidate(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT term FROM candidate ORDER BY rank_no LIMIT 1")) {
            row.next();
            return row.getString(1);
        }
    }

    /** Every table's rows as text, sorted, read straight from the database of a test folder. */
    static Map<String, List<String>> dump(Path folder) throws Exception {
        return dump(TestDatabase.of(folder));
    }

    /** Every table's rows as text, sorted, read from that database. */
    static Map<String, List<String>> dump(org.paraterm.Database database) throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection connection = database.connect()) {
            for (DatabaseTables.Table table : DatabaseTables.list(connection)) {
                List<String> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT * FROM " + DatabaseTables.quote(table.name()))) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(result.getString(i)).append('\u0001');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table.name(), rows);
            }
        }
        return tables;
    }

    private static String get(EmbeddedServer server, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** Runs a command in this JVM; answers its output and its error output. */
    static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Paraterm.run(org.paraterm.TestDatabase.command(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }
}
