package org.paraterm.parallel;

/**
 * Gale and Church's length model (1993, "A program for aligning sentences in bilingual corpora",
 * Computational Linguistics 19(1)) for Chinese against English: a Chinese text of {@code zh}
 * characters is translated by about {@code ratio × zh} English characters, with a variance of
 * {@code variance × zh}; whitespace is not counted on either side.
 *
 * <p>The figures are measured on the 4,000 line pairs of the UNPC v1.0 development set (bundled in
 * glossary/corpus/parallel/unpc-dev). Counting every visible character: 3.19 English characters per
 * Chinese character, variance 20.9 per Chinese character (relative variance 2.05). Counting Latin
 * letters and digits in the Chinese as 0.3 of a character: 3.35 and 15.0 (relative variance 1.34,
 * a third less), which is what the aligner uses. The standardised differences have tails somewhat
 * heavier than a normal's (0.6% beyond 3 deviations instead of 0.27%), which the cost cap below
 * absorbs; docs/10-alignment.md has the numbers.
 */
record LengthModel(double ratio, double variance) {

    static final LengthModel UN_CHINESE_ENGLISH = new LengthModel(3.35, 15.0);

    /**
     * What a Latin letter or digit counts for in Chinese text. Symbols, numbers and names are
     * written alike in both languages, so each such character stands for one English character,
     * about a third of a Chinese one; counting it as a whole character made a Chinese sentence full
     * of resolution numbers look three times too long.
     */
    static final double LATIN_IN_CHINESE = 0.3;

    /** Highest cost a length difference can add: keeps one freak pair from outweighing anchors. */
    private static final double MAX_COST = 30;

    /**
     * −log of the probability of a length difference at least as large as that between {@code zh}
     * Chinese and {@code en} English characters, under the model (two-sided normal tail).
     */
    double cost(double zh, int en) {
        if (zh == 0 && en == 0) {
            return 0;
        }
        double mean = (zh + en / ratio) / 2;
        double delta = (en - ratio * zh) / Math.sqrt(variance * Math.max(mean, 1));
        return Math.min(MAX_COST, -logTwoSidedTail(Math.abs(delta)));
    }

    /** The length of a Chinese text: visible characters, Latin letters and digits counting {@link #LATIN_IN_CHINESE}. */
    static double chineseLength(String text) {
        double length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0') {
                continue;
            }
            boolean latin = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A');
            length += latin ? LATIN_IN_CHINESE : 1;
        }
        return length;
    }

    /** The length of an English text: its characters other than whitespace. */
    static int englishLength(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0') {
                length++;
            }
        }
        return length;
    }

    /** log(2·(1 − Φ(x))) = log(erfc(x/√2)) for x ≥ 0. */
    static double logTwoSidedTail(double x) {
        double z = x / Math.sqrt(2);
        // erfc(z) = t·exp(−z² + poly(t)), Numerical Recipes' Chebyshev fit (relative error < 1.2e-7),
        // taken as a logarithm so that large differences do not underflow to log(0).
        double t = 1 / (1 + 0.5 * z);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return Math.log(t) - z * z + poly;
    }
}
