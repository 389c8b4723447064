package org.paraterm.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application's tables as the database itself describes them (JDBC metadata, which H2 and
 * PostgreSQL both answer from their information schema), so that a table a new migration adds is
 * backed up without anyone remembering to list it. Left out: Flyway's own history table (the
 * schema version it holds is recorded on its own) and the web sessions.
 */
public final class DatabaseTables {

    /** Flyway's bookkeeping table (the name micronaut-flyway uses by default). */
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    /**
     * The web sessions (V6), left out too: they are not data, and a restored session would sign
     * in again someone who had signed out. A restored database starts with no sessions.
     */
    static final String SESSIONS = "web_session";

    /** One column: its name, its JDBC type ({@link java.sql.Types}) and the database's name for it. */
    public record Column(String name, int jdbcType, String typeName) {
    }

    /**
     * One table: its columns in table order, the columns of its primary key (the order rows are
     * written in; empty when it has none), and the columns the database numbers itself.
     */
    public record Table(String name, List<Column> columns, List<String> primaryKey, List<String> identity) {
    }

    private DatabaseTables() {
    }

    /**
     * Every table of the current schema except Flyway's, in an order safe for inserting: a table
     * comes after every table its foreign keys point at (ties by name, so the order is stable).
     */
    public static List<Table> list(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Set<String> names = new TreeSet<>();
        try (ResultSet tables = meta.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(FLYWAY_HISTORY) && !name.equalsIgnoreCase(SESSIONS)
                        && !name.equalsIgnoreCase(org.paraterm.Database.RESTORE_MARKER)) {
                    names.add(name);
                }
            }
        }
        Map<String, Set<String>> references = new TreeMap<>();
        for (String name : names) {
            Set<String> targets = new TreeSet<>();
            try (ResultSet keys = meta.getImportedKeys(null, schema, name)) {
                while (keys.next()) {
                    String target = keys.getString("PKTABLE_NAME");
                    if (!target.equals(name) && names.contains(target)) {
                        targets.add(target);
                    }
                }
            }
            references.put(name, targets);
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (placed.size() < names.size()) {
            String next = null;
            for (String name : names) {
                if (!placed.contains(name) && placed.containsAll(references.get(name))) {
                    next = name;
                    break;
                }
            }
            if (next == null) {
                throw new SQLException("the foreign keys between " + names + " form a cycle; no safe load order");
            }
            placed.add(next);
            ordered.add(describe(connection, meta, schema, next));
        }
        return ordered;
    }

    private static Table describe(Connection connection, DatabaseMetaData meta, String schema, String name)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet empty = statement.executeQuery("SELECT * FROM " + quote(name) + " WHERE 1 = 0")) {
            ResultSetMetaData shape = empty.getMetaData();
            for (int i = 1; i <= shape.getColumnCount(); i++) {
                String typeName = shape.getColumnTypeName(i).toLowerCase(Locale.ROOT);
                // PostgreSQL's driver calls timestamptz TIMESTAMP, and then refuses to read it as one.
                int type = typeName.equals("timestamptz") ? Types.TIMESTAMP_WITH_TIMEZONE : shape.getColumnType(i);
                columns.add(new Column(shape.getColumnName(i), type, typeName));
            }
        }
        Map<Integer, String> keyByPosition = new TreeMap<>();
        try (ResultSet keys = meta.getPrimaryKeys(null, schema, name)) {
            while (keys.next()) {
                keyByPosition.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME"));
            }
        }
        List<String> identity = new ArrayList<>();
        try (ResultSet described = meta.getColumns(null, schema, name, "%")) {
            while (described.next()) {
                if ("YES".equalsIgnoreCase(described.getString("IS_AUTOINCREMENT"))) {
                    identity.add(described.getString("COLUMN_NAME"));
                }
            }
        }
        return new Table(name, List.copyOf(columns), List.copyOf(keyByPosition.values()), List.copyOf(identity));
    }

    /**
     * The schema version Flyway last applied successfully ("4", "8"), or null for a database Flyway
     * never migrated.
     */
    public static String schemaVersion(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean present;
        try (ResultSet tables = meta.getTables(null, connection.getSchema(), FLYWAY_HISTORY, null)) {
            present = tables.next();
        }
        if (!present) {
            return null;
        }
        String newest = null;
        try (PreparedStatement query = connection.prepareStatement("SELECT " + quote("version") + " FROM "
                + quote(FLYWAY_HISTORY) + " WHERE " + quote("success") + " AND " + quote("version") + " IS NOT NULL");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (newest == null || compareVersions(version, newest) > 0) {
                    newest = version;
                }
            }
        }
        return newest;
    }

    /** Compares Flyway versions part by part as numbers: "10" is newer than "9", "4.1" than "4". */
    public static int compareVersions(String a, String b) {
        String[] left = a.split("[._]");
        String[] right = b.split("[._]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long x = i < left.length ? Long.parseLong(left[i]) : 0;
            long y = i < right.length ? Long.parseLong(right[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    /** Row counts by table, for reports and tests. */
    public static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table table : list(connection)) {
            try (Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + quote(table.name()))) {
                count.next();
                counts.put(table.name(), count.getLong(1));
            }
        }
        return counts;
    }

    /** A name in double quotes, as both H2 and PostgreSQL read it (names here come from the database). */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
