package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mine}: candidates straight from a folder of documents, as TSV for scripts. */
class MineCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldWriteTheTopCandidatesWithTheAgreedColumnsAndNoDatabase(@TempDir Path temp) throws Exception {
        Path tsv = temp.resolve("candidates.tsv");

        int status = run("mine", "--corpus", "glossary/corpus/un-zh", "--out", tsv.toString(), "--top", "50",
                "--data", temp.resolve("data").toString());

        assertThat(status).isZero();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("rank\tterm\tfreq\tdocs\tscore\tvariants\tcontext");
        assertThat(lines).hasSize(51);
        assertThat(lines.subList(1, 51)).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(7));
        String fighters = lines.stream().filter(l -> l.split("\t")[1].equals("外国恐怖主义作战人员")).findFirst().orElseThrow();
        assertThat(fighters.split("\t")[2]).isEqualTo("21");
        assertThat(fighters.split("\t")[5]).isEqualTo("外国恐怖主义战斗人员:near-identical:12");
        assertThat(fighters.split("\t")[6]).contains("外国恐怖主义作战人员");
        assertThat(temp.resolve("data")).doesNotExist();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("50 candidates from 5 documents");
    }

    @Test
    void shouldApplyASettingsFileAndRefuseABadOneNamingTheKey(@TempDir Path temp) throws Exception {
        Path settings = temp.resolve("mining.properties");
        Files.writeString(settings, "mining.min-freq = 5\n");
        Path tsv = temp.resolve("candidates.tsv");

        assertThat(run("mine", "--corpus", "glossary/corpus/un-zh", "--out", tsv.toString(),
                "--settings", settings.toString())).isZero();
        assertThat(Files.readAllLines(tsv).stream().skip(1).mapToInt(l -> Integer.parseInt(l.split("\t")[2])).min()
                .orElseThrow()).isGreaterThanOrEqualTo(5);

        Files.writeString(settings, "mining.weight.spread = lots\n");
        assertThat(run("mine", "--corpus", "glossary/corpus/un-zh", "--out", tsv.toString(),
                "--settings", settings.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("mining.weight.spread: 'lots' is not a number");
    }

    @Test
    void shouldRefuseAMinimumFrequencyOfOne(@TempDir Path temp) {
        assertThat(run("mine", "--corpus", "glossary/corpus/un-zh", "--out", temp.resolve("x.tsv").toString(),
                "--min-freq", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--min-freq needs at least 2");
        assertThat(temp.resolve("x.tsv")).doesNotExist();
    }

    private int run(String... args) {
        return Paraterm.run(Arrays.copyOf(args, args.length), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
