package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} and {@code import}: the glossary out as TBX-Basic and back, all or nothing. */
class GlossaryCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldExportTheGlossaryAndImportItElsewhereWithNothingLost(@TempDir Path temp) throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        Path exported = temp.resolve("glossary.tbx");
        Path again = temp.resolve("again.tbx");

        assertThat(run("import", "glossary/starter.tbx", "--data", first.toString())).isZero();
        assertThat(run("export", "--format", "tbx", "--data", first.toString(), "--out", exported.toString())).isZero();
        assertThat(run("import", exported.toString(), "--data", second.toString())).isZero();
        assertThat(run("export", "--data", second.toString(), "--out", again.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("45 entries imported", "45 entries written");
        String text = Files.readString(again);
        assertThat(text).contains("外国恐怖主义作战人员", "foreign terrorist fighters", "外国恐怖主义战斗人员", "偷运移民");
        assertThat(withoutIds(text)).isEqualTo(withoutIds(Files.readString(exported)));
    }

    @Test
    void shouldImportNothingFromABadFileAndSayWhichLine(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        Path bad = temp.resolve("bad.tbx");
        Files.writeString(bad, "<martif><text><body>\n<termEntry><langSet xml:lang=\"zh\"><tig><term>洗钱</term>"
                + "</tig></langSet></termEntry>\n<termEntry><langSet xml:lang=\"zh\"><tig>\n<term></term></tig>"
                + "</langSet></termEntry></body></text></martif>");

        assertThat(run("import", bad.toString(), "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.tbx, line 3", "a term without text",
                "nothing imported");
        assertThat(run("export", "--data", data.toString(), "--out", temp.resolve("empty.tbx").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 entries written");
        assertThat(run("export", "--format", "xls", "--data", data.toString(), "--out", "x.xls")).isEqualTo(2);
    }

    @Test
    void shouldRoundTripTheGlossaryThroughCsvAndRefuseABadRowByLine(@TempDir Path temp) throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        Path csv = temp.resolve("glossary.csv");
        Path again = temp.resolve("again.csv");
        run("import", "glossary/starter.tbx", "--data", first.toString());

        assertThat(run("export", "--format", "csv", "--data", first.toString(), "--out", csv.toString())).isZero();
        assertThat(run("import", csv.toString(), "--data", second.toString())).isZero();
        assertThat(run("export", "--format", "csv", "--data", second.toString(), "--out", again.toString())).isZero();

        String text = Files.readString(csv);
        assertThat(text).startsWith("entry,subject,lang,term,type,usage,term_note,source,paragraph,definition,entry_note")
                .contains(",zh,外国恐怖主义战斗人员,variant,admitted,");
        assertThat(withoutIds(Files.readString(again))).isEqualTo(withoutIds(text));

        Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, "entry,subject,lang,term,type,usage,term_note,source,paragraph,definition,entry_note\r\n"
                + "a,crime,zh,洗钱,full-form,preferred,,,,\"定义，含逗号\",\r\n"
                + "a,crime,en,money-laundering,full-form,favourite,,,,,\r\n");
        assertThat(run("import", bad.toString(), "--data", temp.resolve("third").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.csv, line 3", "usage must be");
    }

    private static String withoutIds(String tbx) {
        return tbx.replaceAll("id=\"e\\d+\"", "").replaceAll("(?m)^e\\d+,", "");
    }

    private int run(String... args) {
        return Paraterm.run(org.paraterm.TestDatabase.command(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
