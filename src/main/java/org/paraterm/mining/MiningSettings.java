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

    /** The name of the settings file in a data folder, read by {@code serve}, {@code ingest} and web uploads alike. */
    public static final String FILE_NAME = "mining.properties";

    /**
     * The settings in effect for a data folder: defaults, then {@code file} if given, else the
     * folder's {@value #FILE_NAME} if there is one, then {@code minFreq} if it is above 0. Every
     * command and the server's own re-mining after an upload take them from here, so that all of
     * them rank alike.
     *
     * @param data    the data folder, or null when there is none
     * @param file    a settings file named explicitly ({@code --settings}), or null
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and the key when a value is not valid,
     *     or the file when it does not exist
     */
    public static MiningSettings forDataFolder(java.nio.file.Path data, java.nio.file.Path file, int minFreq)
            throws java.io.IOException {
        java.nio.file.Path chosen = file;
        if (chosen == null && data != null && java.nio.file.Files.isRegularFile(data.resolve(FILE_NAME))) {
            chosen = data.resolve(FILE_NAME);
        }
        MiningSettings settings = defaults();
        if (chosen != null) {
            if (!java.nio.file.Files.isRegularFile(chosen)) {
                throw new IllegalArgumentException("no settings file " + chosen);
            }
            Properties properties = new Properties();
            try (java.io.Reader reader = java.nio.file.Files.newBufferedReader(chosen,
                    java.nio.charset.StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            try {
                settings = from(properties);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(chosen + ": " + e.getMessage(), e);
            }
        }
        return minFreq > 0 ? settings.withMinFreq(minFreq) : settings;
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
