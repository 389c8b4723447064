package org.paraterm.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.DocumentStore;

/** Candidates of the bundled corpus mined into a real H2 database and read back as the pages use them. */
class CandidateStoreTest {

    private static final String FIGHTERS = "外国恐怖主义作战人员";

    @TempDir
    static Path temp;

    private static ApplicationContext context;
    private static CandidateStore store;
    private static CorpusMining mining;

    @BeforeAll
    static void mineTheBundledCorpus() throws Exception {
        context = ApplicationContext.run(org.paraterm.TestDatabase.properties(temp.resolve("db")));
        context.getBean(CorpusLoader.class).load(Path.of("glossary", "corpus", "un-zh"), (done, total, result) -> { });
        store = context.getBean(CandidateStore.class);
        mining = context.getBean(CorpusMining.class);
        mining.remine(MiningSettings.defaults());
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void shouldStoreForeignTerroristFightersWithItsUsePerDocumentAndTheOtherWording() throws Exception {
        CandidateStore.Detail fighters = store.find(FIGHTERS).orElseThrow();

        assertThat(fighters.row().frequency()).isEqualTo(21);
        assertThat(fighters.row().documents()).isEqualTo(2);
        assertThat(fighters.byDocument()).extracting(CandidateStore.DocumentCount::symbol, CandidateStore.DocumentCount::occurrences)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("E/RES/2019/21", 10),
                        org.assertj.core.groups.Tuple.tuple("S/2020/754", 11));
        CandidateStore.VariantView otherWording = fighters.variants().stream()
                .filter(v -> v.form().equals("外国恐怖主义战斗人员")).findFirst().orElseThrow();
        assertThat(otherWording.relation()).isEqualTo("near-identical");
        assertThat(otherWording.frequency()).isEqualTo(12);
        // The General Assembly texts (the 2019 draft and the 2020 resolution) say 战斗人员.
        assertThat(otherWording.documents()).extracting(CandidateStore.DocumentCount::symbol)
                .containsExactlyInAnyOrder("A/RES/75/10", "A/C.3/74/L.18");
        assertThat(fighters.row().variants()).extracting(CandidateStore.VariantForm::form).contains("外国恐怖主义战斗人员");
    }

    @Test
    void shouldKeepBestContextsThatPointAtTheTermAndItsParagraph() throws Exception {
        CandidateStore.Detail fighters = store.find(FIGHTERS).orElseThrow();

        assertThat(fighters.contexts()).isNotEmpty();
        for (CandidateStore.ContextView context : fighters.contexts()) {
            assertThat(context.text().substring(context.termStart(), context.termStart() + FIGHTERS.length()))
                    .isEqualTo(FIGHTERS);
            CleanDocument document = document(context.document());
            assertThat(document.paragraphs().get(context.paragraph()).text()).contains(context.text());
            assertThat(document.paragraphs().get(context.paragraph()).label()).isEqualTo(context.paragraphLabel());
        }
        assertThat(fighters.row().context()).isEqualTo(fighters.contexts().get(0));
    }

    @Test
    void shouldKeepEveryOccurrenceReachableInItsParagraph() throws Exception {
        assertThat(store.countOccurrences(FIGHTERS)).isEqualTo(21);
        List<CandidateStore.OccurrenceView> all = new ArrayList<>(store.occurrences(FIGHTERS, 1, 15));
        all.addAll(store.occurrences(FIGHTERS, 2, 15));

        assertThat(all).hasSize(21).extracting(CandidateStore.OccurrenceView::hit).containsOnly(FIGHTERS);
        assertThat(all).extracting(CandidateStore.OccurrenceView::symbol).containsOnly("E/RES/2019/21", "S/2020/754");
        for (CandidateStore.OccurrenceView occurrence : all) {
            CleanDocument document = document(occurrence.document());
            assertThat(document.text().substring(occurrence.offset(), occurrence.offset() + FIGHTERS.length()))
                    .isEqualTo(FIGHTERS);
            assertThat(document.paragraphs().get(occurrence.paragraph()).start()).isLessThanOrEqualTo(occurrence.offset());
            assertThat(document.paragraphs().get(occurrence.paragraph()).end()).isGreaterThan(occurrence.offset());
        }
    }

    @Test
    void shouldKeepApprovedAndRejectedStringsDecidedAfterReMining() throws Exception {
        store.decide("偷运移民", CandidateStore.Status.APPROVED, null, "li.wei");
        store.decide("数据库", CandidateStore.Status.REJECTED, "a general word", "li.wei");
        store.decide("数据库", CandidateStore.Status.REJECTED, "not a term: a general word", "chen.jing");

        mining.remine(MiningSettings.defaults());

        CandidateStore.Decision rejected = store.find("数据库").orElseThrow().decision().orElseThrow();
        assertThat(rejected.status()).isEqualTo(CandidateStore.Status.REJECTED);
        assertThat(rejected.reason()).isEqualTo("not a term: a general word");
        assertThat(rejected.decidedBy()).isEqualTo("chen.jing");
        assertThat(store.find("偷运移民").orElseThrow().row().status()).isEqualTo(CandidateStore.Status.APPROVED);
        assertThat(terms(filter(null, CandidateStore.Status.APPROVED, null))).containsExactly("偷运移民");
        assertThat(terms(filter(null, CandidateStore.Status.REJECTED, null))).containsExactly("数据库");
        assertThat(terms(filter(null, CandidateStore.Status.OPEN, null))).doesNotContain("偷运移民").contains(FIGHTERS);
        assertThat(count("SELECT COUNT(*) FROM candidate")).as("the previous run's rows are gone")
                .isEqualTo(store.lastRun().orElseThrow().candidates());
    }

    @Test
    void shouldShowThePreviousRunWhileANewOneIsWrittenAndTheNewOneOnceComplete() throws Exception {
        CandidateStore.LastRun before = store.lastRun().orElseThrow();
        javax.sql.DataSource dataSource = context.getBean(javax.sql.DataSource.class);
        // What a run killed half-way leaves: an incomplete run with some rows of its own.
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO mining_run (id, finished_at, documents, candidates, millis, complete)"
                    + " VALUES (900000, CURRENT_TIMESTAMP, 5, 0, 0, FALSE)");
            statement.executeUpdate("INSERT INTO candidate (run_id, rank_no, term, frequency, documents, score,"
                    + " left_entropy, right_entropy, cohesion, term_length, variants_text, positions, contexts)"
                    + " SELECT 900000, rank_no, term, 1, 1, 0, 0, 0, 0, term_length, '', positions, contexts"
                    + " FROM candidate WHERE rank_no <= 10 AND run_id = (SELECT MAX(id) FROM mining_run WHERE complete = TRUE)");
        }

        assertThat(store.lastRun().orElseThrow()).isEqualTo(before);
        assertThat(store.page(filter(null, null, null)).total()).isEqualTo(before.candidates());
        assertThat(store.find(FIGHTERS).orElseThrow().row().frequency()).isEqualTo(21);

        mining.remine(MiningSettings.defaults());

        assertThat(count("SELECT COUNT(*) FROM candidate")).as("the killed run's rows are gone")
                .isEqualTo(store.lastRun().orElseThrow().candidates());
        assertThat(count("SELECT COUNT(*) FROM mining_run WHERE id = 900000")).isZero();
        assertThat(store.find(FIGHTERS).orElseThrow().row().frequency()).isEqualTo(21);
    }

    @Test
    void shouldRefuseOpenAsADecision() {
        assertThatThrownBy(() -> store.decide(FIGHTERS, CandidateStore.Status.OPEN, null, "li.wei"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLeaveThePreviousCandidatesWhenStoringARunFails() throws Exception {
        CandidateStore.LastRun before = store.lastRun().orElseThrow();
        List<CleanDocument> documents = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (DocumentStore.Summary summary : context.getBean(DocumentStore.class).list()) {
            documents.add(document(summary.id()));
            ids.add(summary.id());
        }
        List<MinedCandidate> mined = Mining.run(documents, MiningSettings.defaults());
        // A document deleted while mining ran: its id no longer exists, and the run must not half-store.
        ids.set(ids.size() - 1, 999_999L);

        assertThatThrownBy(() -> store.replace(mined, ids, 1)).isInstanceOf(SQLException.class);

        assertThat(store.lastRun().orElseThrow()).isEqualTo(before);
        assertThat(store.page(filter(null, null, null)).total()).isEqualTo(before.candidates());
        assertThat(count("SELECT COUNT(*) FROM candidate")).as("the failed run's rows are gone").isEqualTo(before.candidates());
        assertThat(store.find(FIGHTERS).orElseThrow().row().frequency()).isEqualTo(21);
    }

    @Test
    void shouldFindACandidateByTheTextOfItsVariantsAndNarrowByDocument() throws Exception {
        assertThat(terms(filter("战斗人员", null, null))).contains(FIGHTERS);

        long resolution = context.getBean(DocumentStore.class).list().stream()
                .filter(d -> "A/RES/75/10".equals(d.symbol())).findFirst().orElseThrow().id();
        List<String> inResolution = terms(filter(null, null, resolution));
        assertThat(inResolution).contains("国际刑事警察组织").doesNotContain(FIGHTERS);
    }

    @Test
    void shouldTreatLikeWildcardsInTheTextFilterAsPlainCharacters() throws Exception {
        assertThat(store.page(filter("%", null, null)).total()).isZero();
        assertThat(store.page(filter("_", null, null)).total()).isZero();
    }

    private static CandidateStore.Filter filter(String contains, CandidateStore.Status status, Long document) {
        return new CandidateStore.Filter(contains, 0, 0, 0, 0, status, document, "rank", 1, 500);
    }

    private static List<String> terms(CandidateStore.Filter filter) throws SQLException {
        return store.page(filter).rows().stream().map(CandidateStore.Row::term).toList();
    }

    private static long count(String sql) throws SQLException {
        try (java.sql.Connection connection = context.getBean(javax.sql.DataSource.class).getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static CleanDocument document(long id) throws SQLException {
        return context.getBean(DocumentStore.class).find(id).orElseThrow();
    }
}
