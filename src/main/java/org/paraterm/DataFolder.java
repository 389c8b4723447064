package org.paraterm;

import java.nio.file.Path;
import java.util.Map;

/**
 * The runtime state in a data folder: the concordance index and settings, and — unless a database
 * server is chosen with {@code --db} ({@link Database}) — the embedded H2 database.
 */
public final class DataFolder {

    private DataFolder() {
    }

    /**
     * Application-context settings for the H2 database file {@code paraterm} in {@code folder}, in
     * PostgreSQL mode so that the same SQL and migrations serve both databases.
     */
    public static Map<String, Object> databaseProperties(Path folder) {
        return Database.h2(folder).properties();
    }
}
