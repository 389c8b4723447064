package org.paraterm.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A UN document as the reader repaired it.
 *
 * <p>{@code text} is the cleaned running text, paragraphs separated by one {@code '\n'}, and is
 * what pages display. {@code matchText} has exactly the same length and differs only where
 * characters were unified for matching (full-width brackets and punctuation to one form), so
 * every offset is valid in both. Footnotes are kept apart from the running text and reached from
 * their marks.
 *
 * @param source   the file name the document was read from (identity for reloads)
 * @param language ISO 639-1 code of the text, "zh" or "en"
 * @param symbol   the UN symbol found in the text, such as "S/2020/754", or null
 * @param date     the date printed in the document, or null
 * @param body     the issuing organ: "General Assembly", "Economic and Social Council",
 *                 "Security Council", "Secretary-General's report", or null
 * @param type     "resolution", "draft resolution", "report" or null
 */
public record CleanDocument(String source, String language, String symbol, String title,
                            LocalDate date, String body, String type, String text,
                            String matchText, List<Paragraph> paragraphs,
                            List<Footnote> footnotes, List<Reference> references) {

    public CleanDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(matchText, "matchText");
        if (text.length() != matchText.length()) {
            throw new IllegalArgumentException("match text must align with the text");
        }
        paragraphs = List.copyOf(paragraphs);
        footnotes = List.copyOf(footnotes);
        references = List.copyOf(references);
    }

    /** Every sentence of the document, in order. */
    public List<Sentence> sentences() {
        return paragraphs.stream().flatMap(p -> p.sentences().stream()).toList();
    }

    /** The distinct symbols this document cites, in first-seen order. */
    public List<String> citedSymbols() {
        return references.stream().map(Reference::symbol).distinct().toList();
    }

    public String text(Span span) {
        return text.substring(span.start(), span.end());
    }
}
