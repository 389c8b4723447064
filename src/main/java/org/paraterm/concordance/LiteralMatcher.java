package org.paraterm.concordance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Every place a literal string occurs in a unit, overlapping ones included, from the postings of
 * its characters: the bigrams at even offsets and the last one (a string of one character uses
 * the unigram field), plus the word edges a Latin string needs. A place is a hit when every one of
 * those terms sits at its offset from the start: the bigrams then cover each character, so the
 * match is exact without looking at the text.
 */
final class LiteralMatcher {

    /** One term of the literal, and how far from the literal's start it must be. */
    private record Required(String field, String term, int offset) {
    }

    private final PostingsEnum[] postings;
    private final int[] offsets;
    private final int[][] positions;
    private final int[] counts;
    private final PostingsEnum lead;
    private final int length;
    private final IntList starts = new IntList(16);
    private int doc = -1;

    private LiteralMatcher(PostingsEnum[] postings, int[] offsets, int length) {
        this.postings = postings;
        this.offsets = offsets;
        this.length = length;
        this.positions = new int[postings.length][16];
        this.counts = new int[postings.length];
        PostingsEnum cheapest = postings[0];
        for (PostingsEnum p : postings) {
            if (p.cost() < cheapest.cost()) {
                cheapest = p;
            }
        }
        this.lead = cheapest;
    }

    /** The matcher of a normalized literal in a segment, or null when the segment cannot hold it. */
    static LiteralMatcher of(LeafReader reader, String literal) throws IOException {
        List<Required> required = required(literal);
        PostingsEnum[] postings = new PostingsEnum[required.size()];
        int[] offsets = new int[required.size()];
        for (int i = 0; i < required.size(); i++) {
            Required r = required.get(i);
            Terms terms = reader.terms(r.field());
            if (terms == null) {
                return null;
            }
            TermsEnum termsEnum = terms.iterator();
            if (!termsEnum.seekExact(new BytesRef(r.term()))) {
                return null;
            }
            postings[i] = termsEnum.postings(null, PostingsEnum.POSITIONS);
            offsets[i] = r.offset();
        }
        return new LiteralMatcher(postings, offsets, literal.length());
    }

    private static List<Required> required(String literal) {
        List<Required> required = new ArrayList<>();
        int n = literal.length();
        if (n == 1) {
            required.add(new Required(CorpusIndex.UNIGRAMS, Characters.unigram(literal.charAt(0)), 0));
        } else {
            int offset = 0;
            for (; offset + 2 <= n; offset += 2) {
                required.add(new Required(CorpusIndex.BIGRAMS,
                        Characters.bigram(literal.charAt(offset), literal.charAt(offset + 1)), offset));
            }
            if (offset < n) {
                required.add(new Required(CorpusIndex.BIGRAMS,
                        Characters.bigram(literal.charAt(n - 2), literal.charAt(n - 1)), n - 2));
            }
        }
        if (Characters.startsWord(literal, 0)) {
            required.add(new Required(CorpusIndex.UNIGRAMS, Characters.WORD_START, 0));
        }
        if (Characters.endsWord(literal, n - 1)) {
            required.add(new Required(CorpusIndex.UNIGRAMS, Characters.WORD_END, n - 1));
        }
        return required;
    }

    int length() {
        return length;
    }

    int docID() {
        return doc;
    }

    /** Moves to the next unit where the literal occurs; {@link #starts()} then lists where. */
    int nextDoc() throws IOException {
        return align(lead.nextDoc());
    }

    int advance(int target) throws IOException {
        if (target <= doc) {
            return doc;
        }
        return align(lead.advance(target));
    }

    private int align(int candidate) throws IOException {
        while (candidate != LeafMatcher.NO_MORE_DOCS) {
            int next = candidate;
            for (PostingsEnum p : postings) {
                if (p == lead) {
                    continue;
                }
                int at = p.docID() < candidate ? p.advance(candidate) : p.docID();
                if (at > next) {
                    next = at;
                }
            }
            if (next != candidate) {
                candidate = lead.advance(next);
                continue;
            }
            if (findStarts()) {
                doc = candidate;
                return doc;
            }
            candidate = lead.nextDoc();
        }
        doc = LeafMatcher.NO_MORE_DOCS;
        return doc;
    }

    /** Intersects the positions of all terms in the current unit; true if the literal occurs. */
    private boolean findStarts() throws IOException {
        starts.clear();
        for (int i = 0; i < postings.length; i++) {
            int freq = postings[i].freq();
            if (positions[i].length < freq) {
                positions[i] = new int[Math.max(freq, positions[i].length * 2)];
            }
            for (int k = 0; k < freq; k++) {
                positions[i][k] = postings[i].nextPosition();
            }
            counts[i] = freq;
        }
        int[] cursor = new int[postings.length];
        for (int k = 0; k < counts[0]; k++) {
            int start = positions[0][k] - offsets[0];
            if (start < 0) {
                continue;
            }
            boolean everywhere = true;
            for (int i = 1; i < postings.length && everywhere; i++) {
                int want = start + offsets[i];
                int c = cursor[i];
                while (c < counts[i] && positions[i][c] < want) {
                    c++;
                }
                cursor[i] = c;
                everywhere = c < counts[i] && positions[i][c] == want;
            }
            if (everywhere) {
                starts.add(start);
            }
        }
        return starts.size() > 0;
    }

    /** Where the literal starts in the current unit, overlapping occurrences included, in order. */
    IntList starts() {
        return starts;
    }

    @Override
    public String toString() {
        return "LiteralMatcher" + Arrays.toString(offsets);
    }
}
