package org.paraterm.mining;

import java.util.Locale;
import java.util.Properties;

/**
 * What the miner counts and how it weighs the measures; docs/02-term-mining.md explains each.
 * The defaults are what the evaluation was run with; a terminology unit can change any of them in
 * a properties file ({@link #from(Properties)}).
 */
public record MiningSettings(int minFreq, double frequencyWeight, double spreadWeight,
                             double boundaryWeight, double cohesionWeight) {

    static final int MAX_LENGTH = 24;

    public MiningSettings {
        if (minFreq < 2) {
            throw new IllegalArgumentException("min-freq must be at least 2 (a candidate is a repeated string), not "
                    + minFreq);
        }
        for (double weight : new double[] {frequencyWeight, spreadWeight, boundaryWeight, cohesionWeight}) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("mining weights must be numbers of 0 or more, not " + weight);
            }
        }
    }

    public static MiningSettings defaults() {
        return new MiningSettings(2, 1.0, 1.0, 1.0, 0.5);
    }

    public MiningSettings withMinFreq(int minFreq) {
        return new MiningSettings(minFreq, frequencyWeight, spreadWeight, boundaryWeight, cohesionWeight);
    }

    /**
     * Settings from {@code mining.min-freq}, {@code mining.weight.frequency},
     * {@code mining.weight.spread}, {@code mining.weight.boundary} and {@code mining.weight.cohesion};
     * a missing key keeps its default.
     *
     * @throws IllegalArgumentException naming the key whose value is not a valid number
     */
    public static MiningSettings from(Properties properties) {
        MiningSettings d = defaults();
        return new MiningSettings(
                (int) number(properties, "mining.min-freq", d.minFreq()),
                number(properties, "mining.weight.frequency", d.frequencyWeight()),
                number(properties, "mining.weight.spread", d.spreadWeight()),
                number(properties, "mining.weight.boundary", d.boundaryWeight()),
                number(properties, "mining.weight.cohesion", d.cohesionWeight()));
    }

    private static double number(Properties properties, String key, double fallback) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (key.equals("mining.min-freq") && number != Math.rint(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: '%s' is not a %s", key, value.strip(),
                    key.equals("mining.min-freq") ? "whole number" : "number"));
        }
    }
}
