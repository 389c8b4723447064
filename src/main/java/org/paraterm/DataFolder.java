package org.paraterm;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The runtime state in a data folder: today the embedded H2 database, opened the same way everywhere. */
public final class DataFolder {

    private DataFolder() {
    }

    /**
     * Application-context settings for the H2 database file {@code paraterm} in {@code folder}, in
     * PostgreSQL mode so that the same SQL and migrations serve both databases.
     */
    public static Map<String, Object> databaseProperties(Path folder) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", "jdbc:h2:file:" + folder.resolve("paraterm")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        properties.put("datasources.default.driver-class-name", "org.h2.Driver");
        properties.put("datasources.default.username", "sa");
        properties.put("datasources.default.password", "");
        properties.put("flyway.datasources.default.enabled", true);
        return properties;
    }
}
