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

    /** Megabytes of zeros as a zip bomb, with a short document after them: built once per test run. */
    private static final java.util.Map<Integer, byte[]> BOMBS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A zip bomb dressed as a .docx, as the attack on the text check was made: a first entry of
     * {@code megabytes} MB of zeros (deflated about a thousand to one), then a real
     * {@code word/document.xml} holding {@code paragraph}.
     */
    static byte[] bombBeforeTheDocument(int megabytes, String paragraph) {
        return BOMBS.computeIfAbsent(megabytes, mb -> {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                    zip.putNextEntry(new ZipEntry("word/media/image1.emf"));
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < mb; i++) {
                        zip.write(zeros);
                    }
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry("word/document.xml"));
                    zip.write(("<w:document xmlns:w=\"" + DocxText.WORD + "\"><w:body><w:p><w:r><w:t>"
                            + escape(paragraph) + "</w:t></w:r></w:p></w:body></w:document>")
                            .getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * The zip with the uncompressed size its central directory declares for {@code entry} changed
     * to {@code declared}: what a bomb does to pass a check of declared sizes.
     */
    static byte[] lyingAbout(byte[] zip, String entry, long declared) {
        byte[] copy = zip.clone();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(copy).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        // Central directory headers: signature 0x02014b50, uncompressed size at 24, name length at 28, name at 46.
        for (int at = 0; at + 46 <= copy.length; at++) {
            if (buffer.getInt(at) == 0x02014b50 && buffer.getShort(at + 28) == name.length
                    && java.util.Arrays.equals(copy, at + 46, at + 46 + name.length, name, 0, name.length)) {
                buffer.putInt(at + 24, (int) declared);
                return copy;
            }
        }
        throw new IllegalArgumentException("no central directory entry " + entry);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
