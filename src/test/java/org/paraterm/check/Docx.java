package org.paraterm.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Tiny .docx files for tests, written as Word lays them out: a zip with word/document.xml. */
final class Docx {

    private Docx() {
    }

    /** A document with one paragraph per argument; a tab between runs shows how tabs come through. */
    static byte[] of(String... paragraphs) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>");
            String[] runs = paragraph.split("\t", -1);
            for (int i = 0; i < runs.length; i++) {
                if (i > 0) {
                    body.append("<w:r><w:tab/></w:r>");
                }
                body.append("<w:r><w:rPr><w:rFonts w:eastAsia=\"SimSun\"/></w:rPr><w:t xml:space=\"preserve\">")
                        .append(escape(runs[i])).append("</w:t></w:r>");
            }
            body.append("</w:p>");
        }
        return zip("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\""
                + DocxText.WORD + "\"><w:body>" + body + "<w:sectPr/></w:body></w:document>");
    }

    /** A zip holding the given document.xml and the parts Word always writes beside it. */
    static byte[] zip(String documentXml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(documentXml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
