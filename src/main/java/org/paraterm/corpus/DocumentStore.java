package org.paraterm.corpus;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.paraterm.RecentReading;
import org.paraterm.TableFingerprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Documents in the database. A document is saved whole or not at all (one transaction); saving
 * the same file again changes nothing, and a changed file replaces its old version.
 */
@Singleton
public class DocumentStore {

    public enum Outcome { LOADED, REPLACED, UNCHANGED }

    /** One row of the documents list: metadata, the file's size in bytes and the text's in characters. */
    public record Summary(long id, String source, String symbol, String title, String body, LocalDate date,
                          long sizeBytes, int characters, int paragraphs, int sentences, int footnotes) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DocumentStore.class);

    private final DataSource dataSource;
    /** The documents' generation, counting the changes this process made to the documents. */
    private final RecentReading<Long> generation;

    public DocumentStore(DataSource dataSource) {
        this(dataSource, Duration.ofSeconds(1));
    }

    /**
     * @param checkInterval how old the generation read from the database may be before
     *     {@link #generation()} reads it again ({@code paraterm.documents.check-interval}, 1 s):
     *     how soon a document loaded through another instance reaches this one's concordance
     */
    /** The longest source name (the file's path within the loaded folder) the document table holds (V1). */
    public static final int SOURCE_LENGTH = 1000;

    /** Why a source name is refused. */
    public static String tooLongSource(String source) {
        return source.substring(0, 60) + "…: the file's path is " + source.length() + " characters long; paraterm"
                + " keeps paths of up to " + SOURCE_LENGTH + " (load it from a shorter folder path)";
    }

    @Inject
    public DocumentStore(DataSource dataSource,
                         @Value("${paraterm.documents.check-interval:1s}") Duration checkInterval) {
        this.dataSource = dataSource;
        this.generation = new RecentReading<>(checkInterval, this::readGeneration);
    }

    /**
     * @throws IllegalArgumentException for a source name longer than {@link #SOURCE_LENGTH}; the
     *     name identifies the document, so it is refused rather than shortened
     */
    public Outcome save(CleanDocument document, String contentHash, long sizeBytes) throws SQLException {
        if (document.source().length() > SOURCE_LENGTH) {
            throw new IllegalArgumentException(tooLongSource(document.source()));
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Outcome outcome = Outcome.LOADED;
                try (PreparedStatement find = connection.prepareStatement(
                        "SELECT id, content_hash FROM document WHERE source = ?")) {
                    find.setString(1, document.source());
                    try (ResultSet row = find.executeQuery()) {
                        if (row.next()) {
                            if (row.getString(2).equals(contentHash)) {
                                connection.rollback();
                                return Outcome.UNCHANGED;
                            }
                            delete(connection, row.getLong(1));
                            outcome = Outcome.REPLACED;
                        }
                    }
                }
                long id = insertDocument(connection, document, contentHash, sizeBytes);
                insertParts(connection, id, document);
                connection.commit();
                generation.changed();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * A number that changes whenever the stored documents change (a load, a replacement), through
     * this process or through any other sharing the database: another instance, {@code ingest --db}.
     * It is read from the database at most once per check interval (one small query, not one per
     * call), and at once after this process changed a document itself. So a change made elsewhere
     * shows here within about the interval.
     *
     * <p>The value identifies a state of the documents; it is not ordered (compare with
     * {@code ==} only). The concordance index catches up with a new generation in the background:
     * a result computed from the index belongs to the view it came from ({@code CorpusIndex.View.version()}),
     * which may still show an older state than this generation.
     *
     * <p>When the database cannot be read the last value read is returned (and the failure logged):
     * pages then go on with what they have, and their own queries report the failure.
     */
    public long generation() {
        try {
            return generation.get();
        } catch (SQLException e) {
            LOG.warn("the documents' generation cannot be read: {}", e.getMessage());
            return generation.lastRead().orElse(-1L);
        }
    }

    /** How many documents this process has loaded or replaced since it started. */
    public long localChanges() {
        return generation.localChanges();
    }

    /**
     * The state of the document table in one number ({@link TableFingerprint}): ids are never
     * reused (a replaced document gets a new one), so it moves with every load, replacement or
     * removal.
     */
    private long readGeneration() throws SQLException {
        return TableFingerprint.ofIds(dataSource, "document");
    }

    /** The content hash of every stored document, by id: what an index compares itself with. */
    public Map<Long, String> contentHashes() throws SQLException {
        Map<Long, String> hashes = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT id, content_hash FROM document")) {
            while (row.next()) {
                hashes.put(row.getLong(1), row.getString(2));
            }
        }
        return hashes;
    }

    public int count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM document")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** When the newest document was loaded; empty when there is none. */
    public Optional<Instant> lastLoaded() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT MAX(loaded_at) FROM document")) {
            row.next();
            Timestamp last = row.getTimestamp(1);
            return last == null ? Optional.empty() : Optional.of(last.toInstant());
        }
    }

    public List<Summary> list() throws SQLException {
        String sql = "SELECT d.id, d.source, d.symbol, d.title, d.body, d.doc_date, d.size_bytes, d.char_count,"
                + " (SELECT COUNT(*) FROM paragraph p WHERE p.document_id = d.id),"
                + " (SELECT COUNT(*) FROM sentence s WHERE s.document_id = d.id),"
                + " (SELECT COUNT(*) FROM footnote f WHERE f.document_id = d.id)"
                + " FROM document d ORDER BY d.symbol, d.source";
        List<Summary> summaries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                Date date = row.getDate(6);
                summaries.add(new Summary(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), date == null ? null : date.toLocalDate(), row.getLong(7), row.getInt(8),
                        row.getInt(9), row.getInt(10), row.getInt(11)));
            }
        }
        return summaries;
    }

    /** The stored document rebuilt as the reader produced it. */
    public Optional<CleanDocument> find(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String source;
            String language;
            String symbol;
            String title;
            LocalDate date;
            String body;
            String type;
            String text;
            String matchText;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT source, language, symbol, title, doc_date, body, doc_type, text, match_text"
                            + " FROM document WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    source = row.getString(1);
                    language = row.getString(2);
                    symbol = row.getString(3);
                    title = row.getString(4);
                    Date sqlDate = row.getDate(5);
                    date = sqlDate == null ? null : sqlDate.toLocalDate();
                    body = row.getString(6);
                    type = row.getString(7);
                    text = row.getString(8);
                    matchText = row.getString(9);
                }
            }
            Map<Integer, List<Sentence>> sentences = new HashMap<>();
            for (Map.Entry<Integer, Sentence> s : query(connection, "SELECT paragraph_idx, idx, start_offset, end_offset"
                    + " FROM sentence WHERE document_id = ? ORDER BY idx", id, row -> Map.entry(row.getInt(1),
                    new Sentence(row.getInt(2), new Span(row.getInt(3), row.getInt(4)))))) {
                sentences.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(s.getValue());
            }
            Map<Integer, List<FootnoteMark>> marks = new HashMap<>();
            for (Map.Entry<Integer, FootnoteMark> m : query(connection, "SELECT paragraph_idx, number, char_offset"
                    + " FROM footnote_mark WHERE document_id = ? ORDER BY char_offset, number", id,
                    row -> Map.entry(row.getInt(1), new FootnoteMark(row.getInt(2), row.getInt(3))))) {
                marks.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(m.getValue());
            }
            String documentText = text;
            List<Paragraph> paragraphs = query(connection, "SELECT idx, kind, label, start_offset, end_offset"
                    + " FROM paragraph WHERE document_id = ? ORDER BY idx", id, row -> {
                        int index = row.getInt(1);
                        int start = row.getInt(4);
                        return new Paragraph(index, ParagraphKind.valueOf(row.getString(2)), row.getString(3), start,
                                documentText.substring(start, row.getInt(5)), sentences.getOrDefault(index, List.of()),
                                marks.getOrDefault(index, List.of()));
                    });
            List<Footnote> footnotes = query(connection, "SELECT number, text FROM footnote WHERE document_id = ?"
                    + " ORDER BY number", id, row -> new Footnote(row.getInt(1), row.getString(2)));
            List<Reference> references = query(connection, "SELECT symbol, source, start_offset, end_offset"
                    + " FROM doc_reference WHERE document_id = ? ORDER BY idx, start_offset", id, row -> {
                        int start = row.getInt(3);
                        Span span = row.wasNull() ? null : new Span(start, row.getInt(4));
                        return new Reference(row.getString(1), ReferenceSource.valueOf(row.getString(2)), span);
                    });
            return Optional.of(new CleanDocument(source, language, symbol, title, date, body, type, text, matchText,
                    paragraphs, footnotes, references));
        }
    }

    /** Reads one row of a result. */
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The rows of a query about one document, each read into a value. */
    private static <T> List<T> query(Connection connection, String sql, long id, RowReader<T> reader)
            throws SQLException {
        List<T> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(reader.read(row));
                }
            }
        }
        return values;
    }

    private static void delete(Connection connection, long id) throws SQLException {
        for (String table : List.of("doc_reference", "footnote_mark", "footnote", "sentence", "paragraph", "document")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + ("document".equals(table) ? " WHERE id = ?" : " WHERE document_id = ?"))) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }

    private static long insertDocument(Connection connection, CleanDocument document, String hash, long size)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO document (source, content_hash, language, symbol, title, doc_date, body, doc_type, text,"
                        + " match_text, size_bytes, char_count, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, document.source());
            insert.setString(2, hash);
            insert.setString(3, document.language());
            insert.setString(4, document.symbol());
            insert.setString(5, document.title());
            if (document.date() == null) {
                insert.setNull(6, Types.DATE);
            } else {
                insert.setDate(6, Date.valueOf(document.date()));
            }
            insert.setString(7, document.body());
            insert.setString(8, document.type());
            insert.setString(9, document.text());
            insert.setString(10, document.matchText());
            insert.setLong(11, size);
            insert.setInt(12, document.text().length());
            insert.setTimestamp(13, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertParts(Connection connection, long id, CleanDocument document) throws SQLException {
        try (PreparedStatement paragraph = connection.prepareStatement(
                "INSERT INTO paragraph (document_id, idx, kind, label, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement sentence = connection.prepareStatement(
                "INSERT INTO sentence (document_id, idx, paragraph_idx, start_offset, end_offset) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement mark = connection.prepareStatement(
                "INSERT INTO footnote_mark (document_id, paragraph_idx, number, char_offset) VALUES (?, ?, ?, ?)")) {
            for (Paragraph p : document.paragraphs()) {
                paragraph.setLong(1, id);
                paragraph.setInt(2, p.index());
                paragraph.setString(3, p.kind().name());
                paragraph.setString(4, p.label());
                paragraph.setInt(5, p.start());
                paragraph.setInt(6, p.end());
                paragraph.addBatch();
                for (Sentence s : p.sentences()) {
                    sentence.setLong(1, id);
                    sentence.setInt(2, s.index());
                    sentence.setInt(3, p.index());
                    sentence.setInt(4, s.span().start());
                    sentence.setInt(5, s.span().end());
                    sentence.addBatch();
                }
                for (FootnoteMark m : p.marks()) {
                    mark.setLong(1, id);
                    mark.setInt(2, p.index());
                    mark.setInt(3, m.number());
                    mark.setInt(4, m.offset());
                    mark.addBatch();
                }
            }
            paragraph.executeBatch();
            sentence.executeBatch();
            mark.executeBatch();
        }
        try (PreparedStatement footnote = connection.prepareStatement(
                "INSERT INTO footnote (document_id, number, text) VALUES (?, ?, ?)");
             PreparedStatement reference = connection.prepareStatement(
                "INSERT INTO doc_reference (document_id, idx, symbol, source, start_offset, end_offset)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Footnote f : document.footnotes()) {
                footnote.setLong(1, id);
                footnote.setInt(2, f.number());
                footnote.setString(3, f.text());
                footnote.addBatch();
            }
            int position = 0;
            for (Reference r : document.references()) {
                reference.setLong(1, id);
                reference.setInt(2, position++);
                reference.setString(3, r.symbol());
                reference.setString(4, r.source().name());
                if (r.span() == null) {
                    reference.setNull(5, Types.INTEGER);
                    reference.setNull(6, Types.INTEGER);
                } else {
                    reference.setInt(5, r.span().start());
                    reference.setInt(6, r.span().end());
                }
                reference.addBatch();
            }
            footnote.executeBatch();
            reference.executeBatch();
        }
    }
}
