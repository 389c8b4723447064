package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.Database;
import org.paraterm.DatabaseLock;
import org.paraterm.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A server started on a shared database while another process mines it: its candidates are behind
 * the corpus, but the other run will bring them up to date, so it serves the last complete run at
 * once instead of waiting minutes for the other run and then mining everything again.
 * PostgreSQL only: an H2 file admits one process.
 */
class StartDuringMiningTest {

    @Test
    void shouldServeTheLastCompleteRunAtOnceWhileAnotherProcessMines(@TempDir Path temp) throws Exception {
        assumeTrue(TestDatabase.postgres(), "needs PostgreSQL (PARATERM_TEST_DB_URL)");
        Path data = temp.resolve("data");
        Database database = TestDatabase.of(data);
        assertThat(Paraterm.run(new String[] {"ingest", "glossary/corpus/un-zh", "--data", data.toString(),
                "--db", database.url()}, quiet(), quiet())).isZero();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // The documents now look loaded after the last run finished: a start would mine again.
            statement.executeUpdate("UPDATE mining_run SET finished_at = TIMESTAMP '2000-01-01 00:00:00'");
        }

        Optional<DatabaseLock> elsewhere = DatabaseLock.tryTake(dataSource(database), DatabaseLock.Purpose.MINING);
        assertThat(elsewhere).as("the test holds the mining lock, as a process mining would").isPresent();
        String port = Child.freePort();
        Child server = Child.start("serve", "--port", port, "--data", data.toString(), "--db", database.url());
        try {
            server.await(line -> line.startsWith("paraterm is ready"));
            assertThat(server.output()).contains("another paraterm process is mining this database;"
                    + " serving the last complete run's candidates until it finishes").doesNotContain("mined ");
            HttpResponse<String> candidates = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/candidates?size=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(candidates.statusCode()).isEqualTo(200);
            assertThat(candidates.body()).contains("\"total\":1692");
        } finally {
            server.kill();
            elsewhere.get().close();
        }
    }

    private static DataSource dataSource(Database database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(database.url());
        source.setUser(database.user());
        source.setPassword(database.password());
        return source;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
