package org.paraterm.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The running text of a Word (.docx) file: {@code word/document.xml} read from the zip, one line
 * per paragraph ({@code w:p}), the text of {@code w:t} runs, {@code w:tab} as a tab and
 * {@code w:br}/{@code w:cr} as line breaks. Deleted text of tracked changes ({@code w:delText}) and
 * field codes ({@code w:instrText}) are not text a reader sees and are left out.
 *
 * <p>An upload is untrusted: the XML is read without DTDs or external entities (no XXE), and the
 * zip is opened by its central directory ({@link ZipFile}, from a temporary file), so that only
 * {@code word/document.xml} is ever inflated. A zip read as a stream ({@code ZipInputStream})
 * would inflate every entry stored before it just to reach it, however large: a 1.9 MB file whose
 * first entry inflates to 1.9 GB of zeros kept a request busy for seconds. The sizes the zip
 * declares are checked first (a file declaring more than the limits is refused before anything is
 * inflated), and the bytes of {@code word/document.xml} are counted as they are inflated, since a
 * declared size may lie.
 */
final class DocxText {

    static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String DOCUMENT = "word/document.xml";
    private static final int MAX_ENTRIES = 10_000;

    /** A .docx that cannot be read, with a reason for the person who uploaded it. */
    static class UnreadableDocx extends Exception {
        UnreadableDocx(String message) {
            super(message);
        }
    }

    /** A .docx that is, or says it is, larger inflated than the check takes (HTTP 413). */
    static final class TooLargeDocx extends UnreadableDocx {
        TooLargeDocx(String message) {
            super(message);
        }
    }

    private DocxText() {
    }

    /**
     * @param maxXmlBytes the most {@code word/document.xml} may inflate to; the XML is several
     *                    times larger than its text, so a caller allows a multiple of its text
     *                    limit. All parts of the file together may declare twice as much (styles,
     *                    images and the like beside the text), though only the text is inflated.
     */
    static String read(byte[] docx, long maxXmlBytes) throws UnreadableDocx {
        return read(docx, maxXmlBytes, inflated -> { });
    }

    /** As {@link #read(byte[], long)}, telling {@code inflated} each number of bytes inflated. */
    static String read(byte[] docx, long maxXmlBytes, LongConsumer inflated) throws UnreadableDocx {
        Path file;
        try {
            file = Files.createTempFile("paraterm-check-", ".docx");
            Files.write(file, docx);
        } catch (IOException e) {
            // The server's own problem (a full disk), not the file's: a 500, not a refusal.
            throw new java.io.UncheckedIOException("the uploaded .docx cannot be written to a temporary file", e);
        }
        try {
            try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
                ZipEntry document = documentEntry(zip, maxXmlBytes);
                try (InputStream xml = zip.getInputStream(document)) {
                    return text(new Limited(xml, maxXmlBytes, inflated));
                }
            }
        } catch (UnreadableDocx e) {
            throw e;
        } catch (TooLarge e) {
            throw tooLarge(e.limit);
        } catch (IOException | RuntimeException e) {
            // ZipException for a file that is no zip; IllegalArgumentException for a malformed entry name.
            throw new UnreadableDocx("the file is not a Word document (.docx): it cannot be read as a zip file");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file left behind is removed with the temporary folder.
            }
        }
    }

    /**
     * The entry of {@code word/document.xml}, after checking what the central directory declares:
     * how many entries, how large the text, how large all of them together.
     */
    private static ZipEntry documentEntry(ZipFile zip, long maxXmlBytes) throws UnreadableDocx {
        if (zip.size() > MAX_ENTRIES) {
            throw new UnreadableDocx("the file has too many parts to be a Word document");
        }
        ZipEntry document = null;
        long declared = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            declared += Math.max(0, entry.getSize());
            if (entry.getName().equals(DOCUMENT)) {
                document = entry;
            }
        }
        if (document == null) {
            throw new UnreadableDocx("the file is not a Word document (.docx): it has no " + DOCUMENT);
        }
        if (document.getSize() > maxXmlBytes) {
            throw tooLarge(maxXmlBytes);
        }
        if (declared > 2 * maxXmlBytes) {
            throw new TooLargeDocx("the .docx file is too large: its parts inflate to " + TextCheck.size(declared)
                    + ", and the check takes files that inflate to at most " + TextCheck.size(2 * maxXmlBytes));
        }
        return document;
    }

    private static TooLargeDocx tooLarge(long maxXmlBytes) {
        return new TooLargeDocx("the text of the .docx file (" + DOCUMENT + ") is too large: it inflates to more than "
                + TextCheck.size(maxXmlBytes) + ", the most the check takes");
    }

    private static String text(InputStream xml) throws UnreadableDocx {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        StringBuilder text = new StringBuilder();
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(xml);
            boolean inText = false;
            boolean anyParagraph = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamReader.START_ELEMENT && WORD.equals(reader.getNamespaceURI())) {
                    switch (reader.getLocalName()) {
                        case "t" -> inText = true;
                        case "tab" -> text.append('\t');
                        case "br", "cr" -> text.append('\n');
                        case "p" -> {
                            if (anyParagraph) {
                                text.append('\n');
                            }
                            anyParagraph = true;
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamReader.END_ELEMENT && inText && WORD.equals(reader.getNamespaceURI())
                        && reader.getLocalName().equals("t")) {
                    inText = false;
                } else if (inText && (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA
                        || event == XMLStreamReader.SPACE)) {
                    text.append(reader.getText());
                }
            }
        } catch (XMLStreamException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() != null ? cause.getCause()
                    : cause instanceof XMLStreamException x ? x.getNestedException() : null) {
                if (cause instanceof TooLarge tooLarge) {
                    throw tooLarge(tooLarge.limit);
                }
            }
            throw new UnreadableDocx("the .docx file's text is not well-formed XML");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // The caller closes the stream underneath, which is what holds anything.
                }
            }
        }
        return text.toString();
    }

    /** Thrown inside the XML reader when the text inflates beyond its limit. */
    private static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("more than " + limit + " bytes inflated");
            this.limit = limit;
        }
    }

    /** Reads at most a number of bytes, then fails: the inflated size is counted, not trusted. */
    private static final class Limited extends InputStream {
        private final InputStream in;
        private final long limit;
        private final LongConsumer counted;
        private long left;

        Limited(InputStream in, long limit, LongConsumer counted) {
            this.in = in;
            this.limit = limit;
            this.counted = counted;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted.accept(1);
                if (--left < 0) {
                    throw new TooLarge(limit);
                }
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Never more than is left (plus one byte to notice the excess), so that a bomb stops here.
            int n = in.read(buffer, offset, (int) Math.min(length, Math.max(1, left + 1)));
            if (n > 0) {
                counted.accept(n);
                left -= n;
                if (left < 0) {
                    throw new TooLarge(limit);
                }
            }
            return n;
        }
    }
}
