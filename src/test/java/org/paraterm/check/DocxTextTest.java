package org.paraterm.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Reading the text of uploaded .docx files, and refusing hostile ones. */
class DocxTextTest {

    @Test
    void shouldReadParagraphsRunsAndTabsInOrder() throws Exception {
        byte[] docx = Docx.of("请联合国毒品和犯罪问题办公室与国际刑事警察组织合作", "1.\t外国恐怖主义作战人员 & <回返者>");

        String text = DocxText.read(docx, 1_000_000);

        assertThat(text).isEqualTo("请联合国毒品和犯罪问题办公室与国际刑事警察组织合作\n1.\t外国恐怖主义作战人员 & <回返者>");
    }

    @Test
    void shouldLeaveOutDeletedTextAndFieldCodes() throws Exception {
        byte[] docx = Docx.zip("<w:document xmlns:w=\"" + DocxText.WORD + "\"><w:body><w:p>"
                + "<w:r><w:t>打击</w:t></w:r><w:del><w:r><w:delText>外国恐怖主义战斗人员</w:delText></w:r></w:del>"
                + "<w:r><w:instrText> HYPERLINK \"https://undocs.org\" </w:instrText></w:r>"
                + "<w:ins><w:r><w:t>外国恐怖主义作战人员</w:t></w:r></w:ins><w:r><w:br/><w:t>第二行</w:t></w:r>"
                + "</w:p></w:body></w:document>");

        assertThat(DocxText.read(docx, 1_000_000)).isEqualTo("打击外国恐怖主义作战人员\n第二行");
    }

    @Test
    void shouldNotResolveExternalEntities() throws Exception {
        byte[] docx = Docx.zip("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "
                + "\"file:///etc/passwd\">]><w:document xmlns:w=\"" + DocxText.WORD + "\"><w:body><w:p><w:r>"
                + "<w:t>&secret;</w:t></w:r></w:p></w:body></w:document>");

        String text;
        try {
            text = DocxText.read(docx, 1_000_000);
        } catch (DocxText.UnreadableDocx refused) {
            text = refused.getMessage();
        }
        assertThat(text).doesNotContain("root:");
    }

    @Test
    void shouldStopAZipBombAtTheLimitInsteadOfInflatingIt() throws Exception {
        // 200 MB of spaces inside a w:t compress to a few hundred kilobytes.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document xmlns:w=\"" + DocxText.WORD + "\"><w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(1_000_000);

        assertThatThrownBy(() -> DocxText.read(bytes.toByteArray(), 20_000_000))
                .isInstanceOf(DocxText.UnreadableDocx.class).hasMessageContaining("too large");
    }

    @Test
    void shouldRefuseAZipBombBeforeTheDocumentWithoutInflatingAnyOfIt() {
        // 300 MB of zeros before word/document.xml, as in the attack on the check (there 1.9 GB).
        byte[] bomb = Docx.bombBeforeTheDocument(300, "外国恐怖主义作战人员");
        LongAdder inflated = new LongAdder();

        assertThat(bomb.length).isLessThan(1_000_000);
        assertThatThrownBy(() -> DocxText.read(bomb, 20_000_000, inflated::add))
                .isInstanceOf(DocxText.TooLargeDocx.class)
                .hasMessage("the .docx file is too large: its parts inflate to 300.0 MB, and the check takes files"
                        + " that inflate to at most 38.1 MB");
        assertThat(inflated.sum()).isZero();
    }

    @Test
    void shouldNeverInflateAPartItDoesNotNeedEvenWhenThePartLiesAboutItsSize() throws Exception {
        byte[] bomb = Docx.lyingAbout(Docx.bombBeforeTheDocument(300, "外国恐怖主义作战人员"), "word/media/image1.emf", 1000);
        LongAdder inflated = new LongAdder();

        String text = DocxText.read(bomb, 20_000_000, inflated::add);

        assertThat(text).isEqualTo("外国恐怖主义作战人员");
        assertThat(inflated.sum()).isLessThan(1000);
    }

    @Test
    void shouldStopInflatingADocumentThatLiesAboutItsSizeAtTheLimit() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document xmlns:w=\"" + DocxText.WORD + "\"><w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 100; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        byte[] lying = Docx.lyingAbout(bytes.toByteArray(), "word/document.xml", 2000);
        LongAdder inflated = new LongAdder();

        assertThatThrownBy(() -> DocxText.read(lying, 10_000_000, inflated::add))
                .isInstanceOf(DocxText.TooLargeDocx.class)
                .hasMessage("the text of the .docx file (word/document.xml) is too large: it inflates to more than"
                        + " 9.5 MB, the most the check takes");
        assertThat(inflated.sum()).isEqualTo(10_000_001);
    }

    @Test
    void shouldRefuseAZipWithoutAWordDocumentAndBytesThatAreNoZip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> DocxText.read(bytes.toByteArray(), 1_000_000))
                .isInstanceOf(DocxText.UnreadableDocx.class).hasMessageContaining("not a Word document");
        assertThatThrownBy(() -> DocxText.read("PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1),
                1_000_000)).isInstanceOf(DocxText.UnreadableDocx.class);
    }
}
