package org.paraterm.parallel;

/**
 * Gale and Church's length model (1993, "A program for aligning sentences in bilingual corpora",
 * Computational Linguistics 19(1)) for Chinese against English: a Chinese text of {@code zh}
 * characters is translated by about {@code ratio × zh} English characters, with a variance of
 * {@code variance × zh}; whitespace is not counted on either side.
 *
 * <p>The figures are measured on the 4,000 line pairs of the UNPC v1.0 development set (bundled in
 * glossary/corpus/parallel/unpc-dev): 3.19 English characters per Chinese character (the median
 * ratio per pair is 3.24), variance 20.9 per Chinese character. The standardised differences have
 * tails somewhat heavier than a normal's (0.75% beyond 3 deviations instead of 0.27%), which the
 * cost floor below absorbs; docs/07-alignment.md has the numbers.
 */
record LengthModel(double ratio, double variance) {

    static final LengthModel UN_CHINESE_ENGLISH = new LengthModel(3.19, 20.9);

    /** Highest cost a length difference can add: keeps one freak pair from outweighing anchors. */
    private static final double MAX_COST = 30;

    /**
     * −log of the probability of a length difference at least as large as that between {@code zh}
     * Chinese and {@code en} English characters, under the model (two-sided normal tail).
     */
    double cost(int zh, int en) {
        if (zh == 0 && en == 0) {
            return 0;
        }
        double mean = (zh + en / ratio) / 2;
        double delta = (en - ratio * zh) / Math.sqrt(variance * Math.max(mean, 1));
        return Math.min(MAX_COST, -logTwoSidedTail(Math.abs(delta)));
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
