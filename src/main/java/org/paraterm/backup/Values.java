package org.paraterm.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * Column values in a database-neutral JSON form: numbers and booleans as JSON, text as strings
 * (however long), dates and times as ISO-8601 strings without a zone (TIMESTAMP) or with their
 * offset (TIMESTAMP WITH TIME ZONE), binary as base64, exact decimals as strings so no digit is
 * lost, SQL NULL as JSON null. Which reading applies is decided by the column's JDBC type.
 */
final class Values {

    private Values() {
    }

    /** Writes column {@code index} of the current row. */
    static void write(ResultSet row, int index, int jdbcType, JsonGenerator json) throws SQLException, IOException {
        switch (jdbcType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                long value = row.getLong(index);
                if (row.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                double value = row.getDouble(index);
                if (row.wasNull()) {
                    json.writeNull();
                } else if (Double.isFinite(value)) {
                    json.writeNumber(value);
                } else {
                    json.writeString(Double.toString(value));
                }
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal value = row.getBigDecimal(index);
                stringOrNull(value == null ? null : value.toPlainString(), json);
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean value = row.getBoolean(index);
                if (row.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeBoolean(value);
                }
            }
            case Types.DATE -> {
                LocalDate value = row.getObject(index, LocalDate.class);
                stringOrNull(value == null ? null : value.toString(), json);
            }
            case Types.TIME -> {
                LocalTime value = row.getObject(index, LocalTime.class);
                stringOrNull(value == null ? null : value.toString(), json);
            }
            case Types.TIMESTAMP -> {
                LocalDateTime value = row.getObject(index, LocalDateTime.class);
                stringOrNull(value == null ? null : value.toString(), json);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
                stringOrNull(value == null ? null : value.toString(), json);
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] value = row.getBytes(index);
                stringOrNull(value == null ? null : Base64.getEncoder().encodeToString(value), json);
            }
            case Types.CLOB, Types.NCLOB -> stringOrNull(clob(row.getClob(index)), json);
            default -> stringOrNull(row.getString(index), json);
        }
    }

    private static String clob(Clob clob) throws SQLException, IOException {
        if (clob == null) {
            return null;
        }
        try (Reader reader = clob.getCharacterStream()) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int read; (read = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, read);
            }
            return text.toString();
        } finally {
            clob.free();
        }
    }

    private static void stringOrNull(String value, JsonGenerator json) throws IOException {
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    /**
     * Reads the next value from {@code json} (positioned on it) and binds it as parameter
     * {@code index} for a column of {@code jdbcType}; a value of the wrong shape is an
     * IllegalArgumentException that says what was found.
     */
    static void bind(JsonParser json, PreparedStatement insert, int index, int jdbcType)
            throws IOException, SQLException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            insert.setNull(index, jdbcType);
            return;
        }
        switch (jdbcType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT ->
                    insert.setLong(index, expect(json, JsonToken.VALUE_NUMBER_INT).getLongValue());
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> insert.setDouble(index,
                    token == JsonToken.VALUE_STRING ? Double.parseDouble(json.getText()) : json.getDoubleValue());
            case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(index, new BigDecimal(json.getText()));
            case Types.BOOLEAN, Types.BIT -> {
                if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                    throw new IllegalArgumentException("expected true or false, found " + json.getText());
                }
                insert.setBoolean(index, json.getBooleanValue());
            }
            case Types.DATE -> insert.setObject(index, LocalDate.parse(text(json)));
            case Types.TIME -> insert.setObject(index, LocalTime.parse(text(json)));
            case Types.TIMESTAMP -> insert.setObject(index, LocalDateTime.parse(text(json)));
            case Types.TIMESTAMP_WITH_TIMEZONE -> insert.setObject(index, OffsetDateTime.parse(text(json)));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    insert.setBytes(index, Base64.getDecoder().decode(text(json)));
            default -> insert.setString(index, text(json));
        }
    }

    private static JsonParser expect(JsonParser json, JsonToken token) {
        if (json.currentToken() != token) {
            throw new IllegalArgumentException("expected a whole number, found " + json.currentToken());
        }
        return json;
    }

    private static String text(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("expected a string, found " + json.currentToken());
        }
        return json.getText();
    }
}
