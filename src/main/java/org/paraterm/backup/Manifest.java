package org.paraterm.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}, the first thing a restore reads: what wrote the backup and, per table in
 * load order, its columns, its row count and the SHA-256 of its data entry.
 *
 * @param format        always {@value #FORMAT}, so that another zip is recognised as not a backup
 * @param formatVersion the layout of the zip and of the rows; a reader refuses a newer one
 * @param schemaVersion the Flyway version of the database it came from; a restore migrates an
 *                      empty database to exactly this version before loading
 */
public record Manifest(String format, int formatVersion, String schemaVersion, String createdAt,
                       String paratermVersion, String database, List<TableEntry> tables) {

    public static final String FORMAT = "paraterm-backup";
    /** The format this code writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    public static final String ENTRY = "manifest.json";

    /** One table: the zip entry with its rows, one JSON array per line, in column order. */
    public record TableEntry(String name, String entry, List<DatabaseTables.Column> columns, List<String> primaryKey,
                             List<String> identity, long rows, String sha256) {
    }

    /** Rows over all tables. */
    public long rows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }

    void write(OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartObject();
            json.writeStringField("format", format);
            json.writeNumberField("formatVersion", formatVersion);
            json.writeStringField("schemaVersion", schemaVersion);
            json.writeStringField("createdAt", createdAt);
            json.writeStringField("paratermVersion", paratermVersion);
            json.writeStringField("database", database);
            json.writeArrayFieldStart("tables");
            for (TableEntry table : tables) {
                json.writeStartObject();
                json.writeStringField("name", table.name());
                json.writeStringField("entry", table.entry());
                json.writeArrayFieldStart("columns");
                for (DatabaseTables.Column column : table.columns()) {
                    json.writeStartObject();
                    json.writeStringField("name", column.name());
                    json.writeStringField("type", column.typeName());
                    json.writeNumberField("jdbcType", column.jdbcType());
                    json.writeEndObject();
                }
                json.writeEndArray();
                writeStrings(json, "primaryKey", table.primaryKey());
                writeStrings(json, "identity", table.identity());
                json.writeNumberField("rows", table.rows());
                json.writeStringField("sha256", table.sha256());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** Reads a manifest; anything missing or of the wrong shape is an IllegalArgumentException naming it. */
    @SuppressWarnings("unchecked")
    static Manifest read(InputStream in) throws IOException {
        Map<String, Object> root;
        try (JsonParser json = new JsonFactory().createParser(in)) {
            json.nextToken();
            Object value = value(json);
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException("not a JSON object");
            }
            root = (Map<String, Object>) value;
        }
        String format = string(root, "format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format is '" + format + "', not " + FORMAT);
        }
        int formatVersion = (int) number(root, "formatVersion");
        List<TableEntry> tables = new ArrayList<>();
        if (formatVersion <= FORMAT_VERSION) {
            for (Object item : list(root, "tables")) {
                Map<String, Object> table = (Map<String, Object>) item;
                List<DatabaseTables.Column> columns = new ArrayList<>();
                for (Object column : list(table, "columns")) {
                    Map<String, Object> c = (Map<String, Object>) column;
                    columns.add(new DatabaseTables.Column(string(c, "name"), (int) number(c, "jdbcType"), string(c, "type")));
                }
                tables.add(new TableEntry(string(table, "name"), string(table, "entry"), List.copyOf(columns),
                        (List<String>) (List<?>) list(table, "primaryKey"), (List<String>) (List<?>) list(table, "identity"),
                        number(table, "rows"), string(table, "sha256")));
            }
        }
        return new Manifest(format, formatVersion, (String) root.get("schemaVersion"), (String) root.get("createdAt"),
                (String) root.get("paratermVersion"), (String) root.get("database"), List.copyOf(tables));
    }

    private static Object value(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == null) {
            throw new IllegalArgumentException("ends too early");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    json.nextToken();
                    object.put(name, value(json));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(json));
                }
                return array;
            }
            case VALUE_STRING -> {
                return json.getText();
            }
            case VALUE_NUMBER_INT -> {
                return json.getLongValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return json.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("unexpected " + token);
        }
    }

    private static String string(Map<String, Object> object, String field) {
        if (!(object.get(field) instanceof String text)) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a string");
        }
        return text;
    }

    private static long number(Map<String, Object> object, String field) {
        if (!(object.get(field) instanceof Long number)) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a whole number");
        }
        return number;
    }

    private static List<Object> list(Map<String, Object> object, String field) {
        if (!(object.get(field) instanceof List<?> list)) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a list");
        }
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) list;
        return items;
    }
}
