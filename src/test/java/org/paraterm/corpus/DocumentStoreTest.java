package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents in a real H2 database: whole or not at all, idempotent, replaced when changed. */
class DocumentStoreTest {

    @TempDir
    Path temp;

    private ApplicationContext context;
    private DocumentStore store;
    private CorpusLoader loader;

    @BeforeEach
    void start() {
        context = ApplicationContext.run(org.paraterm.TestDatabase.properties(temp.resolve("db")));
        store = context.getBean(DocumentStore.class);
        loader = context.getBean(CorpusLoader.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void shouldStoreTheBundledCorpusAndChangeNothingWhenLoadedAgain() throws Exception {
        List<CorpusLoader.FileResult> first = loader.load(Excerpts.CORPUS, (done, total, result) -> { });
        Map<String, Integer> rows = rowCounts();

        List<CorpusLoader.FileResult> second = loader.load(Excerpts.CORPUS, (done, total, result) -> { });

        assertThat(first).extracting(CorpusLoader.FileResult::outcome).containsOnly(DocumentStore.Outcome.LOADED).hasSize(5);
        assertThat(second).extracting(CorpusLoader.FileResult::outcome).containsOnly(DocumentStore.Outcome.UNCHANGED);
        assertThat(rowCounts()).isEqualTo(rows);
        assertThat(store.list()).extracting(DocumentStore.Summary::symbol)
                .containsExactlyInAnyOrder("A/RES/75/10", "A/C.3/74/L.18", "A/RES/64/179", "E/RES/2019/21", "S/2020/754");
    }

    @Test
    void shouldGiveBackEveryDocumentExactlyAsTheReaderMadeIt() throws Exception {
        loader.load(Excerpts.CORPUS, (done, total, result) -> { });

        for (DocumentStore.Summary summary : store.list()) {
            CleanDocument stored = store.find(summary.id()).orElseThrow();

            assertThat(stored).isEqualTo(Excerpts.read(summary.source()));
            assertThat(summary.sizeBytes()).isEqualTo(Excerpts.bytes(summary.source()).length);
            assertThat(summary.characters()).isEqualTo(stored.text().length());
            assertThat(summary.paragraphs()).isEqualTo(stored.paragraphs().size());
            assertThat(summary.sentences()).isEqualTo(stored.sentences().size());
            assertThat(summary.footnotes()).isEqualTo(stored.footnotes().size());
        }
    }

    @Test
    void shouldReplaceADocumentWhoseFileChanged() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("corpus"));
        Path file = folder.resolve("report.txt");
        Files.write(file, Excerpts.bytes(Excerpts.REPORT));
        loader.load(folder, (done, total, result) -> { });

        Files.writeString(file, Excerpts.lines(Excerpts.REPORT, 1, 47), StandardCharsets.UTF_8);
        List<CorpusLoader.FileResult> results = loader.load(folder, (done, total, result) -> { });

        assertThat(results).extracting(CorpusLoader.FileResult::outcome).containsExactly(DocumentStore.Outcome.REPLACED);
        assertThat(store.list()).singleElement().satisfies(s -> assertThat(s.paragraphs()).isEqualTo(7));
    }

    @Test
    void shouldLeaveTheDatabaseAsItWasWhenASaveFails() throws Exception {
        loader.load(Excerpts.CORPUS, (done, total, result) -> { });
        Map<String, Integer> rows = rowCounts();

        assertThatThrownBy(() -> store.save(withUnstorableReference(Excerpts.read(Excerpts.INTERPOL), "broken.txt"),
                "f".repeat(64), 10)).isInstanceOf(SQLException.class);

        assertThat(rowCounts()).isEqualTo(rows);
    }

    @Test
    void shouldKeepTheOldVersionWhenSavingItsReplacementFails() throws Exception {
        loader.load(Excerpts.CORPUS, (done, total, result) -> { });
        Map<String, Integer> rows = rowCounts();
        CleanDocument old = Excerpts.read(Excerpts.INTERPOL);

        // A new version of the same file: the old rows are deleted first, then the insert fails.
        assertThatThrownBy(() -> store.save(withUnstorableReference(old, Excerpts.INTERPOL), "e".repeat(64), 10))
                .isInstanceOf(SQLException.class);

        assertThat(rowCounts()).isEqualTo(rows);
        long id = store.list().stream().filter(s -> Excerpts.INTERPOL.equals(s.source())).findFirst().orElseThrow().id();
        assertThat(store.find(id)).contains(old);
        assertThat(loader.load(Excerpts.CORPUS, (done, total, result) -> { }))
                .extracting(CorpusLoader.FileResult::outcome).containsOnly(DocumentStore.Outcome.UNCHANGED);
    }

    /** The document with one more reference whose symbol is longer than the column allows. */
    private static CleanDocument withUnstorableReference(CleanDocument good, String source) {
        List<Reference> references = new ArrayList<>(good.references());
        references.add(new Reference("A/" + "9".repeat(400), ReferenceSource.TEXT, null));
        return new CleanDocument(source, good.language(), good.symbol(), good.title(), good.date(), good.body(),
                good.type(), good.text(), good.matchText(), good.paragraphs(), good.footnotes(), references);
    }

    private Map<String, Integer> rowCounts() throws SQLException {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        try (Connection connection = context.getBean(DataSource.class).getConnection()) {
            for (String table : List.of("document", "paragraph", "sentence", "footnote", "footnote_mark", "doc_reference")) {
                try (ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    row.next();
                    counts.put(table, row.getInt(1));
                }
            }
        }
        return counts;
    }
}
