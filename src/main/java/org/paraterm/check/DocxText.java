package org.paraterm.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
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
 * zip is read as a stream with limits on the number of entries and on the bytes inflated, counted
 * as they come rather than taken from the zip's own headers, so a zip bomb stops at the limit.
 */
final class DocxText {

    static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String DOCUMENT = "word/document.xml";
    private static final int MAX_ENTRIES = 10_000;

    /** A .docx that cannot be read, with a reason for the person who uploaded it. */
    static final class UnreadableDocx extends Exception {
        UnreadableDocx(String message) {
            super(message);
        }
    }

    private DocxText() {
    }

    /**
     * @param maxXmlBytes the most {@code word/document.xml} may inflate to; the XML is several
     *                    times larger than its text, so a caller allows a multiple of its text limit
     */
    static String read(byte[] docx, long maxXmlBytes) throws UnreadableDocx {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new UnreadableDocx("the file has too many parts to be a Word document");
                }
                if (entry.getName().equals(DOCUMENT)) {
                    return text(new Limited(zip, maxXmlBytes));
                }
            }
            throw new UnreadableDocx("the file is not a Word document (.docx): it has no " + DOCUMENT);
        } catch (ZipException e) {
            throw new UnreadableDocx("the file is not a readable .docx (zip) file");
        } catch (IOException e) {
            throw new UnreadableDocx("the .docx file could not be read: " + e.getMessage());
        }
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
                if (cause instanceof TooLarge) {
                    throw new UnreadableDocx(TooLarge.MESSAGE);
                }
            }
            throw new UnreadableDocx("the .docx file's text is not well-formed XML");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader of an in-memory stream releases nothing.
                }
            }
        }
        return text.toString();
    }

    private static final class TooLarge extends IOException {
        static final String MESSAGE = "the .docx file's text is too large to check";

        TooLarge() {
            super(MESSAGE);
        }
    }

    /** Reads at most a number of bytes, then fails: the inflated size is counted, not trusted. */
    private static final class Limited extends InputStream {
        private final InputStream in;
        private long left;

        Limited(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw new TooLarge();
                }
            }
            return n;
        }
    }
}
