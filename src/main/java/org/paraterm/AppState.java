package org.paraterm;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Named facts about the data folder kept in its database (table {@code app_state}, migration V7). */
@Singleton
public class AppState {

    /** "started" while a first start loads its corpus, "finished" once it has. */
    public static final String FIRST_START = "first-start";
    /** The folder a first start loads, so that a restart resumes the same one; empty for the bundled corpus. */
    public static final String FIRST_START_CORPUS = "first-start-corpus";

    private final DataSource dataSource;

    public AppState(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> get(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT state FROM app_state WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The size of app_state.state (V13): room for the longest path Linux allows. */
    static final int VALUE_LENGTH = 8000;

    /**
     * Sets a value in one transaction (delete and insert: no upsert syntax is common to H2 and PostgreSQL).
     *
     * @throws IllegalArgumentException for a value longer than the column holds
     */
    public void put(String name, String value) throws SQLException {
        if (value.length() > VALUE_LENGTH) {
            throw new IllegalArgumentException(name + ": " + value.length() + " characters, more than the "
                    + VALUE_LENGTH + " paraterm keeps");
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM app_state WHERE name = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO app_state (name, state, changed_at) VALUES (?, ?, ?)")) {
                delete.setString(1, name);
                delete.executeUpdate();
                insert.setString(1, name);
                insert.setString(2, value);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
