package org.paraterm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.paraterm.DataFolder;
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
        try (BackupReader backup = BackupReader.open(file)) {
            Manifest manifest = backup.manifest();
            checkTarget(data, options.force());
            Path staging = data.resolve("restore.tmp");
            deleteTree(staging);
            Files.createDirectories(staging);
            try {
                String url = url(staging);
                migrate(url, manifest.schemaVersion(), file);
                try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                    backup.load(connection);
                }
                Files.move(staging.resolve(DATABASE_FILE), data.resolve(DATABASE_FILE),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (SQLException e) {
                throw new BackupException(file + ": the restore failed, " + data + " is unchanged: " + e.getMessage(), e);
            } finally {
                deleteTree(staging);
            }
            Files.deleteIfExists(data.resolve("paraterm.trace.db"));
            deleteTree(data.resolve("index"));
            long rows = manifest.tables().stream().mapToLong(Manifest.TableEntry::rows).sum();
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
        try (Connection ignored = BackupCommand.open(data)) {
            // opened and closed: no server holds it
        } catch (SQLException e) {
            throw new BackupException(BackupCommand.problem(data, e), e);
        }
    }

    private static String url(Path folder) {
        Map<String, Object> properties = DataFolder.databaseProperties(folder);
        return (String) properties.get("datasources.default.url");
    }

    /** Flyway up to exactly the backup's version, after checking this paraterm knows that version. */
    private static void migrate(String url, String version, Path file) throws BackupException {
        String newest = null;
        for (MigrationInfo migration : Flyway.configure().dataSource(url, "sa", "").locations(MIGRATIONS).load()
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
            Flyway.configure().dataSource(url, "sa", "").locations(MIGRATIONS)
                    .target(MigrationVersion.fromVersion(version)).load().migrate();
        } catch (FlywayException e) {
            throw new BackupException(file + ": the schema of version " + version + " cannot be created: "
                    + e.getMessage(), e);
        }
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
