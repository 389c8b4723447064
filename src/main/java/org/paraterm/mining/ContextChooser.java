package org.paraterm.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.paraterm.corpus.Chars;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.Paragraph;
import org.paraterm.corpus.ParagraphKind;
import org.paraterm.corpus.Sentence;

/**
 * Chooses the example sentences a terminologist reads first, the way good dictionary examples are
 * chosen (GDEX, Kilgarriff et al. 2008): complete sentences of running text, of moderate length,
 * mostly Chinese words rather than symbols and numbers, the term not buried in a longer title, and
 * spread over different documents.
 *
 * <p>What makes a sentence good is measured once per sentence when the chooser is made; choosing
 * for a candidate then costs a few array reads per occurrence, and only the chosen sentences are
 * cut out of their documents.
 */
final class ContextChooser {

    static final int DEFAULT_COUNT = 5;
    private static final int SHORTEST_GOOD = 20;
    private static final int LONGEST_GOOD = 90;
    /** A term inside a longer 《…》 title illustrates that title more than itself. */
    private static final double INSIDE_TITLE = 0.6;

    private final List<CleanDocument> documents;
    /** Per document and sentence: its paragraph, where it starts and ends, and how good it is. */
    private final int[][] paragraphOf;
    private final int[][] start;
    private final int[][] end;
    private final double[][] quality;
    /** Per document: the offsets of 《 and of the matching 》, in text order. */
    private final int[][] titleOpens;
    private final int[][] titleCloses;
    /**
     * While choosing for one candidate: the best pick of each document met so far, and which
     * documents those are (reset after each candidate). Not for use by two threads at once.
     */
    private final Pick[] bestOfDocument;
    private final int[] usedDocuments;
    private int documentsUsed;

    ContextChooser(List<CleanDocument> documents) {
        this.documents = documents;
        int n = documents.size();
        paragraphOf = new int[n][];
        start = new int[n][];
        end = new int[n][];
        quality = new double[n][];
        titleOpens = new int[n][];
        titleCloses = new int[n][];
        bestOfDocument = new Pick[n];
        usedDocuments = new int[n];
        for (int d = 0; d < n; d++) {
            measure(d, documents.get(d));
        }
    }

    private void measure(int d, CleanDocument document) {
        int sentences = 0;
        for (Paragraph paragraph : document.paragraphs()) {
            sentences += paragraph.sentences().size();
        }
        paragraphOf[d] = new int[sentences];
        start[d] = new int[sentences];
        end[d] = new int[sentences];
        quality[d] = new double[sentences];
        String text = document.text();
        for (Paragraph paragraph : document.paragraphs()) {
            for (Sentence sentence : paragraph.sentences()) {
                int s = sentence.index();
                paragraphOf[d][s] = paragraph.index();
                start[d][s] = sentence.span().start();
                end[d][s] = sentence.span().end();
                quality[d][s] = quality(text, sentence.span().start(), sentence.span().end(), paragraph.kind());
            }
        }
        List<int[]> titles = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '《') {
                open = i;
            } else if (c == '》' && open >= 0) {
                titles.add(new int[] {open, i});
                open = -1;
            }
        }
        titleOpens[d] = titles.stream().mapToInt(t -> t[0]).toArray();
        titleCloses[d] = titles.stream().mapToInt(t -> t[1]).toArray();
    }

    /** Up to {@code count} contexts: the best sentence of each document, best first, then the next best. */
    List<Context> best(Candidate candidate, int count) {
        int length = candidate.term().length();
        Occurrences occurrences = Occurrences.of(candidate.occurrences());
        Best top = new Best(count * 3);
        int previousDocument = -1;
        int previousSentence = -1;
        Pick previous = null;
        for (int k = 0; k < occurrences.size(); k++) {
            int d = occurrences.document(k);
            int s = occurrences.sentence(k);
            int offset = occurrences.offset(k);
            double q = quality[d][s] * titleFactor(d, offset, length);
            if (d == previousDocument && s == previousSentence) {
                // Another occurrence in the same sentence: keep the sentence once, at its better place.
                if (q > previous.quality) {
                    previous.quality = q;
                    previous.offset = offset;
                }
                continue;
            }
            previousDocument = d;
            previousSentence = s;
            previous = new Pick(d, s, offset, q);
            // The best sentence of each document, as it looked when it was met (an earlier one on ties).
            Pick ofDocument = bestOfDocument[d];
            if (ofDocument == null) {
                bestOfDocument[d] = previous;
                usedDocuments[documentsUsed++] = d;
            } else if (previous.quality > ofDocument.quality) {
                bestOfDocument[d] = previous;
            }
            top.offer(previous);
        }
        List<Pick> ordered = new ArrayList<>(documentsUsed + count * 3);
        for (int i = 0; i < documentsUsed; i++) {
            ordered.add(bestOfDocument[usedDocuments[i]]);
            bestOfDocument[usedDocuments[i]] = null;
        }
        documentsUsed = 0;
        ordered.sort(Pick.ORDER);
        ordered.addAll(top.sorted());
        List<Context> chosen = new ArrayList<>(count);
        Set<String> texts = new HashSet<>();
        for (Pick pick : ordered) {
            if (chosen.size() == count) {
                break;
            }
            String text = documents.get(pick.document).text().substring(start[pick.document][pick.sentence],
                    end[pick.document][pick.sentence]);
            // The same sentence in two documents (a draft and its resolution) is shown once.
            if (texts.add(text)) {
                chosen.add(new Context(pick.document, paragraphOf[pick.document][pick.sentence], pick.sentence,
                        start[pick.document][pick.sentence], text, pick.offset - start[pick.document][pick.sentence]));
            }
        }
        return chosen;
    }

    /** One sentence as an example, with the occurrence of the term that shows it best. */
    private static final class Pick {
        /** Best first: higher quality, then earlier document and sentence. */
        static final Comparator<Pick> ORDER = Pick::compare;

        static int compare(Pick a, Pick b) {
            int byQuality = Double.compare(-a.quality, -b.quality);
            if (byQuality != 0) {
                return byQuality;
            }
            int byDocument = Integer.compare(a.document, b.document);
            return byDocument != 0 ? byDocument : Integer.compare(a.sentence, b.sentence);
        }

        final int document;
        final int sentence;
        int offset;
        double quality;

        Pick(int document, int sentence, int offset, double quality) {
            this.document = document;
            this.sentence = sentence;
            this.offset = offset;
            this.quality = quality;
        }
    }

    /** The best few picks seen so far, in no order; the worst of them known, so most offers cost one comparison. */
    private static final class Best {
        private final Pick[] picks;
        private int size;
        private int worst;

        Best(int capacity) {
            picks = new Pick[capacity];
        }

        void offer(Pick pick) {
            if (size < picks.length) {
                picks[size++] = pick;
                if (size == picks.length) {
                    findWorst();
                }
            } else if (Pick.compare(pick, picks[worst]) < 0) {
                picks[worst] = pick;
                findWorst();
            }
        }

        private void findWorst() {
            worst = 0;
            for (int i = 1; i < size; i++) {
                if (Pick.compare(picks[i], picks[worst]) > 0) {
                    worst = i;
                }
            }
        }

        List<Pick> sorted() {
            Pick[] copy = Arrays.copyOf(picks, size);
            Arrays.sort(copy, Pick.ORDER);
            return Arrays.asList(copy);
        }
    }

    /** 1, or less when the term sits inside a longer 《…》 title (not when it is the whole title). */
    private double titleFactor(int d, int offset, int length) {
        int[] opens = titleOpens[d];
        int i = Arrays.binarySearch(opens, offset);
        int before = i >= 0 ? i - 1 : -i - 2;
        if (before < 0) {
            return 1;
        }
        int open = opens[before];
        int close = titleCloses[d][before];
        boolean inside = close >= offset + length;
        boolean whole = open == offset - 1 && close == offset + length;
        return inside && !whole ? INSIDE_TITLE : 1;
    }

    /** How good a sentence is as an example, whatever the term: 1 for an ideal one. */
    static double quality(String text, int from, int to, ParagraphKind kind) {
        double quality = 1;
        int length = to - from;
        if (length < SHORTEST_GOOD) {
            quality *= 0.3 + 0.7 * length / SHORTEST_GOOD;
        } else if (length > LONGEST_GOOD) {
            quality *= Math.max(0.2, (double) LONGEST_GOOD / length);
        }
        char last = length == 0 ? ' ' : text.charAt(to - 1);
        // A preambular paragraph of a resolution is one complete clause ending in a comma.
        boolean complete = "。；！？;!?".indexOf(last) >= 0
                || kind == ParagraphKind.PREAMBULAR && (last == '，' || last == ',');
        if (!complete) {
            quality *= 0.5;
        }
        if (kind == ParagraphKind.FRONT || kind == ParagraphKind.TITLE || kind == ParagraphKind.HEADING
                || kind == ParagraphKind.CLOSING) {
            quality *= 0.3;
        }
        int han = 0;
        for (int i = from; i < to; i++) {
            if (Chars.isHan(text.charAt(i))) {
                han++;
            }
        }
        return quality * (0.4 + 0.6 * Math.min(1.0, han / (0.8 * Math.max(1, length))));
    }
}
