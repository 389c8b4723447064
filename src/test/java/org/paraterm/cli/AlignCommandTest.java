package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code align}: a Chinese document and its English version into zh<TAB>en lines, no database. */
class AlignCommandTest {

    private static final String ZH = "src/test/resources/parallel/montserrat.zh.txt";
    private static final String EN = "src/test/resources/parallel/montserrat.en.txt";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldWriteOneUnitPerLineInDocumentOrder(@TempDir Path temp) throws Exception {
        Path tsv = temp.resolve("pairs.tsv");

        int status = run("align", "--zh", ZH, "--en", EN, "--out", tsv.toString());

        assertThat(status).isZero();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(9).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(2));
        assertThat(lines.get(0)).startsWith("二. 宪政、政治和法律问题").contains("\tII. Constitutional");
        assertThat(lines.get(6)).isEqualTo("27. 海外领土公民所交学费与英国大学本土学生的学费相同。\t"
                + "27. Citizens from overseas territories enjoy the home student fee rate at British universities.");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("9 units written to " + tsv)
                .contains("dictionary of 55 terms");
        assertThat(temp.resolve("pairs.tsv.part")).doesNotExist();
    }

    @Test
    void shouldLeaveTheOtherColumnEmptyForASentenceWithoutTranslation(@TempDir Path temp) throws Exception {
        Path zh = temp.resolve("a.zh.txt");
        Path en = temp.resolve("a.en.txt");
        Files.writeString(zh, "大会第69/1号决议。\n\n秘书长2015年3月5日的报告。\n");
        Files.writeString(en, "General Assembly resolution 69/1. This paragraph was added\tin English only, "
                + "with a tab.\n\nReport of the Secretary-General dated 5 March 2015.\n");
        Path tsv = temp.resolve("pairs.tsv");

        assertThat(run("align", "--zh", zh.toString(), "--en", en.toString(), "--out", tsv.toString(),
                "--dict", "none")).isZero();

        assertThat(Files.readAllLines(tsv)).containsExactly(
                "大会第69/1号决议。\tGeneral Assembly resolution 69/1.",
                "\tThis paragraph was added in English only, with a tab.",
                "秘书长2015年3月5日的报告。\tReport of the Secretary-General dated 5 March 2015.");
    }

    @Test
    void shouldRefuseASideInTheWrongLanguage(@TempDir Path temp) {
        Path tsv = temp.resolve("pairs.tsv");

        assertThat(run("align", "--zh", EN, "--en", EN, "--out", tsv.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("montserrat.en.txt: the text claims to be Chinese but reads as English");
        assertThat(tsv).doesNotExist();
    }

    @Test
    void shouldNameAMissingFileAndAMissingOption(@TempDir Path temp) {
        assertThat(run("align", "--zh", temp.resolve("none.zh.txt").toString(), "--en", EN,
                "--out", temp.resolve("p.tsv").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.zh.txt: no such file");

        assertThat(run("align", "--zh", ZH, "--en", EN)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("align needs --zh FILE --en FILE --out FILE.tsv");
    }

    @Test
    void shouldReadADictionaryAndNameTheLineOfABadOne(@TempDir Path temp) throws Exception {
        Path dictionary = temp.resolve("terms.tsv");
        Files.writeString(dictionary, "# zh\ten\n国际货币基金组织\tInternational Monetary Fund\n\n欧洲联盟\tEuropean Union\n");
        Path tsv = temp.resolve("pairs.tsv");

        assertThat(run("align", "--zh", ZH, "--en", EN, "--out", tsv.toString(), "--dict", dictionary.toString()))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("dictionary of 2 terms");

        Files.writeString(dictionary, "国际货币基金组织\tInternational Monetary Fund\n欧洲联盟 European Union\n");
        assertThat(run("align", "--zh", ZH, "--en", EN, "--out", tsv.toString(), "--dict", dictionary.toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("terms.tsv:2: expected a Chinese term, a tab and its English rendering");
    }

    private int run(String... args) {
        return Paraterm.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
