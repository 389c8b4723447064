package org.paraterm.glossary;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.paraterm.Columns;
import org.paraterm.KillPoint;
import org.paraterm.RecentReading;

/**
 * Glossary entries in the database. Every save is one transaction that checks the version the
 * editor started from (a later save by someone else refuses it with {@link ConcurrentEditException}),
 * stores the whole new version for restoring, and records each changed field for the history.
 */
@Singleton
public class GlossaryStore {

    /** A filter over entries; {@code query} matches any term's text, in any language. */
    public record Query(String text, EntryStatus status, Boolean published, boolean deleted, int page, int size) {

        public Query {
            page = Math.max(1, page);
            size = Math.min(500, Math.max(1, size));
        }

        public static Query published(String text, int page, int size) {
            return new Query(text, null, true, false, page, size);
        }
    }

    public record Page(long total, List<Entry> entries) {
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Change(String field, String oldValue, String newValue) {
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Version(int version, String changedBy, Instant changedAt, String action, List<Change> changes) {
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Comment(long id, String author, Instant createdAt, String text) {
    }

    /** The size of entry_version.action (V13). */
    private static final int ACTION_LENGTH = 1000;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final RecentReading<String> fingerprint;

    /**
     * @param checkInterval how old the glossary's fingerprint may be before {@link #fingerprint()}
     *     reads it again ({@code paraterm.check-interval}, 1 s): how soon an edit made through another
     *     instance reaches this one's cached related entries and check index
     */
    public GlossaryStore(DataSource dataSource, ObjectMapper json,
                         @Value("${paraterm.check-interval:1s}") Duration checkInterval) {
        this.dataSource = dataSource;
        this.json = json;
        this.fingerprint = new RecentReading<>(checkInterval, this::readFingerprint);
    }

    /**
     * Saves a new entry as version 1 and returns it with its id.
     *
     * @throws IllegalArgumentException when a field is longer than its column ({@link EntryLimits})
     */
    public Entry create(Entry draft, String by, String action) throws SQLException {
        EntryLimits.check(draft);
        return inTransaction(connection -> insert(connection, draft, by, action));
    }

    /** Saves many new entries, all or none (one transaction): an import. */
    public int createAll(List<Entry> drafts, String by, String action) throws SQLException {
        for (int i = 0; i < drafts.size(); i++) {
            String problem = EntryLimits.problem(drafts.get(i));
            if (problem != null) {
                throw new IllegalArgumentException("entry " + (i + 1) + ", " + problem);
            }
        }
        return inTransaction(connection -> {
            for (int i = 0; i < drafts.size(); i++) {
                if (i == drafts.size() / 2) {
                    KillPoint.reach(KillPoint.IMPORT_HALF_WRITTEN);
                }
                insert(connection, drafts.get(i), by, action);
            }
            return drafts.size();
        });
    }

    private Entry insert(Connection connection, Entry draft, String by, String action) throws SQLException {
        {
            Instant now = Instant.now();
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entry (subject, definition_zh,"
                    + " definition_en, note, status, rejection_reason, published, deleted, created_by, created_at,"
                    + " modified_by, modified_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, 1)",
                    new String[] {"id"})) {
                insert.setString(1, draft.subject());
                insert.setString(2, draft.definitionZh());
                insert.setString(3, draft.definitionEn());
                insert.setString(4, draft.note());
                insert.setString(5, draft.status().name());
                insert.setString(6, draft.rejectionReason());
                insert.setBoolean(7, draft.published());
                insert.setString(8, by);
                insert.setTimestamp(9, Timestamp.from(now));
                insert.setString(10, by);
                insert.setTimestamp(11, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            writeParts(connection, id, draft);
            Entry saved = load(connection, id, false).orElseThrow();
            recordVersion(connection, saved, null, by, action);
            return saved;
        }
    }

    /**
     * Saves a changed entry. {@code edited.version()} is the version the editor started from; when
     * someone saved in between, nothing is written and the exception shows their change.
     */
    public Entry update(Entry edited, String by, String action) throws SQLException {
        EntryLimits.check(edited);
        return inTransaction(connection -> {
            Entry current = load(connection, edited.id(), true)
                    .orElseThrow(() -> new IllegalArgumentException("no entry " + edited.id()));
            if (current.version() != edited.version()) {
                throw new ConcurrentEditException(current, changesSince(connection, edited.id(), edited.version()));
            }
            Instant now = Instant.now();
            try (PreparedStatement update = connection.prepareStatement("UPDATE entry SET subject = ?,"
                    + " definition_zh = ?, definition_en = ?, note = ?, status = ?, rejection_reason = ?,"
                    + " published = ?, deleted = ?, modified_by = ?, modified_at = ?, version = version + 1"
                    + " WHERE id = ? AND version = ?")) {
                update.setString(1, edited.subject());
                update.setString(2, edited.definitionZh());
                update.setString(3, edited.definitionEn());
                update.setString(4, edited.note());
                update.setString(5, edited.status().name());
                update.setString(6, edited.rejectionReason());
                update.setBoolean(7, edited.published());
                update.setBoolean(8, isDeleted(connection, edited.id()));
                update.setString(9, by);
                update.setTimestamp(10, Timestamp.from(now));
                update.setLong(11, edited.id());
                update.setInt(12, edited.version());
                if (update.executeUpdate() != 1) {
                    Entry other = load(connection, edited.id(), true).orElseThrow();
                    throw new ConcurrentEditException(other, changesSince(connection, edited.id(), edited.version()));
                }
            }
            try (PreparedStatement terms = connection.prepareStatement("DELETE FROM entry_term WHERE entry_id = ?");
                 PreparedStatement evidence = connection.prepareStatement(
                         "DELETE FROM entry_evidence WHERE entry_id = ?")) {
                terms.setLong(1, edited.id());
                terms.executeUpdate();
                evidence.setLong(1, edited.id());
                evidence.executeUpdate();
            }
            writeParts(connection, edited.id(), edited);
            Entry saved = load(connection, edited.id(), true).orElseThrow();
            recordVersion(connection, saved, current, by, action);
            return saved;
        });
    }

    /** Marks an entry deleted (it leaves every list) or brings it back; both are versions in its history. */
    public Entry setDeleted(long id, int expectedVersion, boolean deleted, String by) throws SQLException {
        return inTransaction(connection -> {
            Entry current = load(connection, id, true).orElseThrow(() -> new IllegalArgumentException("no entry " + id));
            if (current.version() != expectedVersion) {
                throw new ConcurrentEditException(current, changesSince(connection, id, expectedVersion));
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE entry SET deleted = ?,"
                    + " published = CASE WHEN ? THEN FALSE ELSE published END, modified_by = ?, modified_at = ?,"
                    + " version = version + 1 WHERE id = ?")) {
                update.setBoolean(1, deleted);
                update.setBoolean(2, deleted);
                update.setString(3, by);
                update.setTimestamp(4, Timestamp.from(Instant.now()));
                update.setLong(5, id);
                update.executeUpdate();
            }
            Entry saved = load(connection, id, true).orElseThrow();
            recordVersion(connection, saved, current, by, deleted ? "delete" : "revive");
            return saved;
        });
    }

    /** Makes an earlier version the current one again, as a new version. */
    public Entry restore(long id, int version, int expectedVersion, String by) throws SQLException {
        Entry old = snapshot(id, version).orElseThrow(() -> new IllegalArgumentException(
                "entry " + id + " has no version " + version));
        Entry current = find(id, true).orElseThrow();
        Entry restored = new Entry(id, old.subject(), old.definitionZh(), old.definitionEn(), old.note(), old.status(),
                old.rejectionReason(), old.published(), old.terms(), old.evidence(), current.createdBy(),
                current.createdAt(), current.modifiedBy(), current.modifiedAt(), expectedVersion);
        return update(restored, by, "restore version " + version);
    }

    public Optional<Entry> find(long id, boolean includeDeleted) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return load(connection, id, includeDeleted);
        }
    }

    public boolean isDeleted(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return isDeleted(connection, id);
        }
    }

    public Page search(Query query) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE e.deleted = ?");
        List<Object> parameters = new ArrayList<>(List.of(query.deleted()));
        if (query.status() != null) {
            where.append(" AND e.status = ?");
            parameters.add(query.status().name());
        }
        if (query.published() != null) {
            where.append(" AND e.published = ?");
            parameters.add(query.published());
        }
        String needle = SearchMatch.normalized(query.text());
        String rankColumn = "";
        List<Object> ranking = new ArrayList<>();
        if (!needle.isEmpty()) {
            String contains = "%" + likeEscaped(needle) + "%";
            where.append(" AND EXISTS (SELECT 1 FROM entry_term t WHERE t.entry_id = e.id AND " + NORMALIZED_TERM
                    + " LIKE ? ESCAPE '!')");
            parameters.add(contains);
            // Ranked as SearchMatch ranks one entry: exact preferred term, other exact term, prefix,
            // substring; then the shorter matched term. Terms are at most 400 characters.
            rankColumn = ", (SELECT MIN(CASE WHEN " + NORMALIZED_TERM + " = ? AND t.usage_status = 'PREFERRED' THEN 0"
                    + " WHEN " + NORMALIZED_TERM + " = ? THEN 1 WHEN " + NORMALIZED_TERM + " LIKE ? ESCAPE '!' THEN 2"
                    + " ELSE 3 END * 1000 + LENGTH(t.text)) FROM entry_term t WHERE t.entry_id = e.id AND "
                    + NORMALIZED_TERM + " LIKE ? ESCAPE '!') AS match_rank";
            ranking.addAll(List.of(needle, needle, likeEscaped(needle) + "%", contains));
        }
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(connection, "SELECT COUNT(*) FROM entry e" + where, parameters);
                 ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
            List<Object> paged = new ArrayList<>(ranking);
            paged.addAll(parameters);
            paged.add(query.size());
            paged.add((long) (query.page() - 1) * query.size());
            String select = ranking.isEmpty()
                    ? "SELECT e.id FROM entry e" + where + " ORDER BY e.modified_at DESC, e.id DESC"
                    : "SELECT e.id" + rankColumn + " FROM entry e" + where + " ORDER BY match_rank, e.id";
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, select + " LIMIT ? OFFSET ?", paged);
                 ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
            return new Page(total, loadAll(connection, ids, true));
        }
    }

    /**
     * A browsing filter: entries of a subject, with a term of a type, in a status, published or not,
     * changed since a time; null leaves a condition out. Deleted entries are never listed.
     */
    public record BrowseFilter(String subject, TermType type, EntryStatus status, Boolean published,
                               Instant changedSince) {
    }

    /** What browsing sorts and groups by, for every entry the filter lets through. */
    public List<Browse.Key> browseKeys(BrowseFilter filter) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE e.deleted = FALSE");
        List<Object> parameters = new ArrayList<>();
        if (filter.subject() != null) {
            where.append(" AND e.subject = ?");
            parameters.add(filter.subject());
        }
        if (filter.type() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM entry_term t WHERE t.entry_id = e.id AND t.term_type = ?)");
            parameters.add(filter.type().name());
        }
        if (filter.status() != null) {
            where.append(" AND e.status = ?");
            parameters.add(filter.status().name());
        }
        if (filter.published() != null) {
            where.append(" AND e.published = ?");
            parameters.add(filter.published());
        }
        if (filter.changedSince() != null) {
            where.append(" AND e.modified_at >= ?");
            parameters.add(Timestamp.from(filter.changedSince()));
        }
        // The preferred term of each language, else its first term, as Entry.preferred picks it.
        String preferred = "(SELECT t.text FROM entry_term t WHERE t.entry_id = e.id AND t.language = ?"
                + " ORDER BY CASE WHEN t.usage_status = 'PREFERRED' THEN 0 ELSE 1 END, t.idx LIMIT 1)";
        List<Object> all = new ArrayList<>(List.of("zh", "en"));
        all.addAll(parameters);
        List<Browse.Key> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = prepare(connection, "SELECT e.id, " + preferred + ", " + preferred
                     + ", e.subject, e.modified_at FROM entry e" + where, all);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                keys.add(new Browse.Key(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant()));
            }
        }
        return keys;
    }

    /** Every subject of the entries {@code published} (all when null) lets through, with its entry count. */
    public Map<String, Integer> subjects(Boolean published) throws SQLException {
        Map<String, Integer> subjects = new java.util.TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = prepare(connection, "SELECT e.subject, COUNT(*) FROM entry e"
                     + " WHERE e.deleted = FALSE AND e.subject IS NOT NULL"
                     + (published == null ? "" : " AND e.published = ?") + " GROUP BY e.subject",
                     published == null ? List.of() : List.of(published));
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                subjects.put(row.getString(1), row.getInt(2));
            }
        }
        return subjects;
    }

    /** The entries of {@code ids}, in that order; ids of deleted or missing entries are skipped. */
    public List<Entry> findAll(List<Long> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return loadAll(connection, ids, false);
        }
    }

    /**
     * Entries with a term equal or nearly equal to {@code text} (same length, one or two characters
     * different, or one containing the other), so that a terminologist sees an existing concept
     * before creating a duplicate.
     */
    public List<Entry> similar(String text, int limit) throws SQLException {
        String wanted = text == null ? "" : text.strip();
        if (wanted.length() < 2) {
            return List.of();
        }
        Map<Long, Integer> ranked = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT t.entry_id, t.text FROM entry_term t"
                     + " JOIN entry e ON e.id = t.entry_id WHERE e.deleted = FALSE AND (t.text = ? OR t.text LIKE ?"
                     + " ESCAPE '!' OR CAST(? AS VARCHAR(400)) LIKE '%' || t.text || '%' OR LENGTH(t.text) = ?)")) {
            select.setString(1, wanted);
            select.setString(2, "%" + likeEscaped(wanted) + "%");
            select.setString(3, wanted);
            select.setInt(4, wanted.length());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int closeness = closeness(wanted, row.getString(2));
                    if (closeness > 0) {
                        ranked.merge(row.getLong(1), closeness, Math::max);
                    }
                }
            }
            List<Long> ids = ranked.entrySet().stream()
                    .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed())
                    .limit(limit).map(Map.Entry::getKey).toList();
            return loadAll(connection, ids, false);
        }
    }

    /**
     * A fingerprint of the whole glossary that changes with every change to it: every change goes
     * through this store, which adds an entry or raises an entry's version, so the count of
     * entries, their highest id and the sum of their versions tell a stale copy by one small query
     * (about a millisecond for thousands of entries), whoever made the change and in whichever
     * process. Caches of glossary content key on it. Read at most once per check interval, and
     * at once after a change through this store.
     */
    public String fingerprint() throws SQLException {
        return fingerprint.get();
    }

    private String readFingerprint() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(CAST(version AS BIGINT)), 0) FROM entry");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1) + ":" + row.getLong(2) + ":" + row.getLong(3);
        }
    }

    /**
     * Entries with a term that contains {@code text} or lies inside it (two characters at least):
     * broader and narrower concepts, closest in length first.
     */
    public List<Entry> containing(String text, int limit) throws SQLException {
        String wanted = text == null ? "" : text.strip();
        if (wanted.length() < 2) {
            return List.of();
        }
        Map<Long, Integer> distance = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT t.entry_id, t.text FROM entry_term t"
                     + " JOIN entry e ON e.id = t.entry_id WHERE e.deleted = FALSE AND LENGTH(t.text) >= 2 AND"
                     + " t.text <> ? AND (t.text LIKE ? ESCAPE '!' OR CAST(? AS VARCHAR(400)) LIKE '%' || t.text || '%')")) {
            select.setString(1, wanted);
            select.setString(2, "%" + likeEscaped(wanted) + "%");
            select.setString(3, wanted);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    distance.merge(row.getLong(1), Math.abs(row.getString(2).length() - wanted.length()), Math::min);
                }
            }
            List<Long> ids = distance.entrySet().stream()
                    .sorted(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).map(Map.Entry::getKey).toList();
            return loadAll(connection, ids, false);
        }
    }

    /** 3 the same string, 2 one or two characters different, 1 one inside the other, 0 unrelated. */
    static int closeness(String a, String b) {
        if (a.equals(b)) {
            return 3;
        }
        if (a.length() == b.length() && a.length() >= 3) {
            int differences = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    differences++;
                }
            }
            if (differences <= 2) {
                return 2;
            }
        }
        boolean inside = a.length() >= 2 && b.length() >= 2 && (a.contains(b) || b.contains(a));
        return inside && Math.min(a.length(), b.length()) * 2 >= Math.max(a.length(), b.length()) ? 1 : 0;
    }

    public List<Version> history(long id) throws SQLException {
        List<Version> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT version, changed_by, changed_at, action"
                     + " FROM entry_version WHERE entry_id = ? ORDER BY version DESC")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int version = row.getInt(1);
                    versions.add(new Version(version, row.getString(2), row.getTimestamp(3).toInstant(),
                            row.getString(4), changes(connection, id, version)));
                }
            }
        }
        return versions;
    }

    public Optional<Entry> snapshot(long id, int version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT snapshot FROM entry_version WHERE entry_id = ? AND version = ?")) {
            select.setLong(1, id);
            select.setInt(2, version);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(fromJson(row.getString(1))) : Optional.empty();
            }
        }
    }

    public Comment comment(long entryId, String author, String text) throws SQLException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a comment needs text");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO entry_comment (entry_id, author,"
                     + " created_at, text) VALUES (?, ?, ?, ?)", new String[] {"id"})) {
            Instant now = Instant.now();
            insert.setLong(1, entryId);
            insert.setString(2, author);
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setString(4, text.strip());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Comment(keys.getLong(1), author, now, text.strip());
            }
        }
    }

    public List<Comment> comments(long entryId) throws SQLException {
        List<Comment> comments = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, author, created_at, text"
                     + " FROM entry_comment WHERE entry_id = ? ORDER BY created_at, id")) {
            select.setLong(1, entryId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    comments.add(new Comment(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant(),
                            row.getString(4)));
                }
            }
        }
        return comments;
    }

    public int count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM entry WHERE deleted = FALSE");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    // --- inside a transaction -------------------------------------------------------------

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                fingerprint.changed();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void writeParts(Connection connection, long id, Entry entry) throws SQLException {
        try (PreparedStatement term = connection.prepareStatement("INSERT INTO entry_term (entry_id, idx, language,"
                + " text, term_type, usage_status, note, source, paragraph, match_text)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement evidence = connection.prepareStatement("INSERT INTO entry_evidence (entry_id, idx,"
                     + " document_id, symbol, paragraph, text) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < entry.terms().size(); i++) {
                Term t = entry.terms().get(i);
                term.setLong(1, id);
                term.setInt(2, i);
                term.setString(3, t.language());
                term.setString(4, t.text().strip());
                term.setString(5, t.type().name());
                term.setString(6, t.usage().name());
                term.setString(7, t.note());
                term.setString(8, t.source());
                term.setString(9, t.paragraph());
                term.setString(10, SearchMatch.normalized(t.text()));
                term.addBatch();
            }
            for (int i = 0; i < entry.evidence().size(); i++) {
                Evidence e = entry.evidence().get(i);
                evidence.setLong(1, id);
                evidence.setInt(2, i);
                evidence.setObject(3, e.document());
                evidence.setString(4, e.symbol());
                evidence.setString(5, e.paragraph());
                evidence.setString(6, e.text());
                evidence.addBatch();
            }
            term.executeBatch();
            evidence.executeBatch();
        }
    }

    /** The entries of {@code ids} in that order, leaving out missing ones (and deleted ones unless asked). */
    /**
     * Entries with their terms and evidence, in the order of {@code ids}, in three queries however
     * many there are (a page of search results was three queries per entry, each a round trip to a
     * PostgreSQL server).
     */
    private List<Entry> loadAll(Connection connection, List<Long> ids, boolean includeDeleted) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.sql.Array wanted = connection.createArrayOf("BIGINT", ids.toArray(Long[]::new));
        Map<Long, Entry> heads = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, subject, definition_zh, definition_en,"
                + " note, status, rejection_reason, published, created_by, created_at, modified_by, modified_at,"
                + " version, deleted FROM entry WHERE id = ANY(?)")) {
            select.setArray(1, wanted);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (row.getBoolean(14) && !includeDeleted) {
                        continue;
                    }
                    heads.put(row.getLong(1), new Entry(row.getLong(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), EntryStatus.valueOf(row.getString(6)), row.getString(7),
                            row.getBoolean(8), List.of(), List.of(), row.getString(9), row.getTimestamp(10).toInstant(),
                            row.getString(11), row.getTimestamp(12).toInstant(), row.getInt(13)));
                }
            }
        }
        Map<Long, List<Term>> terms = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT entry_id, language, text, term_type,"
                + " usage_status, note, source, paragraph FROM entry_term WHERE entry_id = ANY(?) ORDER BY entry_id, idx")) {
            select.setArray(1, wanted);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    terms.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new Term(row.getString(2),
                            row.getString(3), TermType.valueOf(row.getString(4)), UsageStatus.valueOf(row.getString(5)),
                            row.getString(6), row.getString(7), row.getString(8)));
                }
            }
        }
        Map<Long, List<Evidence>> evidence = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT entry_id, document_id, symbol, paragraph,"
                + " text FROM entry_evidence WHERE entry_id = ANY(?) ORDER BY entry_id, idx")) {
            select.setArray(1, wanted);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long entry = row.getLong(1);
                    long document = row.getLong(2);
                    Long documentId = row.wasNull() ? null : document;
                    evidence.computeIfAbsent(entry, id -> new ArrayList<>()).add(new Evidence(documentId,
                            row.getString(3), row.getString(4), row.getString(5)));
                }
            }
        }
        List<Entry> entries = new ArrayList<>(ids.size());
        for (long id : ids) {
            Entry head = heads.get(id);
            if (head != null) {
                entries.add(new Entry(id, head.subject(), head.definitionZh(), head.definitionEn(), head.note(),
                        head.status(), head.rejectionReason(), head.published(), terms.getOrDefault(id, List.of()),
                        evidence.getOrDefault(id, List.of()), head.createdBy(), head.createdAt(), head.modifiedBy(),
                        head.modifiedAt(), head.version()));
            }
        }
        return entries;
    }

    private Optional<Entry> load(Connection connection, long id, boolean includeDeleted) throws SQLException {
        return loadAll(connection, List.of(id), includeDeleted).stream().findFirst();
    }

    private static boolean isDeleted(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT deleted FROM entry WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private void recordVersion(Connection connection, Entry saved, Entry before, String by, String action)
            throws SQLException {
        try (PreparedStatement version = connection.prepareStatement("INSERT INTO entry_version (entry_id, version,"
                + " snapshot, changed_by, changed_at, action) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement change = connection.prepareStatement("INSERT INTO entry_change (entry_id, version,"
                     + " field, old_value, new_value) VALUES (?, ?, ?, ?, ?)")) {
            version.setLong(1, saved.id());
            version.setInt(2, saved.version());
            version.setString(3, toJson(saved));
            version.setString(4, by);
            version.setTimestamp(5, Timestamp.from(saved.modifiedAt()));
            // The action may name a file or a term (V13 gives it 1,000 characters); a longer one is a
            // description still, and is shortened rather than refused.
            version.setString(6, Columns.clip(action, ACTION_LENGTH));
            version.executeUpdate();
            for (Change c : differences(before, saved)) {
                change.setLong(1, saved.id());
                change.setInt(2, saved.version());
                change.setString(3, c.field());
                change.setString(4, c.oldValue());
                change.setString(5, c.newValue());
                change.addBatch();
            }
            change.executeBatch();
        }
    }

    /** The fields that differ between two versions, each as old → new text. */
    static List<Change> differences(Entry before, Entry after) {
        List<Change> changes = new ArrayList<>();
        compare(changes, "subject", before == null ? null : before.subject(), after.subject());
        compare(changes, "definition (zh)", before == null ? null : before.definitionZh(), after.definitionZh());
        compare(changes, "definition (en)", before == null ? null : before.definitionEn(), after.definitionEn());
        compare(changes, "note", before == null ? null : before.note(), after.note());
        compare(changes, "status", before == null ? null : before.status().label(), after.status().label());
        compare(changes, "rejection reason", before == null ? null : before.rejectionReason(), after.rejectionReason());
        compare(changes, "published", before == null ? null : String.valueOf(before.published()),
                String.valueOf(after.published()));
        compare(changes, "terms", before == null ? null : describe(before.terms()), describe(after.terms()));
        return changes;
    }

    private static void compare(List<Change> changes, String field, String before, String after) {
        if (!Objects.equals(blankToNull(before), blankToNull(after))) {
            changes.add(new Change(field, before, after));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Terms as one line each: "zh 外国恐怖主义作战人员 (full-form, preferred)". */
    static String describe(List<Term> terms) {
        StringBuilder text = new StringBuilder();
        for (Term t : terms) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(t.language()).append(' ').append(t.text()).append(" (").append(t.type().label()).append(", ")
                    .append(t.usage().label()).append(')');
        }
        return text.toString();
    }

    private List<Change> changes(Connection connection, long id, int version) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT field, old_value, new_value"
                + " FROM entry_change WHERE entry_id = ? AND version = ?")) {
            select.setLong(1, id);
            select.setInt(2, version);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    changes.add(new Change(row.getString(1), row.getString(2), row.getString(3)));
                }
            }
        }
        return changes;
    }

    /** What others changed after {@code version}: shown to an editor whose save was refused. */
    private List<Version> changesSince(Connection connection, long id, int version) throws SQLException {
        List<Version> versions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT version, changed_by, changed_at, action"
                + " FROM entry_version WHERE entry_id = ? AND version > ? ORDER BY version")) {
            select.setLong(1, id);
            select.setInt(2, version);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int v = row.getInt(1);
                    versions.add(new Version(v, row.getString(2), row.getTimestamp(3).toInstant(), row.getString(4),
                            changes(connection, id, v)));
                }
            }
        }
        return versions;
    }

    private String toJson(Entry entry) {
        try {
            return json.writeValueAsString(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Entry fromJson(String text) {
        try {
            return json.readValue(text, Entry.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    /**
     * A term's text in the form {@link SearchMatch#normalized} gives a search string: lower case,
     * full-width brackets, digits and letters as their half-width forms. TRANSLATE works the same
     * on H2 and PostgreSQL.
     */
    /** A term's search form, stored with it (V12): SearchMatch.normalized of its text. */
    private static final String NORMALIZED_TERM = "t.match_text";

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
