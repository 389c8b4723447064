package org.paraterm.mining;

/**
 * What the miner counts and how it weighs the measures; docs/02-term-mining.md explains each.
 */
public record MiningSettings(int minFreq, double frequencyWeight, double spreadWeight,
                             double boundaryWeight, double cohesionWeight) {

    static final int MAX_LENGTH = 24;

    public static MiningSettings defaults() {
        return new MiningSettings(2, 1.0, 1.0, 1.0, 0.5);
    }

    public MiningSettings withMinFreq(int minFreq) {
        return new MiningSettings(minFreq, frequencyWeight, spreadWeight, boundaryWeight, cohesionWeight);
    }
}
