package org.paraterm.check;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.paraterm.corpus.Chars;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.Paragraph;
import org.paraterm.corpus.ParagraphKind;
import org.paraterm.corpus.Sentence;
import org.paraterm.corpus.Span;
import org.paraterm.mining.Candidate;
import org.paraterm.mining.MiningSettings;
import org.paraterm.mining.Occurrence;
import org.paraterm.mining.TermMiner;

/**
 * Possible new terms of a checked text: the corpus miner ({@link TermMiner}) run on the text alone
 * finds its repeated Han strings with free boundaries on both sides and clean grammatical edges
 * (no 的, 和, 在 at either end), ranked by its termhood score. A string the glossary already has is
 * left out, and so is every occurrence inside a glossary term found in the text: 恐怖主义作战人员
 * repeated only as part of 外国恐怖主义作战人员 is a fragment, not a new term.
 */
final class NewTermFinder {

    /** A string must occur at least this often outside the glossary terms. */
    static final int MIN_FREQUENCY = 2;
    /**
     * Two characters are mostly ordinary words (联合, 加强, 包括): a two-character string is offered
     * only when it recurs more often than a longer one must, as the miner ranks them low for the same reason.
     */
    static final int MIN_FREQUENCY_OF_TWO = 3;

    private final int limit;
    private final int maxChars;

    /**
     * @param limit    how many suggestions at most, best first
     * @param maxChars only the text's first characters are mined: mining costs several times more
     *                 than matching, and a long text's repeated terms show within its first part
     */
    NewTermFinder(int limit, int maxChars) {
        this.limit = limit;
        this.maxChars = maxChars;
    }

    List<CheckResult.Candidate> find(String text, String unified, BitSet covered, TermIndex index) {
        int length = Math.min(text.length(), maxChars);
        if (limit == 0 || hanCount(unified, length) < 2 * MIN_FREQUENCY) {
            return List.of();
        }
        CleanDocument document = asDocument(text.substring(0, length), unified.substring(0, length));
        List<Candidate> mined = new TermMiner(MiningSettings.defaults().withMinFreq(MIN_FREQUENCY))
                .mine(List.of(document));
        List<CheckResult.Candidate> found = new ArrayList<>();
        for (Candidate candidate : mined) {
            if (found.size() == limit) {
                break;
            }
            if (index.contains(candidate.term())) {
                continue;
            }
            int outside = 0;
            int first = -1;
            for (Occurrence occurrence : candidate.occurrences()) {
                int start = occurrence.offset();
                int inside = covered.nextSetBit(start);
                if (inside < 0 || inside >= start + candidate.term().length()) {
                    outside++;
                    first = first < 0 ? start : Math.min(first, start);
                }
            }
            if (outside >= (candidate.term().length() == 2 ? MIN_FREQUENCY_OF_TWO : MIN_FREQUENCY)) {
                found.add(new CheckResult.Candidate(text.substring(first, first + candidate.term().length()),
                        outside, first));
            }
        }
        return found;
    }

    /** The text as the miner reads documents: a paragraph and a sentence per line. */
    private static CleanDocument asDocument(String text, String unified) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                int index = paragraphs.size();
                paragraphs.add(new Paragraph(index, ParagraphKind.TEXT, null, start, text.substring(start, end),
                        List.of(new Sentence(index, new Span(start, end))), List.of()));
            }
            start = end + 1;
        }
        return new CleanDocument("checked text", "zh", null, null, null, null, null, text, unified, paragraphs,
                List.of(), List.of());
    }

    private static int hanCount(String text, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (Chars.isHan(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
