package org.paraterm.mining;

import java.util.ArrayList;
import java.util.List;
import org.paraterm.corpus.Chars;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.Sentence;

/** Cuts each sentence of each document into runs of Han characters. */
final class SegmentExtractor {

    private SegmentExtractor() {
    }

    static List<Segment> segments(List<CleanDocument> documents) {
        List<Segment> segments = new ArrayList<>();
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
                            segments.add(new Segment(d, sentence.index(), start, text.substring(start, i)));
                        }
                        start = -1;
                    }
                }
            }
        }
        return segments;
    }
}
