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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.paraterm.corpus.RecentReading;

/**
 * Mined candidates in the database. A mining run replaces all candidates at once (one
 * transaction: a failure leaves the previous run in place); terminologists' decisions are kept
 * apart, keyed by the term string, so an approved or rejected string stays decided whatever
 * re-mining finds.
 */
@Singleton
public class CandidateStore {

    public enum Status { OPEN, APPROVED, REJECTED }

    /** How the candidate list is narrowed and ordered; null or 0 leaves a filter out. */
    public record Filter(String contains, int minFrequency, int minDocuments, int minLength, int maxLength,
                         Status status, Long document, String sort, int page, int size) {

        public static final List<String> SORTS = List.of("rank", "freq", "docs", "term", "length");

        public Filter {
            sort = sort != null && SORTS.contains(sort) ? sort : "rank";
            page = Math.max(1, page);
            size = Math.min(500, Math.max(1, size));
        }
    }

    /**
     * One row of the candidate list: the measures, the variants' forms and the best context, which
     * is null when the miner found no sentence to show.
     */
    public record Row(int rank, String term, int frequency, int documents, double score, List<VariantForm> variants,
                      Status status, ContextView context) {

        public Row {
            variants = List.copyOf(variants);
        }
    }

    /** A variant as the list shows it: the form, how it relates to the term, how often it occurs. */
    public record VariantForm(String form, String relation, int frequency) {
    }

    public record Page(long total, List<Row> rows) {
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
    private final RecentReading<Optional<LastRun>> recentRun;

    /**
     * @param checkInterval how old {@link #recentRun()} may be ({@code paraterm.check-interval}, 1 s):
     *     how soon a run made by another instance reaches this one's cached pages
     */
    public CandidateStore(DataSource dataSource, @Value("${paraterm.check-interval:1s}") Duration checkInterval) {
        this.dataSource = dataSource;
        this.recentRun = new RecentReading<>(checkInterval, this::lastRun);
    }

    /**
     * Replaces the stored candidates with a new run. {@code documentIds.get(i)} is the database id
     * of the document the miner saw as number i.
     */
    public void replace(List<MinedCandidate> mined, List<Long> documentIds, long millis) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (String table : List.of("candidate_variant_document",
                        "candidate_variant", "document_candidate", "candidate")) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table)) {
                        delete.executeUpdate();
                    }
                }
                insertCandidates(connection, mined, documentIds);
                try (PreparedStatement run = connection.prepareStatement(
                        "INSERT INTO mining_run (finished_at, documents, candidates, millis) VALUES (?, ?, ?, ?)")) {
                    run.setTimestamp(1, Timestamp.from(Instant.now()));
                    run.setInt(2, documentIds.size());
                    run.setInt(3, mined.size());
                    run.setLong(4, millis);
                    run.executeUpdate();
                }
                connection.commit();
                recentRun.changed();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void insertCandidates(Connection connection, List<MinedCandidate> mined, List<Long> documentIds)
            throws SQLException {
        try (PreparedStatement candidate = connection.prepareStatement("INSERT INTO candidate (term, rank_no, frequency,"
                + " documents, score, left_entropy, right_entropy, cohesion, term_length, variants_text, positions,"
                + " contexts, context_document, context_sentence, context_term_start)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement variant = connection.prepareStatement(
                     "INSERT INTO candidate_variant (term, idx, form, relation, frequency) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement variantDocument = connection.prepareStatement("INSERT INTO candidate_variant_document"
                     + " (term, idx, document_id, occurrences) VALUES (?, ?, ?, ?)");
             PreparedStatement perDocument = connection.prepareStatement(
                     "INSERT INTO document_candidate (document_id, ranks) VALUES (?, ?)")) {
            RankLists ranksByDocument = new RankLists(documentIds.size());
            int pending = 0;
            for (MinedCandidate m : mined) {
                Candidate c = m.candidate();
                String term = c.term();
                candidate.setString(1, term);
                candidate.setInt(2, m.rank());
                candidate.setInt(3, c.frequency());
                candidate.setInt(4, c.documents());
                candidate.setDouble(5, c.score());
                candidate.setDouble(6, c.leftEntropy());
                candidate.setDouble(7, c.rightEntropy());
                candidate.setDouble(8, c.cohesion());
                candidate.setInt(9, term.length());
                candidate.setString(10, CandidateTable.variantColumn(m.variants()));
                List<PackedNumbers.Position> positions = new ArrayList<>(c.occurrences().size());
                for (Occurrence at : c.occurrences()) {
                    positions.add(new PackedNumbers.Position(documentIds.get(at.document()), at.sentence(), at.offset()));
                }
                candidate.setBytes(11, PackedNumbers.positions(positions));
                List<PackedNumbers.ContextPosition> contexts = new ArrayList<>(m.contexts().size());
                for (Context example : m.contexts()) {
                    contexts.add(new PackedNumbers.ContextPosition(documentIds.get(example.document()),
                            example.sentence(), example.termStart()));
                }
                candidate.setBytes(12, PackedNumbers.contexts(contexts));
                PackedNumbers.ContextPosition best = contexts.isEmpty() ? null : contexts.get(0);
                candidate.setObject(13, best == null ? null : best.document(), java.sql.Types.BIGINT);
                candidate.setObject(14, best == null ? null : best.sentence(), java.sql.Types.INTEGER);
                candidate.setObject(15, best == null ? null : best.termStart(), java.sql.Types.INTEGER);
                candidate.addBatch();
                for (int document : m.byDocument().keySet()) {
                    ranksByDocument.add(document, m.rank());
                }
                for (int v = 0; v < m.variants().size(); v++) {
                    Variant form = m.variants().get(v);
                    variant.setString(1, term);
                    variant.setInt(2, v);
                    variant.setString(3, form.form());
                    variant.setString(4, form.relation().label());
                    variant.setInt(5, form.frequency());
                    variant.addBatch();
                    for (Map.Entry<Integer, Integer> count : form.byDocument().entrySet()) {
                        variantDocument.setString(1, term);
                        variantDocument.setInt(2, v);
                        variantDocument.setLong(3, documentIds.get(count.getKey()));
                        variantDocument.setInt(4, count.getValue());
                        variantDocument.addBatch();
                    }
                }
                if (++pending == BATCH_CANDIDATES) {
                    executeBatches(candidate, variant, variantDocument);
                    pending = 0;
                }
            }
            executeBatches(candidate, variant, variantDocument);
            for (int document = 0; document < documentIds.size(); document++) {
                int[] ranks = ranksByDocument.sorted(document);
                if (ranks.length > 0) {
                    perDocument.setLong(1, documentIds.get(document));
                    perDocument.setBytes(2, PackedNumbers.ascending(ranks));
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
        if (status == Status.OPEN) {
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
                + " ORDER BY id DESC LIMIT 1", List.of(), row -> new LastRun(row.getTimestamp(1).toInstant(),
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
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
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
        if (filter.status() == Status.OPEN) {
            where.append(" AND d.status IS NULL");
        } else if (filter.status() != null) {
            where.append(" AND d.status = ?");
            parameters.add(filter.status().name());
        }
        if (filter.document() != null) {
            where.append(" AND c.rank_no = ANY(?)");
            parameters.add(ranksIn(filter.document()));
        }
        String from = " FROM candidate c LEFT JOIN candidate_decision d ON d.term = c.term";
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
        return new Page(total, withVariants(rows));
    }

    public Optional<Detail> find(String term) throws SQLException {
        List<double[]> measures = new ArrayList<>();
        List<byte[]> packed = new ArrayList<>();
        List<byte[]> packedContexts = new ArrayList<>();
        List<Row> rows = query(ROW_COLUMNS + ", c.left_entropy, c.right_entropy, c.cohesion, c.positions, c.contexts"
                + " FROM candidate c LEFT JOIN candidate_decision d ON d.term = c.term" + BEST_CONTEXT
                + " WHERE c.term = ?", List.of(term), row -> {
                    measures.add(new double[] {row.getDouble(13), row.getDouble(14), row.getDouble(15)});
                    packed.add(row.getBytes(16));
                    packedContexts.add(row.getBytes(17));
                    return row(row);
                });
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<DocumentCount> byDocument = inDocumentOrder(packed.get(0)).stream()
                .map(d -> new DocumentCount(d.document(), d.symbol(), d.positions().size())).toList();
        List<VariantView> variants = new ArrayList<>();
        for (Object[] v : query("SELECT idx, form, relation, frequency FROM candidate_variant WHERE term = ?"
                + " ORDER BY idx", List.of(term), row -> new Object[] {row.getInt(1), row.getString(2),
                row.getString(3), row.getInt(4)})) {
            List<DocumentCount> documents = query("SELECT vd.document_id, COALESCE(doc.symbol, doc.source),"
                    + " vd.occurrences FROM candidate_variant_document vd JOIN document doc ON doc.id = vd.document_id"
                    + " WHERE vd.term = ? AND vd.idx = ? ORDER BY doc.doc_date, doc.id", List.of(term, v[0]),
                    row -> new DocumentCount(row.getLong(1), row.getString(2), row.getInt(3)));
            variants.add(new VariantView((String) v[1], (String) v[2], (Integer) v[3], documents));
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
        Row row = new Row(found.rank(), found.term(), found.frequency(), found.documents(), found.score(),
                variants.stream().map(v -> new VariantForm(v.form(), v.relation(), v.frequency())).toList(),
                found.status(), found.context());
        double[] m = measures.get(0);
        return Optional.of(new Detail(row, m[0], m[1], m[2], byDocument, variants, contexts,
                decision.stream().findFirst()));
    }

    /**
     * How many occurrences of a candidate are stored (in documents that still exist): the length
     * of its evidence list.
     */
    public int countOccurrences(String term) throws SQLException {
        return inDocumentOrder(positions(term)).stream().mapToInt(d -> d.positions().size()).sum();
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
                     + " LEFT JOIN paragraph p ON p.document_id = s.document_id AND p.idx = s.paragraph_idx"
                     + " WHERE doc.id = ?")) {
            for (DocumentPositions document : inDocumentOrder(positions(term))) {
                if (views.size() == size) {
                    break;
                }
                if (skip >= document.positions().size()) {
                    skip -= document.positions().size();
                    continue;
                }
                for (PackedNumbers.Position at : document.positions().subList((int) skip, document.positions().size())) {
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

    /** A candidate's occurrences in one document, offsets ascending. */
    private record DocumentPositions(long document, String symbol, List<PackedNumbers.Position> positions) {
    }

    /** The packed occurrences of a candidate; empty when there is no such candidate. */
    private byte[] positions(String term) throws SQLException {
        List<byte[]> packed = query("SELECT positions FROM candidate WHERE term = ?", List.of(term), row -> row.getBytes(1));
        return packed.isEmpty() ? new byte[0] : packed.get(0);
    }

    /**
     * Packed occurrences grouped by document, the documents in the order the pages show them (by
     * date, then id); documents deleted since the mining run are left out.
     */
    private List<DocumentPositions> inDocumentOrder(byte[] packed) throws SQLException {
        Map<Long, List<PackedNumbers.Position>> byDocument = new HashMap<>();
        for (PackedNumbers.Position position : PackedNumbers.positions(packed)) {
            byDocument.computeIfAbsent(position.document(), d -> new ArrayList<>()).add(position);
        }
        if (byDocument.isEmpty()) {
            return List.of();
        }
        Long[] ids = byDocument.keySet().toArray(Long[]::new);
        return query("SELECT id, COALESCE(symbol, source) FROM document WHERE id = ANY(?) ORDER BY doc_date, id",
                List.of((Object) ids), row -> new DocumentPositions(row.getLong(1), row.getString(2),
                        byDocument.get(row.getLong(1))));
    }

    /** The ranks of the candidates a document contains (none for an unknown document). */
    private Integer[] ranksIn(long document) throws SQLException {
        List<byte[]> packed = query("SELECT ranks FROM document_candidate WHERE document_id = ?", List.of(document),
                row -> row.getBytes(1));
        return packed.isEmpty() ? new Integer[0]
                : java.util.Arrays.stream(PackedNumbers.ascending(packed.get(0))).boxed().toArray(Integer[]::new);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ');
    }

    /**
     * An example sentence's document, symbol, paragraph, label and text, from {@link #SENTENCE_JOINS}:
     * the text is cut from the document's, where the sentence's offsets say.
     */
    private static final String SENTENCE_COLUMNS = "SELECT s.document_id, COALESCE(doc.symbol, doc.source),"
            + " s.paragraph_idx, p.label, SUBSTRING(doc.text, s.start_offset + 1, s.end_offset - s.start_offset)";

    private static final String SENTENCE_JOINS = " FROM sentence s JOIN document doc ON doc.id = s.document_id"
            + " LEFT JOIN paragraph p ON p.document_id = s.document_id AND p.idx = s.paragraph_idx";

    /** The columns {@link #row} reads, the candidate's best example joined by {@link #BEST_CONTEXT}. */
    private static final String ROW_COLUMNS = "SELECT c.rank_no, c.term, c.frequency, c.documents, c.score,"
            + " d.status, s.document_id, COALESCE(doc.symbol, doc.source), s.paragraph_idx, p.label,"
            + " SUBSTRING(doc.text, s.start_offset + 1, s.end_offset - s.start_offset), c.context_term_start";

    private static final String BEST_CONTEXT = " LEFT JOIN sentence s ON s.document_id = c.context_document"
            + " AND s.idx = c.context_sentence"
            + " LEFT JOIN document doc ON doc.id = s.document_id"
            + " LEFT JOIN paragraph p ON p.document_id = s.document_id AND p.idx = s.paragraph_idx";

    /** A row without its variants; {@link #withVariants} adds them. */
    private static Row row(ResultSet row) throws SQLException {
        String status = row.getString(6);
        row.getLong(7);
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
    private List<Row> withVariants(List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> terms = rows.stream().map(Row::term).toList();
        Map<String, List<VariantForm>> forms = new HashMap<>();
        query("SELECT term, form, relation, frequency FROM candidate_variant WHERE term IN ("
                + String.join(", ", java.util.Collections.nCopies(terms.size(), "?")) + ") ORDER BY term, idx", terms,
                row -> forms.computeIfAbsent(row.getString(1), t -> new ArrayList<>())
                        .add(new VariantForm(row.getString(2), row.getString(3), row.getInt(4))));
        List<Row> complete = new ArrayList<>(rows.size());
        for (Row r : rows) {
            complete.add(new Row(r.rank(), r.term(), r.frequency(), r.documents(), r.score(),
                    forms.getOrDefault(r.term(), List.of()), r.status(), r.context()));
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

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, List<?> parameters, RowReader<T> reader) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof Object[] array) {
                    statement.setArray(i + 1, connection.createArrayOf(
                            array instanceof Long[] ? "BIGINT" : "INTEGER", array));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        }
    }
}
