package org.paraterm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Which database paraterm works in: the embedded H2 file in the data folder (the default, for one
 * person or one server) or a database server named by a JDBC URL — PostgreSQL for a team, where
 * several paraterm instances share one database (docs/09-postgresql.md). Either way the same Flyway
 * migrations and the same SQL run: H2 is opened in its PostgreSQL mode.
 *
 * <p>The password never comes from a command-line flag (it would show in the process list and the
 * shell history): only from {@value #PASSWORD_VARIABLE}, from the file named by
 * {@value #PASSWORD_FILE_VARIABLE}, or from PostgreSQL's own {@code ~/.pgpass}, which the driver reads.
 *
 * @param url      the JDBC URL
 * @param user     the user name, or null for the driver's default
 * @param password the password, or null when none is given
 */
public record Database(String url, String user, String password) {

    public static final String URL_VARIABLE = "PARATERM_DB_URL";
    public static final String USER_VARIABLE = "PARATERM_DB_USER";
    public static final String PASSWORD_VARIABLE = "PARATERM_DB_PASSWORD";
    public static final String PASSWORD_FILE_VARIABLE = "PARATERM_DB_PASSWORD_FILE";

    /** H2 settings that make it accept, sort and name things as PostgreSQL does. */
    private static final String H2_POSTGRES_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** Thrown for a database setting that cannot work, with a message fit for one line on the terminal. */
    public static final class SettingException extends Exception {
        public SettingException(String message) {
            super(message);
        }
    }

    /**
     * Written to the file before a commit returns: by default H2 writes commits from a background
     * thread up to half a second later, and a process killed in that time loses transactions it
     * had reported as done (KillRecoveryTest found documents, reported loaded, missing after a
     * kill -9).
     */
    private static final String H2_DURABLE_COMMITS = ";WRITE_DELAY=0";

    /**
     * A closing database is rewritten into a new file that then replaces the old one, instead of
     * being compacted in place. H2 2.3.232 closes a file by committing with its retention time set
     * to 0 and then compacting in place (moving live pages out of sparse chunks), and that can lose
     * rows written shortly before: H2 issue 4247 ("data sometimes disappears between the closing
     * and reopening", after batch inserts), changed after 2.3.232 to commit after the compaction
     * (H2 pull request 4249). KillRecoveryTest met it as 1,692 candidates reported mined and gone
     * at the next open. With DEFRAG_ALWAYS the in-place compaction never runs (H2 closes with a
     * compaction time of 0, then copies the live data into {@code paraterm.mv.db.tempFile} and
     * renames it over the file, so a kill leaves one whole file or the other). The cost is a copy
     * of the database at every close: a fraction of a second for the bundled corpus, minutes for
     * a database of several GB (docs/11-backup-and-faults.md; large corpora belong on PostgreSQL).
     * Simply switching compaction off (MAX_COMPACT_TIME=0) was tried: the file then grew by the
     * size of every mining run.
     */
    private static final String H2_NO_COMPACTION_IN_PLACE = ";DEFRAG_ALWAYS=TRUE";

    /** The embedded H2 database file {@code paraterm} in a data folder. */
    public static Database h2(Path folder) {
        return new Database("jdbc:h2:file:" + folder.resolve("paraterm") + H2_POSTGRES_MODE + H2_DURABLE_COMMITS
                + H2_NO_COMPACTION_IN_PLACE, "sa", "");
    }

    /**
     * The database a command uses: the {@code --db} option when given, else {@value #URL_VARIABLE},
     * else the H2 file in the data folder. User and password for a server come from the
     * environment (the user may also be in the URL).
     */
    public static Database choose(String option, Path folder, UnaryOperator<String> environment)
            throws SettingException {
        String url = option != null && !option.isBlank() ? option.strip() : blankToNull(environment.apply(URL_VARIABLE));
        if (url == null) {
            return h2(folder);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return new Database(lower.contains(";mode=") ? url : url + H2_POSTGRES_MODE,
                    orDefault(environment.apply(USER_VARIABLE), "sa"), orDefault(password(environment), ""));
        }
        if (!lower.startsWith("jdbc:postgresql:")) {
            throw new SettingException("--db needs a jdbc:postgresql://HOST[:PORT]/DATABASE URL (or jdbc:h2:…), not '"
                    + withoutSecrets(url) + "'");
        }
        return new Database(url, blankToNull(environment.apply(USER_VARIABLE)), password(environment));
    }

    private static String password(UnaryOperator<String> environment) throws SettingException {
        String password = environment.apply(PASSWORD_VARIABLE);
        if (password != null) {
            return password;
        }
        String file = blankToNull(environment.apply(PASSWORD_FILE_VARIABLE));
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            throw new SettingException(PASSWORD_FILE_VARIABLE + " names " + file + ", which cannot be read");
        }
    }

    /** True for the H2 file in a data folder, which only one process may open at a time. */
    public boolean embedded() {
        return url.startsWith("jdbc:h2:file:");
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Settings for the application context's data source, migrated by Flyway at start. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.driver-class-name", postgres() ? "org.postgresql.Driver" : "org.h2.Driver");
        if (user != null) {
            properties.put("datasources.default.username", user);
        }
        if (password != null) {
            properties.put("datasources.default.password", password);
        }
        properties.put("flyway.datasources.default.enabled", true);
        return properties;
    }

    /** A plain connection, outside any pool (backup, restore, the check before a start). */
    public Connection connect() throws SQLException {
        Properties info = new Properties();
        if (user != null) {
            info.setProperty("user", user);
        }
        if (password != null) {
            info.setProperty("password", password);
        }
        return DriverManager.getConnection(url, info);
    }

    /** The URL as it may be shown: any password parameter in it masked. */
    public String display() {
        return withoutSecrets(url);
    }

    /**
     * Opens and closes one connection to a database server, so that a wrong address or password
     * is said in one line before anything starts.
     */
    public void check() throws SettingException {
        try (Connection connection = connect()) {
            // reachable, and the credentials are accepted; and not the remains of a killed restore
            Optional<String> restore = interruptedRestore(connection);
            if (restore.isPresent()) {
                throw new SettingException("the database at " + display() + " holds an unfinished restore ("
                        + restore.get() + "), not usable data: run the same restore again, which drops what the"
                        + " interrupted one left and restores it whole");
            }
        } catch (SQLException e) {
            throw new SettingException(refusal(e));
        }
    }

    /**
     * The table a restore into a database server creates before loading and drops after the load
     * committed: while it exists, the database holds a restore that was stopped half-way (the
     * tables migrated, the rows not, or not all), and nothing should run on it but a restore.
     */
    public static final String RESTORE_MARKER = "paraterm_restore_incomplete";

    /** Which restore was interrupted in this database ("FILE, started at TIME"), if one was. */
    public static Optional<String> interruptedRestore(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), RESTORE_MARKER, null)) {
            if (!tables.next()) {
                return Optional.empty();
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT backup_file, started_at FROM " + RESTORE_MARKER)) {
            return Optional.of(row.next() ? row.getString(1) + ", started at " + row.getTimestamp(2).toInstant()
                    : "no details recorded");
        }
    }

    /** One line on why the server refused a connection (PostgreSQL's SQLSTATE codes). */
    public String refusal(SQLException error) {
        String state = error.getSQLState() == null ? "" : error.getSQLState();
        String who = user == null ? "" : " as " + user;
        String message = firstLine(error.getMessage());
        if (state.startsWith("28")) {
            return "PostgreSQL at " + display() + " refused the sign-in" + who + ": " + message
                    + " (the password comes from " + PASSWORD_VARIABLE + " or " + PASSWORD_FILE_VARIABLE + ")";
        }
        if (state.equals("3D000")) {
            return "PostgreSQL at " + display() + " has no such database: " + message
                    + " (create it first: createdb -O USER NAME)";
        }
        if (state.startsWith("08") && message.toLowerCase(Locale.ROOT).contains("password")) {
            return "PostgreSQL at " + display() + " asks for a password" + who + ": set " + PASSWORD_VARIABLE
                    + " or " + PASSWORD_FILE_VARIABLE;
        }
        if (state.startsWith("08")) {
            return "cannot reach PostgreSQL at " + display() + ": " + message;
        }
        return "cannot open the database " + display() + ": " + message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    @Override
    public String toString() {
        return "Database[" + display() + (user == null ? "" : ", user " + user) + "]";
    }
}
