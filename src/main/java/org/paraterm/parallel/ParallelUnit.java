package org.paraterm.parallel;

/**
 * One aligned unit of a parallel corpus: Chinese text and its English translation, with the number
 * of sentences on each side that the alignment joined (1–1 for the line pairs of the UN Parallel
 * Corpus and for translation-memory units) and how sure the aligner is of the link.
 *
 * @param zh          the Chinese side
 * @param en          the English side
 * @param document    the document symbol or name the unit comes from ("" when unknown)
 * @param zhSentences how many Chinese sentences the unit joins (0 for a dropped English sentence)
 * @param enSentences how many English sentences the unit joins (0 for a dropped Chinese sentence)
 * @param confidence  the aligner's confidence in the link, from 0 to 1 (1 for given alignments)
 */
public record ParallelUnit(String zh, String en, String document, int zhSentences, int enSentences,
                           double confidence) {

    /** Confidence below which an aligned unit is not counted as evidence for a rendering. */
    public static final double CONFIDENT = 0.5;

    /** A unit whose alignment was given by its source (line pairs, translation memories). */
    public static ParallelUnit given(String zh, String en, String document) {
        return new ParallelUnit(zh, en, document, 1, 1, 1.0);
    }

    /** One sentence on each side and a sure link: the only units counted as rendering evidence. */
    public boolean confidentOneToOne() {
        return zhSentences == 1 && enSentences == 1 && confidence >= CONFIDENT;
    }
}
