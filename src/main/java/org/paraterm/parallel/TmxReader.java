package org.paraterm.parallel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Translation memories in TMX 1.4b (and the older 1.1 {@code lang} attribute): each {@code <tu>}
 * with a Chinese and an English {@code <tuv>} becomes one unit.
 *
 * <p>Read with StAX, without a DTD and without external entities, so a file cannot make the
 * server fetch anything or expand entities (XXE). Inside {@code <seg>} the text of {@code <hi>}
 * is kept, while {@code <bpt>}, {@code <ept>}, {@code <ph>}, {@code <it>} and {@code <ut>} hold the
 * original format's codes ({@code <b>}, {@code {\i}}) and are dropped with everything inside them —
 * {@code <sub>} too, which is a separate flow (a footnote, an alt text) that would break the
 * sentence it sits in.
 *
 * <p>Chinese is {@code zh}, {@code zh-CN}, {@code zh-Hans} and {@code zh-SG} in any case; Taiwan,
 * Hong Kong and traditional ({@code zh-TW}, {@code zh-Hant}…) are not the UN's Chinese and count as
 * other languages. English is {@code en} and every {@code en-*}. A {@code <tu>} without both is
 * skipped and counted. A file that is not well-formed XML, is not TMX, has no {@code <body>} or not
 * one unit with both languages is refused with its line.
 */
public final class TmxReader {

    /** What a TMX file held. */
    public record Result(List<ParallelUnit> units, int skipped, String sourceLanguage) {
    }

    private static final java.util.Set<String> CODES = java.util.Set.of("bpt", "ept", "ph", "it", "ut", "sub");

    private TmxReader() {
    }

    public static Result read(Path file) throws IOException, ParallelFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file);
        }
    }

    /** Reads {@code in}; {@code file} names the file in errors and gives the units their document name. */
    public static Result read(InputStream in, Path file) throws IOException, ParallelFormatException {
        String document = file.getFileName().toString().replaceFirst("(?i)\\.tmx$", "");
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(in);
            return new Parser(xml, file, document).parse();
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            throw new ParallelFormatException(file, line, "not well-formed XML: " + plain(e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the stream is closed by the caller anyway
                }
            }
        }
    }

    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** The parser's message without its "ParseError at [row,col]:" prefix and line breaks. */
    private static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + 9) : message).replaceAll("\\s+", " ").strip();
    }

    /** "zh" for Simplified Chinese, "en" for English, null for anything else. */
    static String language(String code) {
        if (code == null) {
            return null;
        }
        String tag = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (tag.equals("en") || tag.startsWith("en-")) {
            return "en";
        }
        return switch (tag) {
            case "zh", "zh-cn", "zh-hans", "zh-hans-cn", "zh-sg", "zh-hans-sg" -> "zh";
            default -> null;
        };
    }

    private static final class Parser {

        private final XMLStreamReader xml;
        private final Path file;
        private final String document;
        private final List<ParallelUnit> units = new ArrayList<>();
        private int skipped;
        private String sourceLanguage;

        Parser(XMLStreamReader xml, Path file, String document) {
            this.xml = xml;
            this.file = file;
            this.document = document;
        }

        Result parse() throws XMLStreamException, ParallelFormatException {
            // past the prolog: comments, processing instructions and a DOCTYPE, which is not read
            while (xml.next() != XMLStreamConstants.START_ELEMENT) {
                if (xml.getEventType() == XMLStreamConstants.END_DOCUMENT) {
                    throw new ParallelFormatException(file, 0, "the file holds no XML element: this is not a TMX file");
                }
            }
            if (!xml.getLocalName().equals("tmx")) {
                throw problem("the root element is <" + xml.getLocalName() + ">, not <tmx>: this is not a TMX file");
            }
            int bodyLine = 0;
            int lastLine = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    lastLine = xml.getLocation().getLineNumber();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "header" -> sourceLanguage = xml.getAttributeValue(null, "srclang");
                        case "body" -> {
                            bodyLine = xml.getLocation().getLineNumber();
                            body();
                        }
                        default -> skipElement();
                    }
                }
            }
            if (bodyLine == 0) {
                throw new ParallelFormatException(file, lastLine, "the TMX file has no <body>");
            }
            if (units.isEmpty()) {
                throw new ParallelFormatException(file, bodyLine, "no translation unit has both a Chinese (zh, zh-CN, zh-Hans)"
                        + " and an English (en, en-*) segment" + (skipped > 0 ? " (" + skipped + " units skipped)" : ""));
            }
            return new Result(List.copyOf(units), skipped, sourceLanguage);
        }

        private void body() throws XMLStreamException, ParallelFormatException {
            while (xml.next() != XMLStreamConstants.END_ELEMENT) {
                if (xml.getEventType() == XMLStreamConstants.START_ELEMENT) {
                    if (xml.getLocalName().equals("tu")) {
                        unit();
                    } else {
                        skipElement();
                    }
                }
            }
        }

        private void unit() throws XMLStreamException, ParallelFormatException {
            String zh = null;
            String en = null;
            while (xml.next() != XMLStreamConstants.END_ELEMENT) {
                if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!xml.getLocalName().equals("tuv")) {
                    skipElement(); // <prop>, <note>
                    continue;
                }
                int line = xml.getLocation().getLineNumber();
                String code = xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
                if (code == null) {
                    code = xml.getAttributeValue(null, "lang"); // TMX 1.1
                }
                if (code == null) {
                    throw new ParallelFormatException(file, line, "a <tuv> without xml:lang");
                }
                String segment = variant(line);
                String language = language(code);
                if ("zh".equals(language) && zh == null) {
                    zh = segment;
                } else if ("en".equals(language) && en == null) {
                    en = segment;
                }
            }
            if (zh == null || en == null || zh.isEmpty() || en.isEmpty()) {
                skipped++;
            } else {
                units.add(ParallelUnit.given(zh, en, document));
            }
        }

        /** The text of the {@code <seg>} of the {@code <tuv>} that starts on {@code line}. */
        private String variant(int line) throws XMLStreamException, ParallelFormatException {
            String segment = null;
            while (xml.next() != XMLStreamConstants.END_ELEMENT) {
                if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("seg")) {
                    StringBuilder text = new StringBuilder();
                    segment(text);
                    segment = normalize(text);
                } else {
                    skipElement();
                }
            }
            if (segment == null) {
                throw new ParallelFormatException(file, line, "a <tuv> without <seg>");
            }
            return segment;
        }

        /** Appends the text of the element just started, codes left out. */
        private void segment(StringBuilder text) throws XMLStreamException {
            while (xml.next() != XMLStreamConstants.END_ELEMENT) {
                switch (xml.getEventType()) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            text.append(xml.getText());
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (CODES.contains(xml.getLocalName())) {
                            skipElement();
                        } else {
                            segment(text); // <hi> and anything unknown: its text is text
                        }
                    }
                    default -> { }
                }
            }
        }

        private void skipElement() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private ParallelFormatException problem(String message) {
            return new ParallelFormatException(file, xml.getLocation().getLineNumber(), message);
        }
    }

    /**
     * Runs of white space become one space, except between two Chinese characters, where a line
     * break of the file means nothing.
     */
    static String normalize(CharSequence text) {
        String collapsed = text.toString().replaceAll("\\s+", " ").strip();
        return collapsed.replaceAll("(?<=[\\p{IsHan}，。；：、）》」])\\s(?=[\\p{IsHan}（《「])", "");
    }
}
