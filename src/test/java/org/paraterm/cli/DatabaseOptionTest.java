package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --db refusals a user meets first, each said in one line with exit status 1 and nothing created. */
class DatabaseOptionTest {

    @Test
    void shouldSayInOneLineThatNoPostgresAnswersAtThatAddress(@TempDir Path temp) {
        String[] result = run("export", "--data", temp.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/paraterm",
                "--out", temp.resolve("glossary.tbx").toString());

        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1].lines()).hasSize(1);
        assertThat(result[1]).startsWith("paraterm: cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/paraterm: ")
                .doesNotContain("Exception");
        assertThat(temp.resolve("paraterm.mv.db")).doesNotExist();
        assertThat(temp.resolve("glossary.tbx")).doesNotExist();
    }

    @Test
    void shouldRefuseADatabaseThatIsNeitherPostgresNorH2AndHideThePasswordInIt(@TempDir Path temp) {
        String[] result = run("ingest", "glossary/corpus/un-zh", "--data", temp.toString(),
                "--db", "jdbc:mysql://db/paraterm?user=li&password=secret");

        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1].strip()).isEqualTo("paraterm: --db needs a jdbc:postgresql://HOST[:PORT]/DATABASE URL"
                + " (or jdbc:h2:…), not 'jdbc:mysql://db/paraterm?user=li&password=***'");
    }

    /** Runs a command; answers its exit status and its error output. */
    private static String[] run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Paraterm.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(status), err.toString(StandardCharsets.UTF_8)};
    }
}
