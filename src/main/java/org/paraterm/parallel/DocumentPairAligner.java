package org.paraterm.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.DocumentReader;
import org.paraterm.corpus.Paragraph;
import org.paraterm.corpus.Sentence;
import org.paraterm.corpus.Span;
import org.paraterm.corpus.UnreadableDocumentException;
import org.paraterm.english.EnglishAnalyzer;

/**
 * Aligns a whole document with its translation, such as the PDF extracts of the Chinese and the
 * English version of a UN document: both sides are repaired by the corpus {@link DocumentReader}
 * (the English side with its Latin rules), split into sentences (the Chinese by the reader, the
 * English by OpenNLP, paragraph by paragraph so that no sentence runs across a paragraph), and
 * aligned by the {@link SentenceAligner}. Footnotes stay out: only the running text is aligned.
 * Thread-safe.
 */
public final class DocumentPairAligner {

    private final DocumentReader reader = new DocumentReader();

    /**
     * The aligned units of a document pair, named after the Chinese side's symbol when the reader
     * finds one, else after {@code source}.
     *
     * @throws UnreadableDocumentException when a side is empty, binary or in no known encoding; the
     *                                     message names the side
     */
    public List<ParallelUnit> align(String source, byte[] zhBytes, byte[] enBytes, AlignmentDictionary dictionary)
            throws UnreadableDocumentException {
        return align(source, source + " (Chinese)", zhBytes, source + " (English)", enBytes, dictionary);
    }

    /** As {@link #align(String, byte[], byte[], AlignmentDictionary)}, with each side's own name for messages. */
    public List<ParallelUnit> align(String source, String zhName, byte[] zhBytes, String enName, byte[] enBytes,
                                    AlignmentDictionary dictionary) throws UnreadableDocumentException {
        CleanDocument chinese = reader.read(zhName, zhBytes);
        CleanDocument english = reader.read(enName, enBytes);
        String document = chinese.symbol() != null ? chinese.symbol() : source;
        return new SentenceAligner(dictionary).align(chineseSentences(chinese), englishSentences(english), document);
    }

    static List<String> chineseSentences(CleanDocument document) {
        List<String> sentences = new ArrayList<>();
        for (Sentence sentence : document.sentences()) {
            String text = document.text(sentence.span()).strip();
            if (!text.isEmpty()) {
                sentences.add(text);
            }
        }
        return sentences;
    }

    static List<String> englishSentences(CleanDocument document) {
        EnglishAnalyzer analyzer = EnglishAnalyzer.shared();
        List<String> sentences = new ArrayList<>();
        for (Paragraph paragraph : document.paragraphs()) {
            String label = null;
            for (Span span : analyzer.sentenceSpans(paragraph.text())) {
                String text = paragraph.text().substring(span.start(), span.end()).strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (LABEL_ONLY.matcher(text).matches()) {
                    label = label == null ? text : label + " " + text;
                    continue;
                }
                sentences.add(label == null ? text : label + " " + text);
                label = null;
            }
            if (label != null) {
                sentences.add(label);
            }
        }
        return sentences;
    }

    /**
     * A paragraph number the English sentence detector cuts off as a sentence of its own ("27.",
     * "II.", "(a)"); it goes with the sentence after it, as the Chinese splitter keeps it.
     */
    private static final Pattern LABEL_ONLY =
            Pattern.compile("\\(?(?:\\d{1,3}|[A-Za-z]|[IVXLC]{1,6}|[ivxlc]{1,6})[.)]");
}
