package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestDatabase;

/**
 * Points in time written by a paraterm process in one time zone mean the same instant to a
 * process in another, as for two instances sharing a database from machines set to different
 * zones, or a data folder moved between them. Stored without a zone they were off by the
 * difference of the zones (8 hours here).
 */
class TimeZoneTest {

    @Test
    void shouldReadTheTimesAnInstanceInAnotherZoneWroteAsTheSameInstants(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        ZoneId here = ZoneId.systemDefault();
        // Eight hours or more from this JVM's zone, whichever that is.
        String elsewhere = here.getRules().getOffset(Instant.now()).getTotalSeconds() >= 4 * 3600
                ? "America/New_York" : "Asia/Shanghai";
        Instant before = Instant.now();

        Child ingest = Child.startWith(List.of("-Duser.timezone=" + elsewhere),
                TestDatabase.command("ingest", "glossary/corpus/un-zh", "--data", data.toString()));
        assertThat(ingest.exit()).as(ingest.output()).isZero();
        Instant after = Instant.now();

        for (String sql : List.of("SELECT MAX(loaded_at) FROM document", "SELECT MAX(finished_at) FROM mining_run")) {
            assertThat(instant(data, sql)).as(sql + ", written in " + elsewhere + ", read in " + here)
                    .isBetween(before.minus(Duration.ofMinutes(1)), after.plus(Duration.ofMinutes(1)));
        }
    }

    private static Instant instant(Path data, String sql) throws SQLException {
        try (Connection connection = TestDatabase.of(data.toAbsolutePath().normalize()).connect();
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }
}
