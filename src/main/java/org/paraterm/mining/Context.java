package org.paraterm.mining;

/**
 * An example of a candidate in use: one sentence of a document, where the term sits in it, and
 * where the sentence sits in the document.
 *
 * @param document  index of the document in the mined list
 * @param paragraph index of the paragraph in the document
 * @param sentence  index of the sentence in the document
 * @param start     offset of the sentence's first character in the document text
 * @param text      the sentence as the cleaned text shows it
 * @param termStart offset of the term inside {@code text}
 */
public record Context(int document, int paragraph, int sentence, int start, String text, int termStart) {
}
