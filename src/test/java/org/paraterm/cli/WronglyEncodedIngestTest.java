package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestDatabase;
import org.paraterm.corpus.WronglyEncoded;

/** {@code ingest} refuses documents in an encoding GB18030 misreads, naming each, and loads the rest. */
class WronglyEncodedIngestTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldRefuseEachWronglyEncodedDocumentAndLoadTheGb18030One(@TempDir Path temp) throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        String interpol = Files.readString(Path.of("glossary/corpus/un-zh/000_feb26cac1e66415a.txt"));
        Files.write(corpus.resolve("interpol-gb18030.txt"), interpol.getBytes(java.nio.charset.Charset.forName("GB18030")));
        for (Map.Entry<String, byte[]> file : WronglyEncoded.files().entrySet()) {
            Files.write(corpus.resolve(file.getKey()), file.getValue());
        }
        Path data = temp.resolve("data");

        int status = Paraterm.run(TestDatabase.command("ingest", corpus.toString(), "--data", data.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(output).contains("1 loaded, 0 replaced, 0 unchanged, 5 refused");
        for (String name : WronglyEncoded.files().keySet()) {
            assertThat(output).contains("  refused " + name + ": ");
        }
        try (Connection connection = TestDatabase.of(data).connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT source FROM document")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("interpol-gb18030.txt");
            assertThat(row.next()).isFalse();
        }
    }
}
