package org.paraterm.glossary;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * TBX-Basic (ISO 30042:2008, {@code martif type="TBX-Basic"}): one {@code termEntry} per entry
 * (subject field and note), one {@code langSet} per language (its definition), one {@code tig} per
 * term (term, termType, administrativeStatus, note, source). The reader also takes the
 * {@code ntig/termGrp} structure. Workflow status, the published flag, evidence and history are not
 * TBX-Basic: they are not written, and an import says how its entries start out.
 */
public final class Tbx {

    private Tbx() {
    }

    public static void write(List<Entry> entries, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("martif");
            xml.writeAttribute("type", "TBX-Basic");
            xml.writeAttribute("xml:lang", "en");
            xml.writeStartElement("martifHeader");
            xml.writeStartElement("fileDesc");
            xml.writeStartElement("sourceDesc");
            element(xml, "p", "paraterm glossary export");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("text");
            xml.writeStartElement("body");
            for (Entry entry : entries) {
                xml.writeCharacters("\n");
                xml.writeStartElement("termEntry");
                xml.writeAttribute("id", "e" + entry.id());
                descrip(xml, "subjectField", entry.subject());
                if (entry.note() != null) {
                    element(xml, "note", entry.note());
                }
                for (String language : languages(entry)) {
                    xml.writeStartElement("langSet");
                    xml.writeAttribute("xml:lang", language);
                    descrip(xml, "definition", language.equals("zh") ? entry.definitionZh()
                            : language.equals("en") ? entry.definitionEn() : null);
                    for (Term term : entry.terms(language)) {
                        xml.writeStartElement("tig");
                        element(xml, "term", term.text());
                        termNote(xml, "termType", term.type().tbx());
                        termNote(xml, "administrativeStatus", term.usage().tbx());
                        if (term.source() != null) {
                            xml.writeStartElement("admin");
                            xml.writeAttribute("type", "source");
                            xml.writeCharacters(term.paragraph() == null ? term.source()
                                    : term.source() + ", " + term.paragraph());
                            xml.writeEndElement();
                        }
                        if (term.note() != null) {
                            element(xml, "note", term.note());
                        }
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("could not write TBX: " + e.getMessage(), e);
        }
    }

    /**
     * Reads every entry of a TBX file, or none: the first problem stops the import with the line
     * it is on. Entries come back with {@code status} and {@code published} as given.
     */
    public static List<Entry> read(InputStream in, String name, EntryStatus status, boolean published)
            throws TbxException {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        // No DTDs and no external entities: a TBX file cannot make the server read other files.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Entry> entries = new ArrayList<>();
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in, "UTF-8");
            Draft entry = null;
            String language = null;
            TermDraft term = null;
            boolean sawRoot = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw problem(name, xml, "a DOCTYPE is not accepted");
                }
                if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                    continue;
                }
                String element = xml.getLocalName();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (element) {
                        case "martif", "tbx" -> sawRoot = true;
                        case "termEntry", "conceptEntry" -> entry = new Draft();
                        case "langSet", "langSec" -> {
                            language = xml.getAttributeValue("http://www.w3.org/XML/1998/namespace", "lang");
                            if (language == null || language.isBlank()) {
                                throw problem(name, xml, "a language section without xml:lang");
                            }
                            language = language.strip().toLowerCase(java.util.Locale.ROOT);
                        }
                        case "tig", "ntig", "termSec" -> {
                            if (entry == null || language == null) {
                                throw problem(name, xml, "a term outside a language section of an entry");
                            }
                            term = new TermDraft(xml.getLocation().getLineNumber());
                        }
                        case "term" -> {
                            if (term == null) {
                                throw problem(name, xml, "<term> outside <tig> or <ntig>");
                            }
                            term.text = xml.getElementText().strip();
                        }
                        case "termNote" -> {
                            String type = xml.getAttributeValue(null, "type");
                            String value = xml.getElementText().strip();
                            if (term != null && "termType".equals(type)) {
                                term.type = type(value, name, xml);
                            } else if (term != null && "administrativeStatus".equals(type)) {
                                term.usage = usage(value, name, xml);
                            }
                        }
                        case "descrip" -> {
                            String type = xml.getAttributeValue(null, "type");
                            String value = xml.getElementText().strip();
                            if (entry != null && "subjectField".equals(type)) {
                                entry.subject = value;
                            } else if (entry != null && "definition".equals(type) && "zh".equals(base(language))) {
                                entry.definitionZh = value;
                            } else if (entry != null && "definition".equals(type) && "en".equals(base(language))) {
                                entry.definitionEn = value;
                            }
                        }
                        case "admin" -> {
                            String type = xml.getAttributeValue(null, "type");
                            String value = xml.getElementText().strip();
                            if (term != null && "source".equals(type)) {
                                term.source = value;
                            }
                        }
                        case "note" -> {
                            String value = xml.getElementText().strip();
                            if (term != null) {
                                term.note = value;
                            } else if (entry != null && language == null) {
                                entry.note = value;
                            }
                        }
                        default -> { }
                    }
                } else {
                    switch (element) {
                        case "tig", "ntig", "termSec" -> {
                            if (term.text == null || term.text.isEmpty()) {
                                throw new TbxException(name + ", line " + term.line + ": a term without text");
                            }
                            entry.terms.add(new Term(base(language), term.text, term.type, term.usage, term.note,
                                    sourceOf(term.source), paragraphOf(term.source)));
                            term = null;
                        }
                        case "langSet", "langSec" -> language = null;
                        case "termEntry", "conceptEntry" -> {
                            if (entry.terms.isEmpty()) {
                                throw problem(name, xml, "an entry without terms");
                            }
                            Entry read = new Entry(0, entry.subject, entry.definitionZh, entry.definitionEn,
                                    entry.note, status, null, published, entry.terms, List.of(), null, null, null, null, 0);
                            String tooLong = EntryLimits.problem(read);
                            if (tooLong != null) {
                                throw problem(name, xml, "the entry ending here has " + tooLong);
                            }
                            entries.add(read);
                            entry = null;
                        }
                        default -> { }
                    }
                }
            }
            if (!sawRoot) {
                throw new TbxException(name + ": not a TBX file (no <martif> or <tbx> element)");
            }
            return entries;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new TbxException(name + (line > 0 ? ", line " + line : "") + ": not well-formed XML: "
                    + firstLine(e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to read
                }
            }
        }
    }

    /** A file that cannot be imported, with the line and the problem. */
    public static final class TbxException extends Exception {
        public TbxException(String message) {
            super(message);
        }
    }

    private static final class Draft {
        String subject;
        String definitionZh;
        String definitionEn;
        String note;
        final List<Term> terms = new ArrayList<>();
    }

    private static final class TermDraft {
        final int line;
        String text;
        TermType type = TermType.FULL_FORM;
        UsageStatus usage = UsageStatus.ADMITTED;
        String note;
        String source;

        TermDraft(int line) {
            this.line = line;
        }
    }

    private static List<String> languages(Entry entry) {
        List<String> languages = new ArrayList<>();
        for (Term term : entry.terms()) {
            if (!languages.contains(term.language())) {
                languages.add(term.language());
            }
        }
        return languages;
    }

    private static TermType type(String value, String name, XMLStreamReader xml) throws TbxException {
        for (TermType type : TermType.values()) {
            if (type.tbx().equals(value)) {
                return type;
            }
        }
        // TBX-Basic's other forms of abbreviation are abbreviations here.
        if (value.equals("abbreviation") || value.equals("initialism")) {
            return TermType.ABBREVIATION;
        }
        throw problem(name, xml, "unknown termType '" + value + "'");
    }

    private static UsageStatus usage(String value, String name, XMLStreamReader xml) throws TbxException {
        for (UsageStatus usage : UsageStatus.values()) {
            if (usage.tbx().equals(value)) {
                return usage;
            }
        }
        throw problem(name, xml, "unknown administrativeStatus '" + value + "'");
    }

    private static String base(String language) {
        if (language == null) {
            return null;
        }
        // zh-CN, zh-Hans → zh; en-GB → en: the glossary keeps one Chinese and one English.
        int dash = language.indexOf('-');
        return dash < 0 ? language : language.substring(0, dash);
    }

    private static String sourceOf(String source) {
        if (source == null) {
            return null;
        }
        int comma = source.lastIndexOf(", ");
        return comma < 0 ? source : source.substring(0, comma);
    }

    private static String paragraphOf(String source) {
        if (source == null) {
            return null;
        }
        int comma = source.lastIndexOf(", ");
        return comma < 0 ? null : source.substring(comma + 2);
    }

    private static TbxException problem(String name, XMLStreamReader xml, String what) {
        return new TbxException(name + ", line " + xml.getLocation().getLineNumber() + ": " + what);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.lastIndexOf("Message: ");
        return newline >= 0 ? message.substring(newline + 9) : message.lines().findFirst().orElse("");
    }

    private static void descrip(XMLStreamWriter xml, String type, String value) throws XMLStreamException {
        if (value == null || value.isBlank()) {
            return;
        }
        xml.writeStartElement("descrip");
        xml.writeAttribute("type", type);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void termNote(XMLStreamWriter xml, String type, String value) throws XMLStreamException {
        xml.writeStartElement("termNote");
        xml.writeAttribute("type", type);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
