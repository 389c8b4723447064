package org.paraterm;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database of a test. By default the H2 file in the test's folder, as a user gets it. When
 * {@value #ADMIN_URL_VARIABLE} names a PostgreSQL server (a URL of any existing database there,
 * for example {@code jdbc:postgresql://127.0.0.1:5432/postgres}; user and password from
 * PARATERM_DB_USER and PARATERM_DB_PASSWORD, and the user may create databases), every folder gets
 * a fresh database of its own instead, so tests stay as independent as with H2; the databases are
 * dropped when the test run ends. {@code ./test} (README's test command) runs the suite both ways.
 */
public final class TestDatabase {

    public static final String ADMIN_URL_VARIABLE = "PARATERM_TEST_DB_URL";

    private static final String ADMIN_URL = adminUrl();
    private static final Map<Path, Database> BY_FOLDER = new ConcurrentHashMap<>();
    private static final List<String> CREATED = new ArrayList<>();
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

    static {
        if (System.getenv(Database.URL_VARIABLE) != null) {
            // The command-line tests run paraterm's commands, which would all use that database.
            throw new IllegalStateException("unset " + Database.URL_VARIABLE + " before running the tests;"
                    + " to test on PostgreSQL set " + ADMIN_URL_VARIABLE + " instead");
        }
        if (ADMIN_URL != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll, "drop-test-databases"));
        }
    }

    private TestDatabase() {
    }

    /** True when the tests run against PostgreSQL. */
    public static boolean postgres() {
        return ADMIN_URL != null;
    }

    /** The database for a folder: the same one each time the same folder is asked for. */
    public static Database of(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        if (ADMIN_URL == null) {
            return Database.h2(key);
        }
        return BY_FOLDER.computeIfAbsent(key, ignored -> create());
    }

    /** Application-context settings for the folder's database. */
    public static Map<String, Object> properties(Path folder) {
        return of(folder).properties();
    }

    /** The command-line options that point a command at the folder's database (none for H2). */
    public static List<String> options(Path folder) {
        return ADMIN_URL == null ? List.of() : List.of("--db", of(folder).url());
    }

    /**
     * A command line with {@code --db} added for the database of its {@code --data} folder (for the
     * command-line tests); unchanged on H2 or without {@code --data}.
     */
    public static String[] command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        int data = all.indexOf("--data");
        if (data >= 0 && data + 1 < all.size() && !all.contains("--db")) {
            all.addAll(options(Path.of(all.get(data + 1))));
        }
        return all.toArray(String[]::new);
    }

    private static String adminUrl() {
        String url = System.getenv(ADMIN_URL_VARIABLE);
        return url == null || url.isBlank() ? null : url.strip();
    }

    private static Database admin() {
        try {
            return Database.choose(ADMIN_URL, Path.of("."), System::getenv);
        } catch (Database.SettingException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Database create() {
        int number = NUMBER.incrementAndGet();
        String name = "paraterm_test_" + RUN + "_" + number;
        Database admin = admin();
        try (Connection connection = admin.connect(); Statement statement = connection.createStatement()) {
            if (number == 1) {
                dropLeftovers(statement);
            }
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        synchronized (CREATED) {
            CREATED.add(name);
        }
        int slash = ADMIN_URL.lastIndexOf('/');
        int query = ADMIN_URL.indexOf('?', slash);
        String url = ADMIN_URL.substring(0, slash + 1) + name + (query < 0 ? "" : ADMIN_URL.substring(query));
        return new Database(url, admin.user(), admin.password());
    }

    /**
     * Test databases an earlier run left behind: the end-of-run hook may be cut short (the test JVM
     * is given a limited time to exit, and each drop makes the server write a checkpoint), so every
     * run first removes what earlier runs of this role left. Two PostgreSQL test runs at once on one
     * server would remove each other's databases: run one at a time.
     */
    private static void dropLeftovers(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (java.sql.ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database"
                + " WHERE datname LIKE 'paraterm\\_test\\_%' AND datname NOT LIKE 'paraterm\\_test\\_" + RUN + "\\_%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        for (String name : names) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void dropAll() {
        synchronized (CREATED) {
            try (Connection connection = admin().connect(); Statement statement = connection.createStatement()) {
                for (String name : CREATED) {
                    // FORCE (PostgreSQL 13+): a test that forgot to close its server holds connections.
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } catch (SQLException e) {
                System.err.println("test databases not dropped: " + e.getMessage());
            }
        }
    }
}
