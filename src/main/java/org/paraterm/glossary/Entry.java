package org.paraterm.glossary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One concept of the glossary with its terms per language, the way termbases (UNTERM, IATE, TBX)
 * hold them. {@code version} grows with every saved change; a save naming an older version is
 * refused (optimistic locking).
 *
 * @param id        database id, 0 before the entry is saved
 * @param published whether translators see it; approval does not publish by itself
 */
@io.micronaut.serde.annotation.Serdeable
public record Entry(long id, String subject, String definitionZh, String definitionEn, String note,
                    EntryStatus status, String rejectionReason, boolean published, List<Term> terms,
                    List<Evidence> evidence, String createdBy, Instant createdAt, String modifiedBy,
                    Instant modifiedAt, int version) {

    public Entry {
        // A stored version (entry_version.snapshot) leaves an empty list out, as JSON serialization
        // here does by default: every entry without evidence comes back from it with none given.
        terms = terms == null ? List.of() : List.copyOf(terms);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The preferred term of a language, else its first term. */
    public Optional<Term> preferred(String language) {
        return terms.stream().filter(t -> t.language().equals(language) && t.usage() == UsageStatus.PREFERRED)
                .findFirst()
                .or(() -> terms.stream().filter(t -> t.language().equals(language)).findFirst());
    }

    public List<Term> terms(String language) {
        return terms.stream().filter(t -> t.language().equals(language)).toList();
    }
}
