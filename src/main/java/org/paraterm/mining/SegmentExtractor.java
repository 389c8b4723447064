package org.paraterm.mining;

import java.util.Arrays;
import org.paraterm.corpus.Chars;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.Sentence;

/**
 * Cuts each sentence of each document into runs of Han characters and joins them into one text,
 * each run followed by {@link #SEPARATOR}. Candidates never cross a run's ends: a run holds no
 * punctuation, bracket, digit or Latin letter.
 */
final class SegmentExtractor {

    /** Follows every segment in the joined text; never part of a candidate. */
    static final char SEPARATOR = '\u0001';

    private SegmentExtractor() {
    }

    /**
     * The segments of a corpus as parallel arrays rather than one object per segment: a 50 MB
     * corpus has about two million of them.
     */
    static final class Segments {
        private char[] text = new char[1024];
        private int length;
        private int count;
        /** Per segment: its first position in the joined text, its document, sentence and offset there. */
        private int[] start = new int[256];
        private int[] document = new int[256];
        private int[] sentence = new int[256];
        private int[] offset = new int[256];
        /** The segment holding the first position of each block of 2^{@value #BLOCK_BITS} positions. */
        private int[] segmentOfBlock;
        private static final int BLOCK_BITS = 6;

        /** The joined text, every segment followed by a separator. */
        char[] text() {
            return text;
        }

        int length() {
            return length;
        }

        int count() {
            return count;
        }

        int document(int segment) {
            return document[segment];
        }

        /** The segment holding a position of the joined text. */
        int segmentAt(int position) {
            // From the segment of the block's first position, a few steps on: segments are short.
            int segment = segmentOfBlock[position >>> BLOCK_BITS];
            while (segment + 1 < count && start[segment + 1] <= position) {
                segment++;
            }
            return segment;
        }

        int sentence(int segment) {
            return sentence[segment];
        }

        /** The offset in its document of a position of the joined text inside a segment. */
        int offset(int segment, int position) {
            return offset[segment] + position - start[segment];
        }

        /** Segments already joined, as one document of one sentence: its runs between separators. */
        static Segments of(char[] joined) {
            Segments segments = new Segments();
            String text = new String(joined);
            int start = 0;
            for (int i = 0; i < joined.length; i++) {
                if (joined[i] == SEPARATOR) {
                    segments.add(0, 0, text, start, i);
                    start = i + 1;
                }
            }
            segments.trim();
            return segments;
        }

        private void add(int documentIndex, int sentenceIndex, String source, int from, int to) {
            if (count == start.length) {
                int grown = count * 2;
                start = Arrays.copyOf(start, grown);
                document = Arrays.copyOf(document, grown);
                sentence = Arrays.copyOf(sentence, grown);
                offset = Arrays.copyOf(offset, grown);
            }
            start[count] = length;
            document[count] = documentIndex;
            sentence[count] = sentenceIndex;
            offset[count] = from;
            count++;
            int needed = length + to - from + 1;
            if (needed > text.length) {
                text = Arrays.copyOf(text, Math.max(needed, text.length * 2));
            }
            source.getChars(from, to, text, length);
            length += to - from;
            text[length++] = SEPARATOR;
        }

        private void trim() {
            text = Arrays.copyOf(text, length);
            segmentOfBlock = new int[(length >>> BLOCK_BITS) + 1];
            int segment = 0;
            for (int block = 0; block < segmentOfBlock.length; block++) {
                int position = block << BLOCK_BITS;
                while (segment + 1 < count && start[segment + 1] <= position) {
                    segment++;
                }
                segmentOfBlock[block] = segment;
            }
        }
    }

    static Segments segments(java.util.List<CleanDocument> documents) {
        Segments segments = new Segments();
        for (int d = 0; d < documents.size(); d++) {
            CleanDocument document = documents.get(d);
            String text = document.matchText();
            for (Sentence sentence : document.sentences()) {
                int start = -1;
                for (int i = sentence.span().start(); i <= sentence.span().end(); i++) {
                    boolean han = i < sentence.span().end() && Chars.isHan(text.charAt(i));
                    if (han && start < 0) {
                        start = i;
                    } else if (!han && start >= 0) {
                        if (i - start >= 2) {
                            segments.add(d, sentence.index(), text, start, i);
                        }
                        start = -1;
                    }
                }
            }
        }
        segments.trim();
        return segments;
    }
}
