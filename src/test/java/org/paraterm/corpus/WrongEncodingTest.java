package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Files in an encoding that GB18030 misreads without an error are refused with the file named,
 * while Chinese and English in GB18030 and UTF-16 still read as they did.
 */
class WrongEncodingTest {

    private final DocumentReader reader = new DocumentReader();

    @Test
    void shouldRefuseLatin1Windows1252ShiftJisEucKrAndBig5TextNamingTheFile() {
        for (Map.Entry<String, byte[]> file : WronglyEncoded.files().entrySet()) {
            assertThatThrownBy(() -> reader.read(file.getKey(), file.getValue())).as(file.getKey())
                    .isInstanceOf(UnreadableDocumentException.class)
                    .hasMessageStartingWith(file.getKey() + ": ")
                    .hasMessageContaining("save it as UTF-8");
        }
    }

    @Test
    void shouldRefuseTheFilesGb18030DecodesWithoutAnErrorForWhatTheyWouldReadAs() {
        Map<String, byte[]> files = WronglyEncoded.files();
        // All but Big5 pass a strict GB18030 decoder: only what they read as gives them away.
        assertThat(files.entrySet()).filteredOn(file -> WronglyEncoded.decodesAsGb18030(file.getValue()))
                .extracting(Map.Entry::getKey).contains("resolution-latin-1.txt", "resolution-windows-1252.txt",
                        "udhr-shift-jis.txt", "udhr-euc-kr.txt");

        assertThatThrownBy(() -> reader.read("resolution-latin-1.txt", files.get("resolution-latin-1.txt")))
                .hasMessageContaining("read as GB18030, 100 % of its characters beyond ASCII would be rare Chinese"
                        + " characters, kana, Hangul or symbols (“R閟olution adopt閑 par l'Assembl…”)");
        assertThatThrownBy(() -> reader.read("udhr-shift-jis.txt", files.get("udhr-shift-jis.txt")))
                .hasMessageContaining("would be rare Chinese characters, kana, Hangul or symbols");
        assertThatThrownBy(() -> reader.read("udhr-euc-kr.txt", files.get("udhr-euc-kr.txt")))
                .hasMessageContaining("would stand in words between spaces with ASCII full stops and commas");
    }

    @Test
    void shouldStillReadEveryBundledDocumentInGb18030AndUtf16AsInUtf8() throws Exception {
        for (String name : new String[] {Excerpts.INTERPOL, Excerpts.DRAFT, Excerpts.RES_64_179, Excerpts.ECOSOC,
                Excerpts.REPORT}) {
            String text = new String(Excerpts.bytes(name), StandardCharsets.UTF_8);
            String expected = reader.read(name, Excerpts.bytes(name)).text();

            assertThat(reader.read(name, text.getBytes(Charset.forName("GB18030"))).text()).as(name).isEqualTo(expected);
            assertThat(reader.read(name, utf16WithMark(text)).text()).as(name).isEqualTo(expected);
        }
    }

    @Test
    void shouldStillDecodeBothSidesOfTheParallelDevelopmentSetInGb18030() throws Exception {
        Path dev = Path.of("glossary", "corpus", "parallel", "unpc-dev");
        for (String side : new String[] {"UNv1.0.devset.zh", "UNv1.0.devset.en"}) {
            String text = Files.readString(dev.resolve(side), StandardCharsets.UTF_8);

            assertThat(TextDecoder.decode(side, text.getBytes(Charset.forName("GB18030")))).as(side).isEqualTo(text);
        }
    }

    private static byte[] utf16WithMark(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        return bytes;
    }
}
