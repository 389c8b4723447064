package org.paraterm.parallel;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.paraterm.Columns;
import org.paraterm.RecentReading;
import org.paraterm.TableFingerprint;

/**
 * Parallel units in the database, by source. A source is saved whole or not at all (one
 * transaction); saving it again with the same SHA-256 changes nothing, with another replaces it.
 */
@Singleton
public class ParallelStore {

    public enum Outcome { LOADED, REPLACED, UNCHANGED }

    /** Units written per JDBC batch. */
    private static final int BATCH = 500;
    /** The longest source name parallel_source.name holds, and the size of parallel_unit.document (V5). */
    public static final int NAME_LENGTH = 1000;

    private final DataSource dataSource;
    private final RecentReading<Long> version;

    /**
     * @param checkInterval how old the version may be before {@link #version()} reads it again
     *     ({@code paraterm.check-interval}, 1 s): how soon a source loaded through another instance
     *     reaches this one's parallel concordance
     */
    public ParallelStore(DataSource dataSource, @Value("${paraterm.check-interval:1s}") Duration checkInterval) {
        this.dataSource = dataSource;
        this.version = new RecentReading<>(checkInterval, () -> TableFingerprint.ofIds(dataSource, "parallel_source"));
    }

    /**
     * Stores {@code units} as the whole content of {@code source}, replacing what it held.
     *
     * @throws IllegalArgumentException for a source name longer than {@link #NAME_LENGTH}: the name
     *     identifies the source, so it is refused rather than shortened
     */
    public Outcome save(String source, String format, String sha256, List<ParallelUnit> units) throws SQLException {
        if (source.length() > NAME_LENGTH) {
            throw new IllegalArgumentException(source.substring(0, 60) + "…: the source's path is " + source.length()
                    + " characters long; paraterm keeps paths of up to " + NAME_LENGTH
                    + " (load it from a shorter folder path)");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Outcome outcome = Outcome.LOADED;
                try (PreparedStatement find = connection.prepareStatement(
                        "SELECT id, sha256 FROM parallel_source WHERE name = ?")) {
                    find.setString(1, source);
                    try (ResultSet row = find.executeQuery()) {
                        if (row.next()) {
                            if (row.getString(2).equals(sha256)) {
                                connection.rollback();
                                return Outcome.UNCHANGED;
                            }
                            delete(connection, row.getLong(1));
                            outcome = Outcome.REPLACED;
                        }
                    }
                }
                long id = insertSource(connection, source, format, sha256, units.size());
                insertUnits(connection, id, units);
                connection.commit();
                version.changed();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Every unit of every source: sources by name, units in their order. */
    public List<ParallelUnit> all() throws SQLException {
        List<ParallelUnit> units = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT u.zh, u.en, u.document, u.zh_sentences, u.en_sentences, u.confidence"
                             + " FROM parallel_unit u JOIN parallel_source s ON s.id = u.source_id"
                             + " ORDER BY s.name, u.idx")) {
            while (row.next()) {
                units.add(new ParallelUnit(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                        row.getInt(5), row.getDouble(6)));
            }
        }
        return units;
    }

    /**
     * A number that changes whenever the stored units change (loads, replaces, removes), in this
     * process or in another instance sharing the database, so that something built from
     * {@link #all()} can see it is behind. Read from the sources table: their ids are never reused
     * (a replaced source gets a new one), so the count, sum and largest of the ids move with every
     * change. One small query, at most once per check interval and at once after a change through
     * this store; the table holds a row per source, not per unit.
     */
    public long version() throws SQLException {
        return version.get();
    }

    /** How many units are stored, over all sources. */
    public int count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM parallel_unit")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** The stored sources by name. */
    public List<ParallelSource> sources() throws SQLException {
        List<ParallelSource> sources = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT name, format, sha256, units, loaded_at FROM parallel_source ORDER BY name")) {
            while (row.next()) {
                sources.add(source(row));
            }
        }
        return sources;
    }

    /** The stored source of that name, if there is one. */
    public Optional<ParallelSource> find(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT name, format, sha256, units, loaded_at FROM parallel_source WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(source(row)) : Optional.empty();
            }
        }
    }

    /** Removes a source and its units; false when there was no such source. */
    public boolean remove(String source) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM parallel_source WHERE name = ?")) {
            delete.setString(1, source);
            boolean removed = delete.executeUpdate() > 0;
            version.changed();
            return removed;
        }
    }

    private static ParallelSource source(ResultSet row) throws SQLException {
        return new ParallelSource(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                row.getTimestamp(5).toInstant());
    }

    private static void delete(Connection connection, long id) throws SQLException {
        // units first: the cascade would do it, but an explicit delete does not depend on it
        try (PreparedStatement units = connection.prepareStatement("DELETE FROM parallel_unit WHERE source_id = ?");
             PreparedStatement source = connection.prepareStatement("DELETE FROM parallel_source WHERE id = ?")) {
            units.setLong(1, id);
            units.executeUpdate();
            source.setLong(1, id);
            source.executeUpdate();
        }
    }

    private static long insertSource(Connection connection, String name, String format, String sha256, int units)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO parallel_source (name, format, sha256, units, loaded_at) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setString(2, format);
            insert.setString(3, sha256);
            insert.setInt(4, units);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertUnits(Connection connection, long sourceId, List<ParallelUnit> units)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO parallel_unit (source_id, idx, zh, en, document, zh_sentences, en_sentences, confidence)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < units.size(); i++) {
                ParallelUnit unit = units.get(i);
                insert.setLong(1, sourceId);
                insert.setInt(2, i);
                insert.setString(3, unit.zh());
                insert.setString(4, unit.en());
                // a unit's document is a label (a TMX attribute, an id line): shortened, not refused
                insert.setString(5, unit.document() == null ? "" : Columns.clip(unit.document(), NAME_LENGTH));
                insert.setInt(6, unit.zhSentences());
                insert.setInt(7, unit.enSentences());
                insert.setDouble(8, unit.confidence());
                insert.addBatch();
                if ((i + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
