package org.paraterm.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paraterm.corpus.MatchText;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.UsageStatus;

/**
 * The Chinese terms of a set of glossary entries, ready to be found in a text: an automaton over
 * their width-unified forms ({@link MatchText}), so that 2030年议程 written with full-width digits
 * or a term with full-width brackets still matches, and offsets stay those of the given text.
 */
final class TermIndex {

    /** A glossary term found at {@code [start, end)} of a text. */
    record Found(int start, int end, GlossaryTerm term) {
    }

    private final TermAutomaton automaton;
    private final List<GlossaryTerm> terms;
    private final Map<String, Integer> byForm;

    private TermIndex(TermAutomaton automaton, List<GlossaryTerm> terms, Map<String, Integer> byForm) {
        this.automaton = automaton;
        this.terms = terms;
        this.byForm = byForm;
    }

    /**
     * The index of the entries' Chinese terms. A string that several entries hold (or one entry
     * twice) stands for its most recommended use: a preferred term before an admitted one before a
     * deprecated one, then the oldest entry.
     */
    static TermIndex of(List<Entry> entries) {
        // In entry order, so that the same glossary always gives the same index.
        Map<String, GlossaryTerm> best = new LinkedHashMap<>();
        for (Entry entry : entries) {
            String preferred = preferred(entry, "zh");
            String english = preferred(entry, "en");
            for (Term term : entry.terms()) {
                String text = term.text().strip();
                if (!term.language().equals("zh") || text.isEmpty()) {
                    continue;
                }
                GlossaryTerm candidate = new GlossaryTerm(entry.id(), text, term.type(), term.usage(), term.note(),
                        preferred, english);
                best.merge(MatchText.of(text), candidate, (a, b) -> RECOMMENDED_FIRST.compare(a, b) <= 0 ? a : b);
            }
        }
        List<String> forms = new ArrayList<>(best.size());
        List<GlossaryTerm> terms = new ArrayList<>(best.size());
        Map<String, Integer> byForm = new HashMap<>();
        best.forEach((form, term) -> {
            byForm.put(form, terms.size());
            forms.add(form);
            terms.add(term);
        });
        return new TermIndex(TermAutomaton.of(forms), List.copyOf(terms), byForm);
    }

    private static final Comparator<GlossaryTerm> RECOMMENDED_FIRST = Comparator
            .<GlossaryTerm>comparingInt(t -> t.usage().ordinal()).thenComparingLong(GlossaryTerm::entryId);

    /** {@link Entry#preferred} without its streams: this runs for every entry of the glossary. */
    private static String preferred(Entry entry, String language) {
        String first = null;
        for (Term term : entry.terms()) {
            if (term.language().equals(language)) {
                if (term.usage() == UsageStatus.PREFERRED) {
                    return term.text();
                }
                if (first == null) {
                    first = term.text();
                }
            }
        }
        return first;
    }

    /** How many distinct Chinese terms the index holds. */
    int size() {
        return terms.size();
    }

    /** Whether a string (in its width-unified form) is a term of the index. */
    boolean contains(String unified) {
        return byForm.containsKey(unified);
    }

    /**
     * The terms in a text, leftmost-longest and without overlaps. A term that begins or ends with
     * a Latin letter or a digit must not continue a word or number of the text there (2030年议程
     * is not found in 12030年议程).
     *
     * @param unified the text after {@link MatchText#of}, as long as the text itself
     */
    List<Found> find(String unified) {
        List<TermAutomaton.Hit> hits = automaton.find(unified, (start, end) ->
                !(isWordChar(unified.charAt(start)) && start > 0 && isWordChar(unified.charAt(start - 1)))
                        && !(isWordChar(unified.charAt(end - 1)) && end < unified.length()
                        && isWordChar(unified.charAt(end))));
        List<Found> found = new ArrayList<>(hits.size());
        for (TermAutomaton.Hit hit : hits) {
            found.add(new Found(hit.start(), hit.end(), terms.get(hit.pattern())));
        }
        return found;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
