package org.paraterm.mining;

import java.util.ArrayList;
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
 * mostly Chinese words rather than symbols and numbers, and spread over different documents.
 */
final class ContextChooser {

    static final int DEFAULT_COUNT = 5;
    private static final int SHORTEST_GOOD = 20;
    private static final int LONGEST_GOOD = 90;

    private final List<CleanDocument> documents;
    /** Per document: the paragraph of each sentence. */
    private final List<int[]> paragraphOfSentence = new ArrayList<>();

    ContextChooser(List<CleanDocument> documents) {
        this.documents = documents;
        for (CleanDocument document : documents) {
            int sentences = 0;
            for (Paragraph paragraph : document.paragraphs()) {
                sentences += paragraph.sentences().size();
            }
            int[] owners = new int[sentences];
            for (Paragraph paragraph : document.paragraphs()) {
                for (Sentence sentence : paragraph.sentences()) {
                    owners[sentence.index()] = paragraph.index();
                }
            }
            paragraphOfSentence.add(owners);
        }
    }

    /** Up to {@code count} contexts, best first, each from another document while there are others. */
    List<Context> best(Candidate candidate, int count) {
        record Scored(Context context, double quality) {
        }
        List<Scored> scored = new ArrayList<>();
        Set<String> seenSentences = new HashSet<>();
        for (Occurrence occurrence : candidate.occurrences()) {
            CleanDocument document = documents.get(occurrence.document());
            int paragraphIndex = paragraphOfSentence.get(occurrence.document())[occurrence.sentence()];
            Paragraph paragraph = document.paragraphs().get(paragraphIndex);
            Sentence sentence = sentenceOf(paragraph, occurrence.sentence());
            String text = document.text(sentence.span());
            if (!seenSentences.add(text)) {
                continue;
            }
            Context context = new Context(occurrence.document(), paragraphIndex, sentence.index(),
                    sentence.span().start(), text, occurrence.offset() - sentence.span().start());
            scored.add(new Scored(context, quality(text, paragraph.kind(), context.termStart(), candidate.term())));
        }
        scored.sort(Comparator.comparingDouble(Scored::quality).reversed()
                .thenComparingInt(s -> s.context().document())
                .thenComparingInt(s -> s.context().start()));
        List<Scored> chosen = new ArrayList<>(count);
        Set<Integer> documentsUsed = new HashSet<>();
        // First the best sentence of each document, best first, then the next best overall.
        for (Scored s : scored) {
            if (chosen.size() < count && documentsUsed.add(s.context().document())) {
                chosen.add(s);
            }
        }
        for (Scored s : scored) {
            if (chosen.size() < count && !chosen.contains(s)) {
                chosen.add(s);
            }
        }
        return chosen.stream().map(Scored::context).toList();
    }

    private static Sentence sentenceOf(Paragraph paragraph, int index) {
        for (Sentence sentence : paragraph.sentences()) {
            if (sentence.index() == index) {
                return sentence;
            }
        }
        throw new IllegalStateException("sentence " + index + " is not in paragraph " + paragraph.index());
    }

    /** Higher is better; 1 for an ideal example. */
    static double quality(String text, ParagraphKind kind, int termStart, String term) {
        double quality = 1;
        int length = text.length();
        if (length < SHORTEST_GOOD) {
            quality *= 0.3 + 0.7 * length / SHORTEST_GOOD;
        } else if (length > LONGEST_GOOD) {
            quality *= Math.max(0.2, (double) LONGEST_GOOD / length);
        }
        char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
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
        for (int i = 0; i < length; i++) {
            if (Chars.isHan(text.charAt(i))) {
                han++;
            }
        }
        quality *= 0.4 + 0.6 * Math.min(1.0, han / (0.8 * Math.max(1, length)));
        // A term inside a document title (《…》) of a longer name is a poor illustration of it.
        int open = text.lastIndexOf('《', termStart);
        if (open >= 0 && text.indexOf('》', open) > termStart + term.length() - 1
                && !(open == termStart - 1 && text.indexOf('》', open) == termStart + term.length())) {
            quality *= 0.6;
        }
        return quality;
    }
}
