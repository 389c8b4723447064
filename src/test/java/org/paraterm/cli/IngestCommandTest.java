package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts use it: exit codes, the clean format and the ingest summary. */
class IngestCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldRefuseAnEmptyFileAndStillLoadTheRest(@TempDir Path temp) throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.copy(Path.of("glossary/corpus/un-zh/000_feb26cac1e66415a.txt"), corpus.resolve("interpol.txt"));
        Files.write(corpus.resolve("empty.txt"), new byte[0]);

        int status = run("ingest", corpus.toString(), "--data", temp.resolve("data").toString());

        assertThat(status).isEqualTo(1);
        assertThat(output()).contains("1 loaded, 0 replaced, 0 unchanged, 1 refused")
                .contains("refused empty.txt: the file is empty");

        out.reset();
        int again = run("ingest", corpus.toString(), "--data", temp.resolve("data").toString());
        assertThat(again).isEqualTo(1);
        assertThat(output()).contains("0 loaded, 0 replaced, 1 unchanged, 1 refused");
    }

    @Test
    void shouldLoadParallelFilesBesideChineseDocumentsAndReportEachSource(@TempDir Path temp) throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.copy(Path.of("glossary/corpus/un-zh/000_feb26cac1e66415a.txt"), corpus.resolve("interpol.txt"));
        Path dev = Path.of("glossary/corpus/parallel/unpc-dev");
        for (String side : new String[] {"zh", "en", "ids"}) {
            Files.write(corpus.resolve("dev." + side), Files.readAllLines(dev.resolve("UNv1.0.devset." + side))
                    .subList(0, 40), StandardCharsets.UTF_8);
        }
        Files.copy(Path.of("src/test/resources/parallel/unpc-excerpt.tmx"), corpus.resolve("memories.tmx"));
        Files.copy(Path.of("src/test/resources/parallel/unpc-broken.tmx"), corpus.resolve("broken.tmx"));
        String data = temp.resolve("data").toString();

        int status = run("ingest", corpus.toString(), "--data", data);

        assertThat(status).isEqualTo(1);
        assertThat(output()).contains("1 loaded, 0 replaced, 0 unchanged, 0 refused")
                .contains("parallel: 2 loaded, 0 replaced, 0 unchanged, 1 refused")
                .contains("  refused parallel broken.tmx:20: not well-formed XML")
                .contains("  loaded parallel dev: 40 units")
                .contains("  loaded parallel memories.tmx: 6 units (3 translation units without both zh and en skipped)");

        out.reset();
        Files.delete(corpus.resolve("broken.tmx"));
        assertThat(run("ingest", corpus.toString(), "--data", data)).isZero();
        assertThat(output()).contains("parallel: 0 loaded, 0 replaced, 2 unchanged, 0 refused");
    }

    @Test
    void shouldPrintTheCleanedDocumentWithHeaderLinesParagraphsAndFootnotes() {
        int status = run("clean", "glossary/corpus/un-zh/004_9d7d9abcfa7e8f17.txt");

        assertThat(status).isZero();
        String printed = output();
        assertThat(printed).startsWith("# symbol: S/2020/754\n# title: 会员国和联合国实体为应对恐怖主义与有组织犯罪之间的联系问题而采取的行动\n"
                + "# date: \n# body: Secretary-General's report\n");
        assertThat(printed).contains("\n# footnotes\n1\t见反恐怖主义委员会执行局")
                .contains("\n5. 一些会员国描述了恐怖主义与涉及以下活动的有组织犯罪之间的联系：偷运移民；");
    }

    @Test
    void shouldExplainAMissingFileAndAWrongOption() {
        assertThat(run("clean", "no/such/file.txt")).isEqualTo(1);
        assertThat(errors()).contains("no/such/file.txt: no such file");

        assertThat(run("ingest", "--colour")).isEqualTo(2);
        assertThat(errors()).contains("unknown option '--colour'").contains("usage:");
    }

    private int run(String... args) {
        return Paraterm.run(org.paraterm.TestDatabase.command(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
