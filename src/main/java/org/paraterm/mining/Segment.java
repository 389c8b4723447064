package org.paraterm.mining;

/**
 * A run of Chinese text inside one sentence with no punctuation, bracket, digit or Latin letter in
 * it: candidates never cross these, so every candidate is a substring of one segment.
 * {@code offset} is the position of the segment's first character in its document's text.
 */
public record Segment(int document, int sentence, int offset, String text) {
}
