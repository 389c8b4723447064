package org.paraterm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Lets one paraterm process at a time do a piece of work that rewrites shared data, when several
 * processes share one PostgreSQL database: the start-up work (a first start loads the corpus,
 * mines it and imports the starter glossary; catching up the candidates; the first admin), and
 * mining (which replaces every candidate). Two instances started together on an empty database
 * would otherwise both load the corpus, and two mining runs at once collide on the candidates'
 * keys.
 *
 * <p>On PostgreSQL a session-level advisory lock ({@code pg_advisory_lock}) on one connection held
 * for the duration: it needs no table, and the server releases it when the holder's connection
 * ends, so a process killed in the middle leaves no lock behind. On H2 nothing is locked here: a
 * database file admits one process (work within one process is serialized by its callers).
 */
public final class DatabaseLock implements AutoCloseable {

    /** What the lock is for; each its own advisory-lock key, any fixed numbers, the same in every version. */
    public enum Purpose {
        /** "paraters" in ASCII. */
        STARTUP(0x7061726174657273L),
        /** "paratemi" in ASCII. */
        MINING(0x7061726174656D69L);

        private final long key;

        Purpose(long key) {
            this.key = key;
        }
    }

    private final Connection connection;
    private final long key;

    private DatabaseLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Takes the lock for a purpose; when another process holds it, runs {@code whileWaiting} once
     * (to say so) and waits for it.
     */
    public static DatabaseLock take(DataSource dataSource, Purpose purpose, Runnable whileWaiting) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return new DatabaseLock(null, purpose.key);
            }
            if (!call(connection, "SELECT pg_try_advisory_lock(?)", purpose.key)) {
                whileWaiting.run();
                try (PreparedStatement wait = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    wait.setLong(1, purpose.key);
                    wait.execute();
                }
            }
            return new DatabaseLock(connection, purpose.key);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Takes the lock for a purpose if no other process holds it; empty when one does, without
     * waiting. On H2 it is always taken (one process per file).
     */
    public static Optional<DatabaseLock> tryTake(DataSource dataSource, Purpose purpose) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return Optional.of(new DatabaseLock(null, purpose.key));
            }
            if (!call(connection, "SELECT pg_try_advisory_lock(?)", purpose.key)) {
                connection.close();
                return Optional.empty();
            }
            return Optional.of(new DatabaseLock(connection, purpose.key));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static boolean call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** Releases the lock (closing the connection would too, but a pool keeps it open). */
    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        try {
            call(connection, "SELECT pg_advisory_unlock(?)", key);
        } finally {
            connection.close();
        }
    }
}
