package org.paraterm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import org.paraterm.Database;
import org.paraterm.DatabaseFailure;
import org.paraterm.backup.BackupWriter;
import org.paraterm.backup.Manifest;

/**
 * {@code backup --data DIR --out FILE} (or {@code --db URL}): every table of a stopped data
 * folder's database, or of a PostgreSQL database, into a backup zip (docs/11-backup-and-faults.md). The file appears only when it is complete: it is
 * written beside its name and renamed at the end.
 */
final class BackupCommand {

    /** H2's error code for a database file that another process holds open. */
    static final int H2_DATABASE_IN_USE = 90020;
    /** H2's error code for a database that does not exist (with IFEXISTS=TRUE). */
    static final int H2_DATABASE_NOT_FOUND = 90146;

    private BackupCommand() {
    }

    static int run(Options options, PrintStream out, PrintStream err) throws IOException, Options.UsageException {
        if (options.out() == null || !options.arguments().isEmpty()) {
            throw new Options.UsageException("backup needs --data DIR and --out FILE");
        }
        Path data = options.data().toAbsolutePath().normalize();
        Database database = Paraterm.database(options);
        String source = database.embedded() ? data.toString() : database.display();
        Path file = options.out().toAbsolutePath();
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        long started = System.nanoTime();
        if (!database.embedded()) {
            try {
                database.check();
            } catch (Database.SettingException e) {
                err.println("paraterm: " + e.getMessage());
                return 1;
            }
        }
        Manifest manifest;
        try (Connection connection = open(database);
             OutputStream target = Files.newOutputStream(partial)) {
            manifest = BackupWriter.write(connection, target, paratermVersion());
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            err.println("paraterm: " + problem(database, data, e));
            return 1;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long rows = manifest.rows();
        out.printf("backup of %s written to %s: %d tables, %d rows, schema version %s, %d bytes in %d ms%n", source,
                options.out(), manifest.tables().size(), rows, manifest.schemaVersion(), Files.size(file),
                (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    /** A connection to an existing database; never creates one (an H2 file must be there already). */
    static Connection open(Database database) throws SQLException {
        if (database.embedded()) {
            return new Database(database.url() + ";IFEXISTS=TRUE", database.user(), database.password()).connect();
        }
        return database.connect();
    }

    /** One line for the problems people meet: no database there, a server holding it, a refusal. */
    static String problem(Database database, Path data, SQLException error) {
        if (!database.embedded()) {
            return database.refusal(error);
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return "the database in " + data + " is in use by another paraterm process (a running server?);"
                        + " stop it first, then back up";
            }
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_NOT_FOUND) {
                return "there is no paraterm database in " + data;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return "the database in " + data + " cannot be read: " + DatabaseFailure.explain("backing up " + data, error);
    }

    /** The version in the jar's Maven metadata; "development" when run from compiled classes. */
    static String paratermVersion() {
        try (var in = BackupCommand.class.getResourceAsStream("/META-INF/maven/org.paraterm/paraterm/pom.properties")) {
            if (in != null) {
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                return properties.getProperty("version", "development");
            }
        } catch (IOException ignored) {
            // the version is informative only
        }
        return "development";
    }
}
