package org.paraterm.check;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.paraterm.corpus.MatchText;

/**
 * Checks a text against an index of glossary terms, as a list of steps: unify the text's widths,
 * find the terms (leftmost-longest, no overlaps), flag the ones not to be used, and look for
 * repeated strings that the glossary lacks.
 */
final class TextChecker {

    private final NewTermFinder newTerms;

    TextChecker(NewTermFinder newTerms) {
        this.newTerms = newTerms;
    }

    CheckResult check(String text, TermIndex index, Scope scope) {
        String unified = MatchText.of(text);
        List<TermIndex.Found> found = index.find(unified);
        List<CheckResult.Match> matches = new ArrayList<>(found.size());
        List<CheckResult.Flag> flags = new ArrayList<>();
        BitSet covered = new BitSet(text.length());
        for (TermIndex.Found f : found) {
            GlossaryTerm term = f.term();
            String matched = text.substring(f.start(), f.end());
            matches.add(new CheckResult.Match(f.start(), f.end(), matched, term.entryId(), term.preferred(),
                    term.english(), term.usage().label(), term.type().label()));
            if (term.flagged()) {
                flags.add(new CheckResult.Flag(f.start(), f.end(), matched, term.entryId(), term.preferred(),
                        term.english(), term.reason()));
            }
            covered.set(f.start(), f.end());
        }
        return new CheckResult(scope.label(), index.size(), matches, flags,
                newTerms.find(text, unified, covered, index));
    }
}
