package org.paraterm;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Lets one paraterm process at a time do the start-up work that writes shared data (the first
 * start's corpus, mining and starter glossary, catching up the candidates, the first admin), so
 * that instances started together on an empty PostgreSQL database do not all load the corpus: the
 * first takes the lock and does the work, the others wait for it, then find it done.
 *
 * <p>On PostgreSQL a session-level advisory lock ({@code pg_advisory_lock}) on one connection held
 * for the duration: it needs no table, and the server releases it when the holder's connection
 * ends, so a process killed in the middle leaves no lock behind (the next start then completes the
 * first start, see {@link AppState#FIRST_START}). On H2 nothing is locked: a database file admits
 * one process.
 */
public final class StartupLock implements AutoCloseable {

    /** The advisory lock's key: any fixed number, the same in every paraterm version ("paraterm" in ASCII). */
    static final long KEY = 0x7061726174657276L;

    private final Connection connection;

    private StartupLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock, waiting (and saying so) while another process holds it. */
    public static StartupLock take(DataSource dataSource, PrintStream out) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return new StartupLock(null);
            }
            if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
                out.println("another paraterm instance is starting on this database; waiting for it to finish");
                try (PreparedStatement wait = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    wait.setLong(1, KEY);
                    wait.execute();
                }
            }
            return new StartupLock(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
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
            call(connection, "SELECT pg_advisory_unlock(?)");
        } finally {
            connection.close();
        }
    }
}
