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

/** {@code suggest}: English renderings of a list of Chinese terms from parallel text, as TSV. */
class SuggestCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldWriteUpToThreeRenderingsATermBestFirstAndNameTermsWithoutEvidence(@TempDir Path temp) throws Exception {
        Path terms = temp.resolve("terms.txt");
        Files.writeString(terms, "\uFEFF# UN bodies\n安全理事会\n会员国\tMember States\n\n不存在的术语\n", StandardCharsets.UTF_8);
        Path tsv = temp.resolve("renderings.tsv");

        int status = run("suggest", "--parallel", "glossary/corpus/parallel/unpc-dev", "--terms", terms.toString(),
                "--out", tsv.toString());

        assertThat(status).isZero();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("term\ten\tscore\tpairs");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(4));
        assertThat(lines.get(1)).startsWith("安全理事会\tSecurity Council\t0.9");
        assertThat(lines.stream().filter(l -> l.startsWith("安全理事会\t")).count()).isBetween(1L, 3L);
        assertThat(lines.stream().filter(l -> l.startsWith("会员国\t")).findFirst().orElseThrow())
                .startsWith("会员国\tMember States\t");
        assertThat(lines).noneMatch(l -> l.startsWith("不存在的术语") || l.startsWith("#"));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no rendering for 不存在的术语");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 of 3 terms rendered from 4000 confident units");
    }

    @Test
    void shouldReadATranslationMemory(@TempDir Path temp) throws Exception {
        Path terms = temp.resolve("terms.txt");
        Files.writeString(terms, "毒品和犯罪问题办公室\n", StandardCharsets.UTF_8);
        Path tsv = temp.resolve("renderings.tsv");
        Path folder = Files.createDirectories(temp.resolve("tm"));
        Files.copy(Path.of("src/test/resources/parallel/unpc-excerpt.tmx"), folder.resolve("unpc-excerpt.tmx"));

        assertThat(run("suggest", "--parallel", folder.toString(), "--terms", terms.toString(),
                "--out", tsv.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("confident units");
    }

    @Test
    void shouldRefuseABrokenParallelFileNamingItAndWriteNothing(@TempDir Path temp) throws Exception {
        Path terms = temp.resolve("terms.txt");
        Files.writeString(terms, "会员国\n", StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(temp.resolve("pairs"));
        Files.writeString(folder.resolve("a.zh"), "会员国\n安全理事会\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("a.en"), "Member States\n", StandardCharsets.UTF_8);
        Path tsv = temp.resolve("renderings.tsv");

        assertThat(run("suggest", "--parallel", folder.toString(), "--terms", terms.toString(),
                "--out", tsv.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a.en:2:").contains("must be aligned line by line");
        assertThat(tsv).doesNotExist();
    }

    @Test
    void shouldAskForTheThreeOptions(@TempDir Path temp) {
        assertThat(run("suggest", "--parallel", "glossary/corpus/parallel/unpc-dev")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("suggest needs --parallel DIR, --terms FILE and --out");
    }

    private int run(String... args) {
        return Paraterm.run(Arrays.copyOf(args, args.length), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
