package org.paraterm.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What a check found in a text. Offsets are half-open {@code [start, end)} UTF-16 char positions
 * in the text as it was given, so {@code text.substring(start, end)} is the matched string.
 *
 * @param scope      whose glossary was checked against: "published" or "approved"
 * @param terms      how many distinct Chinese terms that glossary has
 * @param matches    every glossary term in the text, leftmost-longest, without overlaps
 * @param flags      the matches whose term should not be used, with what to use instead
 * @param candidates repeated strings of the text that are not in the glossary: possible new terms
 */
// Every field always, empty lists and nulls included: scripts should not have to test for absence.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record CheckResult(String scope, int terms, List<Match> matches, List<Flag> flags,
                          List<Candidate> candidates) {

    public CheckResult {
        matches = List.copyOf(matches);
        flags = List.copyOf(flags);
        candidates = List.copyOf(candidates);
    }

    /**
     * A glossary term found in the text.
     *
     * @param preferred the entry's preferred Chinese term
     * @param en        the entry's preferred English term, or null
     * @param status    the usage status of the matched term: preferred, admitted, deprecated, obsolete
     * @param type      the matched term's type: full-form, short-form, abbreviation, variant
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    public record Match(int start, int end, String text, long entryId, String preferred, String en, String status,
                        String type) {
    }

    /** A matched term that should be replaced by the preferred form, and why. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    public record Flag(int start, int end, String text, long entryId, String preferred, String en, String reason) {
    }

    /**
     * A string repeated in the text that the glossary does not have.
     *
     * @param frequency how often it occurs outside the glossary terms found
     * @param start     where it first occurs
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    public record Candidate(String term, int frequency, int start) {
    }
}
