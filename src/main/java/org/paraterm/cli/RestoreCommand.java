package org.paraterm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.paraterm.Database;
import org.paraterm.DatabaseFailure;
import org.paraterm.backup.BackupException;
import org.paraterm.backup.BackupReader;
import org.paraterm.backup.DatabaseTables;
import org.paraterm.backup.Manifest;

/**
 * {@code restore FILE --data DIR [--force]}: a backup into a data folder. The database is built
 * beside the folder's own in a staging folder — migrated to the backup's schema version, then
 * every row loaded in one transaction — and only a complete, checked database replaces the old
 * one, by renaming a file. Any refusal leaves the data folder as it was. The concordance index is
 * removed so that the next start builds it from the restored documents; later migrations also run
 * at that start.
 */
final class RestoreCommand {

    private static final String DATABASE_FILE = "paraterm.mv.db";
    private static final String MIGRATIONS = "classpath:db/migration";

    private RestoreCommand() {
    }

    static int run(Options options, PrintStream out, PrintStream err) throws IOException, Options.UsageException {
        Path file = options.argument("FILE");
        Path data = options.data().toAbsolutePath().normalize();
        long started = System.nanoTime();
        Database database = Paraterm.database(options);
        try (BackupReader backup = BackupReader.open(file)) {
            Manifest manifest = backup.manifest();
            if (!database.embedded()) {
                intoServer(database, backup, file, options.force(), out);
                long rows = manifest.rows();
                out.printf("restored %s into %s: %d tables, %d rows, schema version %s, in %d ms"
                                + " (each server's concordance index is rebuilt at its next start)%n", file,
                        database.display(), manifest.tables().size(), rows, manifest.schemaVersion(),
                        (System.nanoTime() - started) / 1_000_000);
                return 0;
            }
            checkTarget(data, options.force());
            Path staging = data.resolve("restore.tmp");
            deleteTree(staging);
            Files.createDirectories(staging);
            try {
                Database stagingDatabase = Database.h2(staging);
                migrate(stagingDatabase, manifest.schemaVersion(), file);
                // Loading is most of a restore's time: say that it runs, and where (a kill now leaves DIR as it was).
                out.printf("loading %d rows of %d tables into %s%n",
                        manifest.rows(), manifest.tables().size(),
                        staging);
                try (Connection connection = stagingDatabase.connect()) {
                    backup.load(connection);
                }
                Files.move(staging.resolve(DATABASE_FILE), data.resolve(DATABASE_FILE),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (SQLException e) {
                throw new BackupException(file + ": the restore failed, " + data + " is unchanged: "
                        + DatabaseFailure.explain("restoring " + file, e), e);
            } finally {
                deleteTree(staging);
            }
            Files.deleteIfExists(data.resolve("paraterm.trace.db"));
            deleteTree(data.resolve("index"));
            long rows = manifest.rows();
            out.printf("restored %s into %s: %d tables, %d rows, schema version %s, in %d ms"
                            + " (the concordance index is rebuilt at the next start)%n", file, data,
                    manifest.tables().size(), rows, manifest.schemaVersion(), (System.nanoTime() - started) / 1_000_000);
            return 0;
        } catch (BackupException e) {
            err.println("paraterm: " + e.getMessage());
            return 1;
        }
    }

    /** An empty folder, or --force and a database no process holds. */
    private static void checkTarget(Path data, boolean force) throws BackupException, IOException {
        Files.createDirectories(data);
        if (!Files.exists(data.resolve(DATABASE_FILE))) {
            return;
        }
        if (!force) {
            throw new BackupException(data + " already holds a paraterm database; restore into an empty folder,"
                    + " or add --force to replace it");
        }
        try (Connection ignored = BackupCommand.open(Database.h2(data))) {
            // opened and closed: no server holds it
        } catch (SQLException e) {
            throw new BackupException(BackupCommand.problem(Database.h2(data), data, e), e);
        }
    }

    /**
     * A backup into a database server, which must be empty: the schema is created by Flyway up to
     * the backup's version, then every row is loaded in one transaction. Replacing a database in
     * use by running servers is not something a restore should do behind their backs, so there is
     * no --force here: drop and create the database, then restore. On any failure the tables this
     * restore created are dropped again, leaving the database empty as it was.
     *
     * <p>A restore killed on the way cannot drop them: from the migration on, the database holds a
     * marker table ({@link Database#RESTORE_MARKER}) until the rows are committed. Commands refuse
     * a database that holds it, and the next restore drops what the killed one left, as it does for
     * a database whose paraterm tables are all empty (a kill during the migration, before the marker).
     */
    private static void intoServer(Database database, BackupReader backup, Path file, boolean force, PrintStream out)
            throws BackupException {
        String where = database.display();
        if (force) {
            throw new BackupException("--force does not replace a database on a server; drop and create " + where
                    + " (dropdb NAME; createdb -O USER NAME), then restore into it, empty");
        }
        try (Connection connection = database.connect()) {
            Optional<String> interrupted = Database.interruptedRestore(connection);
            boolean tables = !DatabaseTables.list(connection).isEmpty() || DatabaseTables.schemaVersion(connection) != null;
            if (interrupted.isPresent() || tables && DatabaseTables.rowCounts(connection).values().stream().allMatch(n -> n == 0)) {
                out.printf("%s holds the empty tables of an interrupted restore (%s); dropping them first%n", where,
                        interrupted.orElse("no rows in any table"));
                dropAll(connection);
            } else if (tables) {
                throw new BackupException(where + " already holds tables; restore into an empty database"
                        + " (dropdb NAME; createdb -O USER NAME)");
            }
        } catch (SQLException e) {
            throw new BackupException(database.refusal(e), e);
        }
        try {
            migrate(database, backup.manifest().schemaVersion(), file);
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + Database.RESTORE_MARKER
                        + " (backup_file VARCHAR(4000) NOT NULL, started_at TIMESTAMP NOT NULL)");
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + Database.RESTORE_MARKER + " (backup_file, started_at) VALUES (?, ?)")) {
                    insert.setString(1, file.toAbsolutePath().toString());
                    insert.setTimestamp(2, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
                out.printf("loading %d rows of %d tables into %s%n", backup.manifest().rows(),
                        backup.manifest().tables().size(), where);
                backup.load(connection);
                // Killed before this drop, the complete database is still marked, and a restore run again replaces it.
                statement.execute("DROP TABLE " + Database.RESTORE_MARKER);
            }
        } catch (SQLException e) {
            emptyAgain(database);
            throw new BackupException(file + ": the restore failed, " + where + " is empty again: "
                    + DatabaseFailure.explain("restoring " + file, e), e);
        } catch (BackupException | RuntimeException e) {
            emptyAgain(database);
            throw e;
        }
    }

    /** Drops every table a failed restore created, Flyway's history among them. */
    private static void emptyAgain(Database database) {
        try (Connection connection = database.connect()) {
            dropAll(connection);
        } catch (SQLException e) {
            System.err.println("paraterm: the tables of the failed restore could not all be dropped: "
                    + DatabaseFailure.explain("dropping the tables of a failed restore", e));
        }
    }

    private static void dropAll(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("DROP TABLE IF EXISTS " + DatabaseTables.quote(name) + " CASCADE");
            }
        }
    }

    /** Flyway up to exactly the backup's version, after checking this paraterm knows that version. */
    private static void migrate(Database database, String version, Path file) throws BackupException {
        String newest = null;
        for (MigrationInfo migration : flyway(database).load()
                .info().all()) {
            if (migration.getVersion() != null
                    && (newest == null || DatabaseTables.compareVersions(migration.getVersion().getVersion(), newest) > 0)) {
                newest = migration.getVersion().getVersion();
            }
        }
        if (version == null) {
            return;
        }
        if (newest == null || DatabaseTables.compareVersions(version, newest) > 0) {
            throw new BackupException(file + " holds a database of schema version " + version
                    + ", newer than this paraterm knows (" + newest + "): restore it with a newer paraterm");
        }
        try {
            flyway(database).target(MigrationVersion.fromVersion(version)).load().migrate();
        } catch (FlywayException e) {
            throw new BackupException(file + ": the schema of version " + version + " cannot be created: "
                    + e.getMessage(), e);
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(Database database) {
        return Flyway.configure().dataSource(database.url(), database.user(), database.password()).locations(MIGRATIONS);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
