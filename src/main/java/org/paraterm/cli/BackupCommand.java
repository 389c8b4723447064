package org.paraterm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.paraterm.DataFolder;
import org.paraterm.backup.BackupWriter;
import org.paraterm.backup.Manifest;

/**
 * {@code backup --data DIR --out FILE}: every table of a stopped data folder's database into a
 * backup zip (docs/11-backup-and-faults.md). The file appears only when it is complete: it is
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
        Path file = options.out().toAbsolutePath();
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        long started = System.nanoTime();
        Manifest manifest;
        try (Connection connection = open(data);
             OutputStream target = Files.newOutputStream(partial)) {
            manifest = BackupWriter.write(connection, target, paratermVersion());
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            err.println("paraterm: " + problem(data, e));
            return 1;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long rows = manifest.tables().stream().mapToLong(Manifest.TableEntry::rows).sum();
        out.printf("backup of %s written to %s: %d tables, %d rows, schema version %s, %d bytes in %d ms%n", data,
                options.out(), manifest.tables().size(), rows, manifest.schemaVersion(), Files.size(file),
                (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    /** A connection to the existing database of a data folder; never creates one. */
    static Connection open(Path data) throws SQLException {
        Map<String, Object> properties = DataFolder.databaseProperties(data);
        String url = (String) properties.get("datasources.default.url");
        if (url.startsWith("jdbc:h2:")) {
            url += ";IFEXISTS=TRUE";
        }
        return DriverManager.getConnection(url, (String) properties.get("datasources.default.username"),
                (String) properties.get("datasources.default.password"));
    }

    /** One line for the two problems people meet: no database there, or a server holding it. */
    static String problem(Path data, SQLException error) {
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
        return "the database in " + data + " cannot be read: " + error.getMessage();
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
