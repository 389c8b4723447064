package org.paraterm.glossary;

import java.util.Objects;

/**
 * A term of an entry in one language.
 *
 * @param language BCP 47 code: "zh", "en" (and later the other UN languages: "fr", "es", "ru", "ar")
 * @param source   where the term is attested: a document symbol, or null
 * @param paragraph the paragraph of that document ("5.", "(a)"), or null
 */
@io.micronaut.serde.annotation.Serdeable
public record Term(String language, String text, TermType type, UsageStatus usage, String note, String source,
                   String paragraph) {

    public Term {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(usage, "usage");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a term needs text");
        }
    }

    public static Term of(String language, String text, TermType type, UsageStatus usage) {
        return new Term(language, text, type, usage, null, null, null);
    }
}
