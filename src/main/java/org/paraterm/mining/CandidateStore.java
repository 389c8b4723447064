package org.paraterm.mining;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.paraterm.KillPoint;
import org.paraterm.RecentReading;
import org.paraterm.corpus.MatchText;

/**
 * Mined candidates in the database. A mining run replaces all candidates at once (one
 * transaction: a failure leaves the previous run in place); terminologists' decisions are kept
 * apart, keyed by the term string, so an approved or rejected string stays decided whatever
 * re-mining finds.
 */
@Singleton
public class CandidateStore {

    /**
     * Where a candidate stands: undecided ({@code OPEN}), decided, or undecided but already a term
     * of a glossary entry ({@code IN_GLOSSARY}), which sets it aside from the review queue. A
     * decision is only ever APPROVED or REJECTED.
     */
    public enum Status { OPEN, APPROVED, REJECTED, IN_GLOSSARY }

    /**
     * How the candidate list is narrowed and ordered; null or 0 leaves a filter out.
     * {@code allEntries} says which glossary entries a candidate is matched against: every entry
     * that is not deleted (what a terminologist sees), or only the published ones (a visitor's view).
     */
    public record Filter(String contains, int minFrequency, int minDocuments, int minLength, int maxLength,
                         Status status, Long document, String sort, int page, int size, boolean allEntries) {

        public static final List<String> SORTS = List.of("rank", "freq", "docs", "term", "length");

        public Filter {
            sort = sort != null && SORTS.contains(sort) ? sort : "rank";
            page = Math.max(1, page);
            size = Math.min(500, Math.max(1, size));
        }

        /** A filter matched against published entries only. */
        public Filter(String contains, int minFrequency, int minDocuments, int minLength, int maxLength,
                      Status status, Long document, String sort, int page, int size) {
            this(contains, minFrequency, minDocuments, minLength, maxLength, status, document, sort, page, size, false);
        }
    }

    /**
     * One row of the candidate list: the measures, the variants' forms and the best context, which
     * is null when the miner found no sentence to show.
     */
    public record Row(int rank, String term, int frequency, int documents, double score, List<VariantForm> variants,
                      Status status, ContextView context, GlossaryMark glossary) {

        public Row {
            variants = List.copyOf(variants);
        }

        public Row(int rank, String term, int frequency, int documents, double score, List<VariantForm> variants,
                   Status status, ContextView context) {
            this(rank, term, frequency, documents, score, variants, status, context, null);
        }
    }

    /** A variant as the list shows it: the form, how it relates to the term, how often it occurs. */
    public record VariantForm(String form, String relation, int frequency) {
    }

    /**
     * A page of the list and how many candidates matched the filter in all; {@code setAside} counts
     * the undecided candidates the filter would have listed but for their being in the glossary
     * (0 unless the filter asks for open candidates).
     */
    public record Page(long total, List<Row> rows, long setAside) {

        public Page(long total, List<Row> rows) {
            this(total, rows, 0);
        }
    }

    public record DocumentCount(long document, String symbol, int occurrences) {
    }

    public record VariantView(String form, String relation, int frequency, List<DocumentCount> documents) {
    }

    /**
     * An example sentence and where it sits: the document, the paragraph (its index, and its label
     * such as "5." when it has one) and the term's offset in the sentence.
     */
    public record ContextView(long document, String symbol, int paragraph, String paragraphLabel, String text,
                              int termStart) {
    }

    /** A terminologist's decision; {@code entryId} is the glossary entry an approval went into, if any. */
    public record Decision(Status status, String reason, String decidedBy, Instant decidedAt, Long entryId) {
    }

    public record Detail(Row row, double leftEntropy, double rightEntropy, double cohesion,
                         List<DocumentCount> byDocument, List<VariantView> variants, List<ContextView> contexts,
                         Optional<Decision> decision) {
    }

    /**
     * An occurrence with a little text either side, for the evidence list: {@code offset} counts
     * characters of the document text, {@code hit} is the text found there.
     */
    public record OccurrenceView(long document, String symbol, int paragraph, String paragraphLabel, int offset,
                                 String left, String hit, String right) {
    }

    public record LastRun(Instant finishedAt, int documents, int candidates, long millis) {
    }

    private static final int OCCURRENCE_CONTEXT = 30;
    /** Candidates whose rows are sent to the database together (with their documents, variants, contexts, occurrences). */
    private static final int BATCH_CANDIDATES = 1000;

    private final DataSource dataSource;
    private final GlossaryMarks glossary;
    private final RecentReading<Optional<LastRun>> recentRun;

    /**
     * @param checkInterval how old {@link #recentRun()} may be ({@code paraterm.check-interval}, 1 s):
     *     how soon a run made by another instance reaches this one's cached pages
     */
    public CandidateStore(DataSource dataSource, @Value("${paraterm.check-interval:1s}") Duration checkInterval) {
        this.dataSource = dataSource;
        this.glossary = new GlossaryMarks(dataSource);
        this.recentRun = new RecentReading<>(checkInterval, this::lastRun);
    }

    /**
     * Stores a new run and makes it the one every page shows. {@code documentIds.get(i)} is the
     * database id of the document the miner saw as number i.
     *
     * <p>The rows are written under a new, incomplete mining run in transactions of
     * {@value #BATCH_CANDIDATES} candidates, which readers do not see (they read the latest
     * complete run, {@link #CURRENT_RUN}); one small update then completes the run, and the
     * previous run's rows are deleted after it. A failure or a kill before that update leaves the
     * previous run showing; the rows written so far are deleted now if the database can still be
     * reached, else by the next run. One transaction for the whole run was the simpler design, but
     * at 200 MB of text it held about a million uncommitted rows, and H2 slowed down with every
     * one (docs/scaling.md).
     */
    public void replace(List<MinedCandidate> mined, List<Long> documentIds, long millis) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Long previous = currentRun(connection);
            long run = startRun(connection, documentIds.size());
            try {
                removeRunsExcept(connection, previous, run);
                insertCandidates(connection, run, mined, documentIds);
                KillPoint.reach(KillPoint.CANDIDATES_WRITTEN);
                try (PreparedStatement finish = connection.prepareStatement("UPDATE mining_run SET finished_at = ?,"
                        + " candidates = ?, millis = ?, complete = TRUE WHERE id = ?")) {
                    finish.setTimestamp(1, Timestamp.from(Instant.now()));
                    finish.setInt(2, mined.size());
                    finish.setLong(3, millis);
                    finish.setLong(4, run);
                    finish.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                try {
                    removeRunsExcept(connection, previous, previous);
                } catch (SQLException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            recentRun.changed();
            removeRunsExcept(connection, run, run);
        }
    }

    /** The id of the latest complete mining run, whose candidates the pages show (null before the first). */
    private static final String CURRENT_RUN_ID = "SELECT MAX(id) FROM mining_run WHERE complete = TRUE";
    /** {@link #CURRENT_RUN_ID} as a subquery. */
    private static final String CURRENT_RUN = "(" + CURRENT_RUN_ID + ")";

    private static Long currentRun(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CURRENT_RUN_ID);
             ResultSet row = select.executeQuery()) {
            row.next();
            long id = row.getLong(1);
            return row.wasNull() ? null : id;
        }
    }

    /** A new, incomplete run, committed so that its id is taken: the rows written under it stay invisible until it completes. */
    private static long startRun(Connection connection, int documents) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mining_run (finished_at, documents,"
                + " candidates, millis, complete) VALUES (?, ?, 0, 0, FALSE)", new String[] {"id"})) {
            insert.setTimestamp(1, Timestamp.from(Instant.now()));
            insert.setInt(2, documents);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                long id = key.getLong(1);
                connection.commit();
                return id;
            }
        }
    }

    /**
     * Deletes the rows of every run but {@code keep} and {@code alsoKeep} (either may be null), a
     * few thousand candidates per transaction, and the records of incomplete runs other than those.
     * Complete runs stay listed in mining_run, without their rows, as the history of mining.
     */
    private static void removeRunsExcept(Connection connection, Long keep, Long alsoKeep) throws SQLException {
        long a = keep == null ? -1 : keep;
        long b = alsoKeep == null ? -1 : alsoKeep;
        Set<Long> stale = new java.util.TreeSet<>();
        for (String table : List.of("candidate", "candidate_variant", "document_candidate")) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT run_id FROM " + table + " WHERE run_id <> ? AND run_id <> ?")) {
                select.setLong(1, a);
                select.setLong(2, b);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        stale.add(row.getLong(1));
                    }
                }
            }
        }
        for (long run : stale) {
            for (String table : List.of("candidate_variant", "candidate")) {
                int largest;
                try (PreparedStatement max = connection.prepareStatement(
                        "SELECT COALESCE(MAX(rank_no), 0) FROM " + table + " WHERE run_id = ?")) {
                    max.setLong(1, run);
                    try (ResultSet row = max.executeQuery()) {
                        row.next();
                        largest = row.getInt(1);
                    }
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE run_id = ? AND rank_no >= ? AND rank_no < ?")) {
                    for (long from = 0; from <= largest; from += BATCH_CANDIDATES) {
                        delete.setLong(1, run);
                        delete.setLong(2, from);
                        delete.setLong(3, from + BATCH_CANDIDATES);
                        delete.executeUpdate();
                        connection.commit();
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM document_candidate WHERE run_id = ?")) {
                delete.setLong(1, run);
                delete.executeUpdate();
            }
            connection.commit();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM mining_run WHERE complete = FALSE AND id <> ? AND id <> ?")) {
            delete.setLong(1, a);
            delete.setLong(2, b);
            delete.executeUpdate();
        }
        connection.commit();
    }

    private static void insertCandidates(Connection connection, long run, List<MinedCandidate> mined,
                                         List<Long> documentIds) throws SQLException {
        try (PreparedStatement candidate = connection.prepareStatement("INSERT INTO candidate (run_id, rank_no, term,"
                + " frequency, documents, score, left_entropy, right_entropy, cohesion, term_length, variants_text,"
                + " positions, contexts, context_document, context_sentence, context_term_start)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement variant = connection.prepareStatement("INSERT INTO candidate_variant (run_id, rank_no,"
                     + " idx, form, relation, frequency, documents) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement perDocument = connection.prepareStatement(
                     "INSERT INTO document_candidate (run_id, document_id, ranks) VALUES (?, ?, ?)")) {
            RankLists ranksByDocument = new RankLists(documentIds.size());
            int pending = 0;
            for (MinedCandidate m : mined) {
                Candidate c = m.candidate();
                String term = c.term();
                candidate.setLong(1, run);
                candidate.setInt(2, m.rank());
                candidate.setString(3, term);
                candidate.setInt(4, c.frequency());
                candidate.setInt(5, c.documents());
                candidate.setDouble(6, c.score());
                candidate.setDouble(7, c.leftEntropy());
                candidate.setDouble(8, c.rightEntropy());
                candidate.setDouble(9, c.cohesion());
                candidate.setInt(10, term.length());
                candidate.setString(11, CandidateTable.variantColumn(m.variants()));
                List<PackedNumbers.Position> positions = new ArrayList<>(c.occurrences().size());
                for (Occurrence at : c.occurrences()) {
                    positions.add(new PackedNumbers.Position(documentIds.get(at.document()), at.sentence(), at.offset()));
                }
                candidate.setBytes(12, PackedNumbers.positions(positions));
                List<PackedNumbers.ContextPosition> contexts = new ArrayList<>(m.contexts().size());
                for (Context example : m.contexts()) {
                    contexts.add(new PackedNumbers.ContextPosition(documentIds.get(example.document()),
                            example.sentence(), example.termStart()));
                }
                candidate.setBytes(13, PackedNumbers.contexts(contexts));
                PackedNumbers.ContextPosition best = contexts.isEmpty() ? null : contexts.get(0);
                candidate.setObject(14, best == null ? null : best.document(), java.sql.Types.BIGINT);
                candidate.setObject(15, best == null ? null : best.sentence(), java.sql.Types.INTEGER);
                candidate.setObject(16, best == null ? null : best.termStart(), java.sql.Types.INTEGER);
                candidate.addBatch();
                for (int document : m.byDocument().keySet()) {
                    ranksByDocument.add(document, m.rank());
                }
                for (int v = 0; v < m.variants().size(); v++) {
                    Variant form = m.variants().get(v);
                    variant.setLong(1, run);
                    variant.setInt(2, m.rank());
                    variant.setInt(3, v);
                    variant.setString(4, form.form());
                    variant.setString(5, form.relation().label());
                    variant.setInt(6, form.frequency());
                    List<PackedNumbers.Count> counts = new ArrayList<>(form.byDocument().size());
                    for (Map.Entry<Integer, Integer> count : form.byDocument().entrySet()) {
                        counts.add(new PackedNumbers.Count(documentIds.get(count.getKey()), count.getValue()));
                    }
                    variant.setBytes(7, PackedNumbers.counts(counts));
                    variant.addBatch();
                }
                if (++pending == BATCH_CANDIDATES) {
                    executeBatches(candidate, variant);
                    connection.commit();
                    pending = 0;
                }
            }
            executeBatches(candidate, variant);
            for (int document = 0; document < documentIds.size(); document++) {
                int[] ranks = ranksByDocument.sorted(document);
                if (ranks.length > 0) {
                    perDocument.setLong(1, run);
                    perDocument.setLong(2, documentIds.get(document));
                    perDocument.setBytes(3, PackedNumbers.ascending(ranks));
                    perDocument.addBatch();
                    if (++pending % BATCH_CANDIDATES == 0) {
                        executeBatches(perDocument);
                    }
                }
            }
            executeBatches(perDocument);
        }
    }

    /** The ranks of the candidates each document contains, gathered while the candidates are written. */
    private static final class RankLists {
        private final int[][] ranks;
        private final int[] sizes;

        RankLists(int documents) {
            ranks = new int[documents][];
            sizes = new int[documents];
        }

        void add(int document, int rank) {
            if (ranks[document] == null) {
                ranks[document] = new int[16];
            } else if (sizes[document] == ranks[document].length) {
                ranks[document] = java.util.Arrays.copyOf(ranks[document], 2 * sizes[document]);
            }
            ranks[document][sizes[document]++] = rank;
        }

        int[] sorted(int document) {
            int[] values = ranks[document] == null ? new int[0] : java.util.Arrays.copyOf(ranks[document], sizes[document]);
            ranks[document] = null;
            java.util.Arrays.sort(values);
            return values;
        }
    }

    /**
     * Sends the rows batched so far (still inside the caller's transaction). The JDBC driver keeps
     * every batched row's values until the batch is executed: batching a whole run at once held
     * about 10 million rows, some 0.8 GB of heap, for a 200 MB corpus (docs/scaling.md).
     */
    private static void executeBatches(PreparedStatement... statements) throws SQLException {
        for (PreparedStatement statement : statements) {
            statement.executeBatch();
        }
    }

    /** Approves or rejects a string; the decision holds across re-mining. */
    public void decide(String term, Status status, String reason, String decidedBy) throws SQLException {
        decide(term, status, reason, decidedBy, null);
    }

    /** Approves a string into a glossary entry, or rejects it; the decision holds across re-mining. */
    public void decide(String term, Status status, String reason, String decidedBy, Long entryId) throws SQLException {
        if (status != Status.APPROVED && status != Status.REJECTED) {
            throw new IllegalArgumentException("a decision approves or rejects");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM candidate_decision WHERE term = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO candidate_decision"
                         + " (term, status, reason, decided_by, decided_at, entry_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, term);
                delete.executeUpdate();
                insert.setString(1, term);
                insert.setString(2, status.name());
                insert.setString(3, reason);
                insert.setString(4, decidedBy);
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.setObject(6, entryId);
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The last mining run, read now: for decisions such as whether the corpus must be mined again. */
    public Optional<LastRun> lastRun() throws SQLException {
        List<LastRun> runs = query("SELECT finished_at, documents, candidates, millis FROM mining_run"
                + " WHERE complete = TRUE ORDER BY id DESC LIMIT 1", List.of(), row -> new LastRun(row.getTimestamp(1).toInstant(),
                row.getInt(2), row.getInt(3), row.getLong(4)));
        return runs.stream().findFirst();
    }

    /**
     * The last mining run as read at most once per check interval, and at once after a run
     * through this store: for caches and pages that many requests read, never for deciding to mine.
     */
    public Optional<LastRun> recentRun() throws SQLException {
        return recentRun.get();
    }

    public Page page(Filter filter) throws SQLException {
        Long run;
        try (Connection connection = dataSource.getConnection()) {
            run = currentRun(connection);
        }
        if (run == null) {
            return new Page(0, List.of());
        }
        StringBuilder where = new StringBuilder(" WHERE c.run_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(run));
        if (filter.contains() != null && !filter.contains().isBlank()) {
            where.append(" AND (c.term LIKE ? ESCAPE '!' OR c.variants_text LIKE ? ESCAPE '!')");
            String pattern = "%" + likeEscaped(filter.contains().strip()) + "%";
            parameters.add(pattern);
            parameters.add(pattern);
        }
        addAtLeast(where, parameters, "c.frequency", filter.minFrequency());
        addAtLeast(where, parameters, "c.documents", filter.minDocuments());
        addAtLeast(where, parameters, "c.term_length", filter.minLength());
        if (filter.maxLength() > 0) {
            where.append(" AND c.term_length <= ?");
            parameters.add(filter.maxLength());
        }
        if (filter.document() != null) {
            where.append(" AND c.rank_no = ANY(?)");
            parameters.add(ranksIn(run, filter.document()));
        }
        String from = " FROM candidate c LEFT JOIN candidate_decision d ON d.term = c.term";
        long setAside = 0;
        if (filter.status() == Status.OPEN || filter.status() == Status.IN_GLOSSARY) {
            Integer[] glossaryRanks = glossary.ranksInGlossary(run, filter.allEntries());
            List<Object> aside = new ArrayList<>(parameters);
            aside.add(glossaryRanks);
            long count = query("SELECT COUNT(*)" + from + where + " AND d.status IS NULL AND c.rank_no = ANY(?)",
                    aside, row -> row.getLong(1)).get(0);
            setAside = filter.status() == Status.OPEN ? count : 0;
            where.append(filter.status() == Status.OPEN ? " AND d.status IS NULL AND NOT (c.rank_no = ANY(?))"
                    : " AND d.status IS NULL AND c.rank_no = ANY(?)");
            parameters.add(glossaryRanks);
        } else if (filter.status() != null) {
            where.append(" AND d.status = ?");
            parameters.add(filter.status().name());
        }
        long total = query("SELECT COUNT(*)" + from + where, parameters, row -> row.getLong(1)).get(0);
        String order = switch (filter.sort()) {
            case "freq" -> "c.frequency DESC, c.rank_no";
            case "docs" -> "c.documents DESC, c.rank_no";
            case "term" -> "c.term";
            case "length" -> "c.term_length DESC, c.rank_no";
            default -> "c.rank_no";
        };
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(filter.size());
        paged.add((long) (filter.page() - 1) * filter.size());
        List<Row> rows = query(ROW_COLUMNS + from + BEST_CONTEXT + where + " ORDER BY " + order + " LIMIT ? OFFSET ?",
                paged, CandidateStore::row);
        List<String> forms = rows.stream().map(r -> MatchText.searchForm(r.term())).toList();
        Map<String, GlossaryMark> marks = glossary.marks(filter.allEntries(), forms);
        List<Row> marked = new ArrayList<>(rows.size());
        for (Row r : withVariants(run, rows)) {
            marked.add(marked(r, marks.get(MatchText.searchForm(r.term()))));
        }
        return new Page(total, marked, setAside);
    }

    /** The row with its glossary mark; an undecided candidate in the glossary is IN_GLOSSARY. */
    private static Row marked(Row r, GlossaryMark mark) {
        Status status = mark != null && r.status() == Status.OPEN ? Status.IN_GLOSSARY : r.status();
        return new Row(r.rank(), r.term(), r.frequency(), r.documents(), r.score(), r.variants(), status,
                r.context(), mark);
    }

    /** A candidate's evidence, its glossary mark matched against published entries only. */
    public Optional<Detail> find(String term) throws SQLException {
        return find(term, false);
    }

    /** A candidate's evidence; {@code allEntries} as in {@link Filter}. */
    public Optional<Detail> find(String term, boolean allEntries) throws SQLException {
        List<double[]> measures = new ArrayList<>();
        List<byte[]> packed = new ArrayList<>();
        List<byte[]> packedContexts = new ArrayList<>();
        List<Long> runs = new ArrayList<>();
        List<Row> rows = query(ROW_COLUMNS + ", c.left_entropy, c.right_entropy, c.cohesion, c.positions, c.contexts,"
                + " c.run_id FROM candidate c LEFT JOIN candidate_decision d ON d.term = c.term" + BEST_CONTEXT
                + " WHERE c.run_id = " + CURRENT_RUN + " AND c.term = ?", List.of(term), row -> {
                    measures.add(new double[] {row.getDouble(13), row.getDouble(14), row.getDouble(15)});
                    packed.add(row.getBytes(16));
                    packedContexts.add(row.getBytes(17));
                    runs.add(row.getLong(18));
                    return row(row);
                });
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<DocumentCount> byDocument = inDocumentOrder(packed.get(0)).stream()
                .map(d -> new DocumentCount(d.document(), d.symbol(), d.value().size())).toList();
        List<VariantView> variants = new ArrayList<>();
        for (Object[] v : query("SELECT form, relation, frequency, documents FROM candidate_variant"
                + " WHERE run_id = ? AND rank_no = ? ORDER BY idx", List.of(runs.get(0), rows.get(0).rank()),
                row -> new Object[] {row.getString(1), row.getString(2), row.getInt(3), row.getBytes(4)})) {
            Map<Long, Integer> counts = new HashMap<>();
            for (PackedNumbers.Count count : PackedNumbers.counts((byte[]) v[3])) {
                counts.put(count.document(), count.count());
            }
            List<DocumentCount> documents = inDocumentOrder(counts).stream()
                    .map(d -> new DocumentCount(d.document(), d.symbol(), d.value())).toList();
            variants.add(new VariantView((String) v[0], (String) v[1], (Integer) v[2], documents));
        }
        List<ContextView> contexts = new ArrayList<>();
        for (PackedNumbers.ContextPosition at : PackedNumbers.contexts(packedContexts.get(0))) {
            // An example in a document deleted since the mining run is left out.
            contexts.addAll(query(SENTENCE_COLUMNS + SENTENCE_JOINS + " WHERE s.document_id = ? AND s.idx = ?",
                    List.of(at.document(), at.sentence()), row -> context(row, 1, at.termStart())));
        }
        List<Decision> decision = query("SELECT status, reason, decided_by, decided_at, entry_id FROM candidate_decision"
                + " WHERE term = ?", List.of(term), row -> {
                    long entry = row.getLong(5);
                    return new Decision(Status.valueOf(row.getString(1)), row.getString(2), row.getString(3),
                            row.getTimestamp(4).toInstant(), row.wasNull() ? null : entry);
                });
        Row found = rows.get(0);
        String form = MatchText.searchForm(term);
        Row row = marked(new Row(found.rank(), found.term(), found.frequency(), found.documents(), found.score(),
                variants.stream().map(v -> new VariantForm(v.form(), v.relation(), v.frequency())).toList(),
                found.status(), found.context()), glossary.marks(allEntries, List.of(form)).get(form));
        double[] m = measures.get(0);
        return Optional.of(new Detail(row, m[0], m[1], m[2], byDocument, variants, contexts,
                decision.stream().findFirst()));
    }

    /**
     * How many occurrences of a candidate are stored (in documents that still exist): the length
     * of its evidence list.
     */
    public int countOccurrences(String term) throws SQLException {
        return inDocumentOrder(positions(term)).stream().mapToInt(d -> d.value().size()).sum();
    }

    /**
     * Every occurrence of a candidate in document order (documents by date, then id; offsets
     * ascending within each), a page at a time, each with a little text either side.
     */
    public List<OccurrenceView> occurrences(String term, int page, int size) throws SQLException {
        long skip = (long) (Math.max(1, page) - 1) * size;
        List<OccurrenceView> views = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement snippet = connection.prepareStatement("SELECT s.paragraph_idx, p.label,"
                     + " SUBSTRING(doc.text, ?, ?), SUBSTRING(doc.text, ?, ?), SUBSTRING(doc.text, ?, ?)"
                     + " FROM document doc JOIN sentence s ON s.document_id = doc.id AND s.idx = ?"
                     + PARAGRAPH_JOIN
                     + " WHERE doc.id = ?")) {
            for (InDocument<List<PackedNumbers.Position>> document : inDocumentOrder(positions(term))) {
                if (views.size() == size) {
                    break;
                }
                if (skip >= document.value().size()) {
                    skip -= document.value().size();
                    continue;
                }
                for (PackedNumbers.Position at : document.value().subList((int) skip, document.value().size())) {
                    if (views.size() == size) {
                        break;
                    }
                    int offset = at.offset();
                    snippet.setInt(1, Math.max(1, offset + 1 - OCCURRENCE_CONTEXT));
                    snippet.setInt(2, Math.min(OCCURRENCE_CONTEXT, offset));
                    snippet.setInt(3, offset + 1);
                    snippet.setInt(4, term.length());
                    snippet.setInt(5, offset + 1 + term.length());
                    snippet.setInt(6, OCCURRENCE_CONTEXT);
                    snippet.setInt(7, at.sentence());
                    snippet.setLong(8, document.document());
                    try (ResultSet row = snippet.executeQuery()) {
                        if (row.next()) {
                            views.add(new OccurrenceView(document.document(), document.symbol(), row.getInt(1),
                                    row.getString(2), offset, oneLine(row.getString(3)), row.getString(4),
                                    oneLine(row.getString(5))));
                        }
                    }
                }
                skip = 0;
            }
        }
        return views;
    }

    /** Something of a candidate's in one document (its occurrences, or their count), with the document's symbol. */
    private record InDocument<V>(long document, String symbol, V value) {
    }

    /** The packed occurrences of a candidate; empty when there is no such candidate. */
    private byte[] positions(String term) throws SQLException {
        List<byte[]> packed = query("SELECT positions FROM candidate WHERE run_id = " + CURRENT_RUN + " AND term = ?",
                List.of(term), row -> row.getBytes(1));
        return packed.isEmpty() ? new byte[0] : packed.get(0);
    }

    /**
     * Packed occurrences grouped by document, the documents in the order the pages show them (by
     * date, then id); documents deleted since the mining run are left out.
     */
    private List<InDocument<List<PackedNumbers.Position>>> inDocumentOrder(byte[] packed) throws SQLException {
        Map<Long, List<PackedNumbers.Position>> byDocument = new HashMap<>();
        for (PackedNumbers.Position position : PackedNumbers.positions(packed)) {
            byDocument.computeIfAbsent(position.document(), d -> new ArrayList<>()).add(position);
        }
        return inDocumentOrder(byDocument);
    }

    /** Values by document id, the documents in the order the pages show them; deleted documents left out. */
    private <V> List<InDocument<V>> inDocumentOrder(Map<Long, V> byDocument) throws SQLException {
        if (byDocument.isEmpty()) {
            return List.of();
        }
        Long[] ids = byDocument.keySet().toArray(Long[]::new);
        return query("SELECT id, COALESCE(symbol, source) FROM document WHERE id = ANY(?) ORDER BY doc_date, id",
                List.of((Object) ids), row -> new InDocument<>(row.getLong(1), row.getString(2),
                        byDocument.get(row.getLong(1))));
    }

    /** The ranks of the candidates a document contains in a run (none for an unknown document). */
    private Integer[] ranksIn(long run, long document) throws SQLException {
        List<byte[]> packed = query("SELECT ranks FROM document_candidate WHERE run_id = ? AND document_id = ?",
                List.of(run, document), row -> row.getBytes(1));
        return packed.isEmpty() ? new Integer[0]
                : java.util.Arrays.stream(PackedNumbers.ascending(packed.get(0))).boxed().toArray(Integer[]::new);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ');
    }

    /**
     * An example sentence's document, symbol, paragraph, label and text (sentence {@code s}, joined
     * to its document {@code doc} and paragraph {@code p}): the text is cut from the document's,
     * where the sentence's offsets say.
     */
    private static final String SENTENCE_FIELDS = "s.document_id, COALESCE(doc.symbol, doc.source), s.paragraph_idx,"
            + " p.label, SUBSTRING(doc.text, s.start_offset + 1, s.end_offset - s.start_offset)";

    private static final String SENTENCE_COLUMNS = "SELECT " + SENTENCE_FIELDS;

    /** The paragraph of sentence {@code s}, for its label. */
    private static final String PARAGRAPH_JOIN = " LEFT JOIN paragraph p ON p.document_id = s.document_id"
            + " AND p.idx = s.paragraph_idx";

    private static final String SENTENCE_JOINS = " FROM sentence s JOIN document doc ON doc.id = s.document_id"
            + PARAGRAPH_JOIN;

    /** The columns {@link #row} reads, the candidate's best example joined by {@link #BEST_CONTEXT}. */
    private static final String ROW_COLUMNS = "SELECT c.rank_no, c.term, c.frequency, c.documents, c.score,"
            + " d.status, " + SENTENCE_FIELDS + ", c.context_term_start";

    private static final String BEST_CONTEXT = " LEFT JOIN sentence s ON s.document_id = c.context_document"
            + " AND s.idx = c.context_sentence"
            + " LEFT JOIN document doc ON doc.id = s.document_id" + PARAGRAPH_JOIN;

    /** A row without its variants; {@link #withVariants} adds them. */
    private static Row row(ResultSet row) throws SQLException {
        String status = row.getString(6);
        row.getLong(7); // read for wasNull(): no best example, or its document was deleted since the run
        ContextView context = row.wasNull() ? null : context(row, 7, row.getInt(12));
        return new Row(row.getInt(1), row.getString(2), row.getInt(3), row.getInt(4), row.getDouble(5), List.of(),
                status == null ? Status.OPEN : Status.valueOf(status), context);
    }

    /** An example sentence from the five columns of {@link #SENTENCE_COLUMNS} starting at {@code first}. */
    private static ContextView context(ResultSet row, int first, int termStart) throws SQLException {
        return new ContextView(row.getLong(first), row.getString(first + 1), row.getInt(first + 2),
                row.getString(first + 3), row.getString(first + 4), termStart);
    }

    /** The rows with their variants, read in one query for the whole page. */
    private List<Row> withVariants(long run, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Object> parameters = new ArrayList<>(List.of(run));
        rows.forEach(r -> parameters.add(r.rank()));
        Map<Integer, List<VariantForm>> forms = new HashMap<>();
        query("SELECT rank_no, form, relation, frequency FROM candidate_variant WHERE run_id = ? AND rank_no IN ("
                + String.join(", ", Collections.nCopies(rows.size(), "?")) + ") ORDER BY rank_no, idx",
                parameters, row -> forms.computeIfAbsent(row.getInt(1), t -> new ArrayList<>())
                        .add(new VariantForm(row.getString(2), row.getString(3), row.getInt(4))));
        List<Row> complete = new ArrayList<>(rows.size());
        for (Row r : rows) {
            complete.add(new Row(r.rank(), r.term(), r.frequency(), r.documents(), r.score(),
                    forms.getOrDefault(r.rank(), List.of()), r.status(), r.context()));
        }
        return complete;
    }

    private static void addAtLeast(StringBuilder where, List<Object> parameters, String column, int minimum) {
        if (minimum > 0) {
            where.append(" AND ").append(column).append(" >= ?");
            parameters.add(minimum);
        }
    }

    /** A user's text matched literally by LIKE: its wildcards escaped with '!'. */
    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private <T> List<T> query(String sql, List<?> parameters, Rows.Reader<T> reader) throws SQLException {
        return Rows.query(dataSource, sql, parameters, reader);
    }
}
