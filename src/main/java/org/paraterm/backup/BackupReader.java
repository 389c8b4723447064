package org.paraterm.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.paraterm.DatabaseFailure;
import org.paraterm.KillPoint;

/**
 * A backup zip opened for restoring: its manifest read and checked at once, its tables loaded
 * into an empty database of the same schema version in one transaction — every row or none. Each
 * entry's row count and SHA-256 are checked against the manifest before the transaction commits.
 */
public final class BackupReader implements Closeable {

    private static final int BATCH = 500;

    private final Path file;
    private final ZipFile zip;
    private final Manifest manifest;

    private BackupReader(Path file, ZipFile zip, Manifest manifest) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Opens a backup; refuses a file that is not a zip, not a paraterm backup or of a newer format. */
    public static BackupReader open(Path file) throws BackupException {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file + ": no such file");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new BackupException(file + ": not a paraterm backup (not a zip file, or a damaged or truncated one)", e);
        } catch (IOException e) {
            throw new BackupException(file + ": cannot be read: " + e.getMessage(), e);
        }
        try {
            ZipEntry entry = zip.getEntry(Manifest.ENTRY);
            if (entry == null) {
                throw new BackupException(file + ": not a paraterm backup (no " + Manifest.ENTRY + " in the zip)");
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = Manifest.read(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new BackupException(file + ": " + Manifest.ENTRY + " is damaged: " + e.getMessage(), e);
            }
            if (manifest.formatVersion() > Manifest.FORMAT_VERSION) {
                throw new BackupException(file + " was written by a newer paraterm (backup format "
                        + manifest.formatVersion() + "; this paraterm reads format " + Manifest.FORMAT_VERSION
                        + " and older): restore it with that version");
            }
            for (Manifest.TableEntry table : manifest.tables()) {
                if (zip.getEntry(table.entry()) == null) {
                    throw new BackupException(file + ": entry " + table.entry() + " is missing");
                }
            }
            return new BackupReader(file, zip, manifest);
        } catch (BackupException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /**
     * Loads every table into {@code target}, which must hold the backup's tables with the same
     * columns and no rows, then sets every identity column to continue after its largest value.
     * One transaction: on any error it is rolled back and the error names the entry and line.
     */
    public void load(Connection target) throws BackupException, SQLException {
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try {
            Map<String, DatabaseTables.Table> present = DatabaseTables.list(target).stream()
                    .collect(Collectors.toMap(DatabaseTables.Table::name, Function.identity()));
            checkShape(present);
            for (Manifest.TableEntry table : manifest.tables()) {
                loadTable(target, table, present.get(table.name()));
            }
            KillPoint.reach(KillPoint.RESTORE_ROWS_LOADED);
            target.commit();
            // After the commit: in H2 an ALTER TABLE commits by itself, and a counter set too low
            // would only be noticed by the next insert.
            for (Manifest.TableEntry table : manifest.tables()) {
                for (String column : table.identity()) {
                    continueAfterLargest(target, table.name(), column);
                }
            }
            target.commit();
        } catch (BackupException | SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    private void checkShape(Map<String, DatabaseTables.Table> present) throws BackupException {
        for (Manifest.TableEntry table : manifest.tables()) {
            DatabaseTables.Table here = present.get(table.name());
            if (here == null) {
                throw new BackupException(file + ": table " + table.name() + " does not exist in the database at schema version "
                        + manifest.schemaVersion());
            }
            List<String> expected = table.columns().stream().map(DatabaseTables.Column::name).toList();
            List<String> actual = here.columns().stream().map(DatabaseTables.Column::name).toList();
            if (!expected.equals(actual)) {
                throw new BackupException(file + ": table " + table.name() + " has the columns " + expected
                        + " in the backup but " + actual + " in the database");
            }
        }
    }

    private void loadTable(Connection target, Manifest.TableEntry table, DatabaseTables.Table here)
            throws BackupException, SQLException {
        try (Statement statement = target.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + DatabaseTables.quote(table.name()))) {
            count.next();
            if (count.getLong(1) > 0) {
                throw new BackupException("the target database is not empty: table " + table.name() + " has rows");
            }
        }
        String columns = here.columns().stream().map(c -> DatabaseTables.quote(c.name())).collect(Collectors.joining(", "));
        String marks = here.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        String where = file + ": entry " + table.entry();
        MessageDigest sha256 = BackupWriter.sha256();
        long line = 0;
        try (PreparedStatement insert = target.prepareStatement("INSERT INTO " + DatabaseTables.quote(table.name())
                + " (" + columns + ") VALUES (" + marks + ")");
             InputStream raw = zip.getInputStream(zip.getEntry(table.entry()));
             BufferedReader lines = new BufferedReader(new InputStreamReader(new DigestInputStream(raw, sha256),
                     StandardCharsets.UTF_8))) {
            JsonFactory factory = new JsonFactory();
            int pending = 0;
            for (String text; (text = lines.readLine()) != null; ) {
                line++;
                try (JsonParser json = factory.createParser(text)) {
                    bindRow(json, insert, here.columns());
                } catch (IOException | IllegalArgumentException e) {
                    throw new BackupException(where + " line " + line + ": " + firstLine(e.getMessage()), e);
                } catch (SQLException e) {
                    throw new BackupException(where + " line " + line + ": refused by the database: "
                            + DatabaseFailure.explain(where + " line " + line, e), e);
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    execute(insert, where, line);
                    pending = 0;
                }
            }
            if (pending > 0) {
                execute(insert, where, line);
            }
        } catch (IOException e) {
            throw new BackupException(where + " cannot be read after line " + line + " (damaged zip?): "
                    + e.getMessage(), e);
        }
        if (line != table.rows()) {
            throw new BackupException(where + ": " + line + " rows, but the manifest says " + table.rows());
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(table.sha256())) {
            throw new BackupException(where + ": checksum mismatch (SHA-256 " + actual + ", the manifest says "
                    + table.sha256() + "); the backup is damaged");
        }
    }

    private static void bindRow(JsonParser json, PreparedStatement insert, List<DatabaseTables.Column> columns)
            throws IOException, SQLException {
        if (json.nextToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("not a JSON array of column values");
        }
        for (int i = 0; i < columns.size(); i++) {
            JsonToken token = json.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                throw new IllegalArgumentException(i + " values for " + columns.size() + " columns");
            }
            try {
                Values.bind(json, insert, i + 1, columns.get(i).jdbcType());
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("column " + columns.get(i).name() + ": " + e.getMessage(), e);
            }
        }
        if (json.nextToken() != JsonToken.END_ARRAY) {
            throw new IllegalArgumentException("more values than the " + columns.size() + " columns");
        }
        if (json.nextToken() != null) {
            throw new IllegalArgumentException("text after the row");
        }
    }

    private static void execute(PreparedStatement insert, String where, long line) throws BackupException {
        try {
            insert.executeBatch();
        } catch (SQLException e) {
            throw new BackupException(where + " near line " + line + ": refused by the database: "
                    + DatabaseFailure.explain(where + " near line " + line, e), e);
        }
    }

    private static void continueAfterLargest(Connection target, String table, String column) throws SQLException {
        long next;
        try (Statement statement = target.createStatement();
             ResultSet largest = statement.executeQuery("SELECT MAX(" + DatabaseTables.quote(column) + ") FROM "
                     + DatabaseTables.quote(table))) {
            largest.next();
            next = largest.getLong(1) + 1;
        }
        try (Statement statement = target.createStatement()) {
            statement.execute("ALTER TABLE " + DatabaseTables.quote(table) + " ALTER COLUMN " + DatabaseTables.quote(column)
                    + " RESTART WITH " + next);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
