package org.paraterm.corpus;

import java.util.List;
import java.util.Objects;

/**
 * A paragraph of the cleaned text. {@code label} is the paragraph's own number as printed
 * ("5.", "(a)", "一.") or null; it stays part of {@code text}. {@code start} is the offset of
 * the paragraph's first character in {@link CleanDocument#text()}; sentences and marks carry
 * document offsets too.
 */
public record Paragraph(int index, ParagraphKind kind, String label, int start, String text,
                        List<Sentence> sentences, List<FootnoteMark> marks) {

    public Paragraph {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (index < 0 || start < 0) {
            throw new IllegalArgumentException("bad paragraph position " + index + " at " + start);
        }
        sentences = List.copyOf(sentences);
        marks = List.copyOf(marks);
    }

    public Span span() {
        return new Span(start, start + text.length());
    }

    public int end() {
        return start + text.length();
    }
}
