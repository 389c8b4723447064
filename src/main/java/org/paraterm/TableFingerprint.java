package org.paraterm;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The state of a table whose ids are never reused, in one number from one small query: the count,
 * sum and largest of the ids move with every insert or delete, in whatever order transactions
 * commit. No counter row to keep, to back up or to contend for. Compare values with {@code ==} only.
 */
public final class TableFingerprint {

    private TableFingerprint() {
    }

    /** The fingerprint of {@code table} (a fixed table name from the code, never user input). */
    public static long ofIds(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT COUNT(*), COALESCE(SUM(id), 0), COALESCE(MAX(id), 0) FROM " + table)) {
            row.next();
            long count = row.getLong(1);
            long sum = row.getLong(2);
            long largest = row.getLong(3);
            return (largest * 1_000_003L + sum) * 1_000_003L + count;
        }
    }
}
