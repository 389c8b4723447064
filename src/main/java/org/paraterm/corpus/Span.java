package org.paraterm.corpus;

/**
 * A half-open range {@code [start, end)} of UTF-16 character positions in a document's cleaned
 * text ({@link CleanDocument#text()}), the same positions in its {@link CleanDocument#matchText()}.
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a span: [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int position) {
        return position >= start && position < end;
    }
}
