package org.paraterm.glossary;

/**
 * A context attesting an entry: a sentence of a document.
 *
 * @param document  the document's database id, or null when it is not in this corpus
 * @param symbol    the document symbol ("S/2020/754"), or null
 * @param paragraph the paragraph label or index as shown ("5."), or null
 */
@io.micronaut.serde.annotation.Serdeable
public record Evidence(Long document, String symbol, String paragraph, String text) {
}
