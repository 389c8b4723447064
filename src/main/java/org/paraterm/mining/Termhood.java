package org.paraterm.mining;

/** The score that ranks candidates; docs/02-term-mining.md explains each factor. */
final class Termhood {

    private Termhood() {
    }

    static double score(MiningSettings settings, String term, int frequency, int documents, double boundary,
                        double cohesion) {
        return settings.frequencyWeight() * Math.log(1 + frequency) / Math.log(2)
                * Math.pow(documents, settings.spreadWeight() * 0.5)
                * Math.pow(boundary, settings.boundaryWeight())
                * Math.pow(Math.max(0.1, Math.min(cohesion, 12) / 12), settings.cohesionWeight())
                * lengthWeight(term.length())
                // "提出请求的会员国": a string with 的 inside is more often a phrase than a name.
                * (term.indexOf('的') > 0 ? 0.5 : 1.0);
    }

    /**
     * Two characters are mostly ordinary words (包括, 加强) and three often are; terms are mostly
     * compounds of four or more. Longer strings need their frequency less to be believed.
     */
    static double lengthWeight(int length) {
        return switch (length) {
            case 2 -> 0.05;
            case 3 -> 0.8;
            default -> Math.log(1 + length) / Math.log(5);
        };
    }

}
