package org.paraterm.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes every table of a database into a backup zip: {@code tables/NAME.jsonl} per table (one
 * JSON array per row, in column order, rows in primary-key order) and then {@code manifest.json}.
 * All tables are read in one transaction that sees one snapshot, so the backup is consistent even
 * if another connection writes meanwhile.
 */
public final class BackupWriter {

    private BackupWriter() {
    }

    public static Manifest write(Connection connection, OutputStream target, String paratermVersion)
            throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        // PostgreSQL reads one snapshot at REPEATABLE READ; H2 only at SERIALIZABLE (its REPEATABLE
        // READ fixes each table at its first read, not all of them at once).
        boolean h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
        connection.setTransactionIsolation(h2 ? Connection.TRANSACTION_SERIALIZABLE
                : Connection.TRANSACTION_REPEATABLE_READ);
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            String schemaVersion = DatabaseTables.schemaVersion(connection);
            List<Manifest.TableEntry> entries = new ArrayList<>();
            for (DatabaseTables.Table table : DatabaseTables.list(connection)) {
                entries.add(writeTable(connection, table, zip));
            }
            String database = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
            Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, schemaVersion,
                    Instant.now().toString(), paratermVersion, database, List.copyOf(entries));
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            manifest.write(zip);
            zip.closeEntry();
            connection.commit();
            return manifest;
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Manifest.TableEntry writeTable(Connection connection, DatabaseTables.Table table, ZipOutputStream zip)
            throws SQLException, IOException {
        String entry = "tables/" + table.name() + ".jsonl";
        zip.putNextEntry(new ZipEntry(entry));
        MessageDigest sha256 = sha256();
        long rows = 0;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + DatabaseTables.quote(table.name())
                     + orderBy(table));
             JsonGenerator json = new JsonFactory().createGenerator(new DigestOutputStream(unclosable(zip), sha256))) {
            json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            int columns = table.columns().size();
            while (result.next()) {
                json.writeStartArray();
                for (int i = 1; i <= columns; i++) {
                    Values.write(result, i, table.columns().get(i - 1).jdbcType(), json);
                }
                json.writeEndArray();
                rows++;
            }
            if (rows > 0) {
                json.writeRaw('\n');
            }
        }
        zip.closeEntry();
        return new Manifest.TableEntry(table.name(), entry, table.columns(), table.primaryKey(), table.identity(), rows,
                HexFormat.of().formatHex(sha256.digest()));
    }

    /** Primary-key order, else every column that can be compared, so the same data gives the same file. */
    private static String orderBy(DatabaseTables.Table table) {
        List<String> columns = table.primaryKey().isEmpty()
                ? table.columns().stream().filter(column -> sortable(column.jdbcType()))
                        .map(DatabaseTables.Column::name).toList()
                : table.primaryKey();
        return columns.isEmpty() ? "" : " ORDER BY " + columns.stream().map(DatabaseTables::quote)
                .collect(Collectors.joining(", "));
    }

    private static boolean sortable(int jdbcType) {
        return switch (jdbcType) {
            case Types.CLOB, Types.NCLOB, Types.BLOB, Types.LONGVARCHAR, Types.LONGVARBINARY, Types.BINARY,
                    Types.VARBINARY, Types.OTHER, Types.JAVA_OBJECT, Types.ARRAY -> false;
            default -> true;
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    /** The zip stream stays open when the JSON writer of one entry is closed. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
