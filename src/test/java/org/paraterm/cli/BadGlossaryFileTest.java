package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} of glossary files that cannot be read — empty, binary, cut off, with a DOCTYPE and
 * an external entity, in the wrong encoding, with a broken quote — into a data folder holding the
 * starter glossary: each is refused naming the file and line, and the glossary keeps its 45 entries.
 */
class BadGlossaryFileTest {

    private static final String HEADER = "entry,subject,lang,term,type,usage,term_note,source,paragraph,definition,"
            + "entry_note\r\n";

    @TempDir
    Path temp;

    private Path data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void starterGlossary() {
        data = temp.resolve("data");
        assertThat(run("import", "glossary/starter.tbx", "--data", data.toString())).isZero();
    }

    @Test
    void shouldRefuseAnEmptyABinaryAndACutOffTbxFileNamingTheLine() throws Exception {
        String starter = Files.readString(Path.of("glossary", "starter.tbx"));

        assertRefused(write("empty.tbx", new byte[0]), "empty.tbx");
        byte[] png = new byte[512];
        new java.util.Random(3).nextBytes(png);
        png[0] = (byte) 0x89;
        assertRefused(write("image.tbx", png), "image.tbx");
        assertRefused(write("cut.tbx", starter.substring(0, starter.length() / 2).getBytes(StandardCharsets.UTF_8)),
                "cut.tbx, line");
    }

    @Test
    void shouldRefuseATbxFileWithADoctypeWithoutReadingItsExternalEntity() throws Exception {
        Path secret = write("secret.txt", "洗钱 money-laundering".getBytes(StandardCharsets.UTF_8));
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<martif><text><body><termEntry><langSet xml:lang=\"zh\"><tig><term>&leak;</term></tig>"
                + "</langSet></termEntry></body></text></martif>";

        assertRefused(write("entity.tbx", xxe.getBytes(StandardCharsets.UTF_8)), "entity.tbx, line 2", "DOCTYPE");
    }

    @Test
    void shouldRefuseACsvFileInTheWrongEncodingOrWithABrokenQuoteNamingTheLine() throws Exception {
        // (洗钱 alone happens to be valid UTF-8 in GB18030 bytes: CF B4 C7 AE)
        byte[] gb18030 = (HEADER + "a,crime,zh,贩运人口,full-form,preferred,,,,,\r\n").getBytes(Charset.forName("GB18030"));
        String unclosed = HEADER + "a,crime,zh,洗钱,full-form,preferred,,,,,\r\n"
                + "b,crime,zh,\"贩运人口,full-form,preferred,,,,,\r\n";

        assertRefused(write("chinese.csv", gb18030), "chinese.csv, line 2", "not UTF-8");
        assertRefused(write("quote.csv", unclosed.getBytes(StandardCharsets.UTF_8)), "quote.csv, line 3");
        assertRefused(write("empty.csv", new byte[0]), "empty.csv, line 1");
        assertRefused(write("columns.csv", (HEADER + "a,crime,zh,洗钱\r\n").getBytes(StandardCharsets.UTF_8)),
                "columns.csv, line 2", "4 columns");
    }

    private void assertRefused(Path file, String... message) throws Exception {
        err.reset();
        assertThat(run("import", file.toString(), "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message).contains("nothing imported")
                .doesNotContain("Exception", "\tat ");
        out.reset();
        Path exported = temp.resolve("check.tbx");
        assertThat(run("export", "--data", data.toString(), "--out", exported.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).as(Arrays.toString(message)).contains("45 entries written");
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(temp.resolve(name), content);
    }

    private int run(String... args) {
        return Paraterm.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
