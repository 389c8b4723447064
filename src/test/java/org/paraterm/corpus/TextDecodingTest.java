package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Files in the encodings Chinese UN text arrives in read the same; files that are not text are refused. */
class TextDecodingTest {

    private final DocumentReader reader = new DocumentReader();
    private final String excerpt = Excerpts.lines(Excerpts.INTERPOL, 1, 41);

    @Test
    void shouldReadAGb18030FileLikeItsUtf8Original() throws Exception {
        CleanDocument utf8 = reader.read("a.txt", excerpt.getBytes(StandardCharsets.UTF_8));
        CleanDocument gb = reader.read("a.txt", excerpt.getBytes(Charset.forName("GB18030")));

        assertThat(gb.text()).isEqualTo(utf8.text()).contains("国际刑事警察组织");
    }

    @Test
    void shouldReadUtf16WithAByteOrderMarkInEitherByteOrder() throws Exception {
        CleanDocument utf8 = reader.read("a.txt", excerpt.getBytes(StandardCharsets.UTF_8));

        assertThat(reader.read("le.txt", withMark(new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE))
                .text()).isEqualTo(utf8.text());
        assertThat(reader.read("be.txt", withMark(new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE))
                .text()).isEqualTo(utf8.text());
        assertThat(reader.read("bom.txt", withMark(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                StandardCharsets.UTF_8)).text()).isEqualTo(utf8.text());
    }

    @Test
    void shouldRefuseAnEmptyFileNamingIt() {
        assertThatThrownBy(() -> reader.read("empty.txt", new byte[0]))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("empty.txt: the file is empty");
        assertThatThrownBy(() -> reader.read("blank.txt", " \n\n \r\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith("blank.txt: ");
    }

    @Test
    void shouldRefuseABinaryFileNamingIt() {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);

        assertThatThrownBy(() -> reader.read("image.png", binary))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith("image.png: ")
                .hasMessageContaining("binary");
        assertThatThrownBy(() -> reader.read("scan.pdf", "%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("PDF");
    }

    private byte[] withMark(byte[] mark, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mark);
        out.writeBytes(excerpt.getBytes(charset));
        return out.toByteArray();
    }
}
