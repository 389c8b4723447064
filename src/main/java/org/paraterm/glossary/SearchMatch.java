package org.paraterm.glossary;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.paraterm.corpus.MatchText;

/**
 * How a search string met an entry: the term it matched best and how closely. Search results are
 * ranked by {@link Kind} first (an exact preferred term before any other exact term, then terms
 * that begin with the string, then terms that contain it), then by the matched term's length, so
 * the closest term comes first. Comparison ignores case and the width of brackets, digits and
 * Latin letters, as translators type either.
 */
public record SearchMatch(Term term, Kind kind) {

    public enum Kind {
        EXACT_PREFERRED, EXACT, PREFIX, SUBSTRING;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The entry's best match for {@code query}, or empty when no term contains it. */
    public static Optional<SearchMatch> of(Entry entry, String query) {
        String needle = normalized(query);
        if (needle.isEmpty()) {
            return Optional.empty();
        }
        return entry.terms().stream()
                .map(term -> kindOf(term, needle).map(kind -> new SearchMatch(term, kind)))
                .flatMap(Optional::stream)
                .min(Comparator.comparing((SearchMatch m) -> m.kind()).thenComparingInt(m -> m.term().text().length()));
    }

    /** The form searches compare: stripped, width-unified and lower case. */
    public static String normalized(String text) {
        return MatchText.searchForm(text);
    }

    /** Whether the match is exact and yet not the term translators should use in its language. */
    public boolean isNotPreferred() {
        return term.usage() != UsageStatus.PREFERRED;
    }

    public boolean isExact() {
        return kind == Kind.EXACT_PREFERRED || kind == Kind.EXACT;
    }

    private static Optional<Kind> kindOf(Term term, String needle) {
        String text = normalized(term.text());
        if (text.equals(needle)) {
            return Optional.of(term.usage() == UsageStatus.PREFERRED ? Kind.EXACT_PREFERRED : Kind.EXACT);
        }
        if (text.startsWith(needle)) {
            return Optional.of(Kind.PREFIX);
        }
        return text.contains(needle) ? Optional.of(Kind.SUBSTRING) : Optional.empty();
    }
}
