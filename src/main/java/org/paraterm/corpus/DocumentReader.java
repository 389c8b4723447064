package org.paraterm.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a UN document extracted from PDF into a {@link CleanDocument}: lines broken mid-word
 * joined, page furniture and link lists removed, footnotes moved out of the running text with
 * marks where they were referred to, digits and spacing normalised, paragraphs and sentences
 * recovered, and the metadata read from the text. The reader is stateless and thread-safe.
 */
public final class DocumentReader {

    public CleanDocument read(Path file) throws IOException, UnreadableDocumentException {
        return read(file.getFileName().toString(), Files.readAllBytes(file));
    }

    public CleanDocument read(String source, byte[] bytes) throws UnreadableDocumentException {
        String raw = withoutPrivateUse(TextDecoder.decode(source, bytes));
        boolean chinese = isChinese(raw);

        // The order matters: footnotes must be known before the marks that point to them, and
        // marks must be taken out of the lines before the lines are joined and spaces removed.
        List<SourceLine> lines = LineClassifier.classify(raw);
        PageLayout layout = FootnoteSplitter.split(lines);
        List<Footnote> footnotes = cleanFootnotes(layout.footnotes(), chinese);
        FootnoteMarker marker = new FootnoteMarker(numbers(footnotes), !chinese);
        List<String> marked = LineJoiner.paragraphs(layout.body(), marker).stream()
                .map(paragraph -> SpacingNormalizer.normalize(paragraph, chinese))
                .filter(paragraph -> !Chars.stripSpaces(paragraph).isEmpty())
                .toList();
        if (marked.isEmpty()) {
            throw new UnreadableDocumentException(source, "no running text was found in the file");
        }
        return assemble(source, chinese, marked, footnotes, layout);
    }

    private static CleanDocument assemble(String source, boolean chinese, List<String> marked,
                                          List<Footnote> footnotes, PageLayout layout) {
        List<String> texts = new ArrayList<>(marked.size());
        List<List<FootnoteMark>> marks = new ArrayList<>(marked.size());
        StringBuilder text = new StringBuilder();
        for (String paragraph : marked) {
            if (text.length() > 0) {
                text.append('\n');
            }
            List<FootnoteMark> paragraphMarks = new ArrayList<>();
            StringBuilder plain = new StringBuilder(paragraph.length());
            for (int i = 0; i < paragraph.length(); i++) {
                char c = paragraph.charAt(i);
                if (Chars.isMark(c)) {
                    paragraphMarks.add(new FootnoteMark(Chars.markNumber(c), text.length() + plain.length()));
                } else {
                    plain.append(c);
                }
            }
            texts.add(plain.toString());
            marks.add(paragraphMarks);
            text.append(plain);
        }

        DocumentStructure structure = DocumentStructure.analyse(texts, layout.headerSymbols());
        List<Paragraph> paragraphs = new ArrayList<>(texts.size());
        int start = 0;
        int sentenceIndex = 0;
        for (int i = 0; i < texts.size(); i++) {
            String paragraphText = texts.get(i);
            List<Sentence> sentences = new ArrayList<>();
            for (Span span : SentenceSplitter.split(paragraphText, start)) {
                sentences.add(new Sentence(sentenceIndex++, span));
            }
            paragraphs.add(new Paragraph(i, structure.kind(i), structure.label(i), start, paragraphText,
                    sentences, marks.get(i)));
            start += paragraphText.length() + 1;
        }
        String cleaned = text.toString();
        List<Reference> references = ReferenceCollector.collect(structure.symbol(), cleaned, footnotes, layout.links());
        return new CleanDocument(source, chinese ? "zh" : "en", structure.symbol(), structure.title(),
                structure.date(), structure.body(), structure.type(), cleaned, MatchText.of(cleaned),
                paragraphs, footnotes, references);
    }

    private static List<Footnote> cleanFootnotes(List<PageLayout.RawFootnote> raw, boolean chinese) {
        List<Footnote> footnotes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (PageLayout.RawFootnote footnote : raw) {
            String text = Chars.stripSpaces(SpacingNormalizer.normalize(LineJoiner.joinLines(footnote.lines()), chinese));
            if (!text.isEmpty() && seen.add(footnote.number())) {
                footnotes.add(new Footnote(footnote.number(), text));
            }
        }
        return footnotes;
    }

    private static Set<Integer> numbers(List<Footnote> footnotes) {
        Set<Integer> numbers = new HashSet<>();
        footnotes.forEach(footnote -> numbers.add(footnote.number()));
        return numbers;
    }

    /** Chinese when Han characters outnumber Latin letters. */
    private static boolean isChinese(String text) {
        long han = 0;
        long latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Chars.isHan(c)) {
                han++;
            } else if (Chars.isLatinLetter(c)) {
                latin++;
            }
        }
        return han > latin;
    }

    /**
     * Private-use characters carry footnote marks inside the reader; any in the input are not
     * displayable text anyway and are replaced so they cannot be mistaken for marks.
     */
    private static String withoutPrivateUse(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            if (Chars.isMark(text.charAt(i))) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }
}
