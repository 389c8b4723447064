package org.paraterm.parallel;

import java.time.Instant;

/**
 * One imported parallel source as stored.
 *
 * @param name     the source's name: the path of a line pair's or document pair's common stem, or a
 *                 TMX file's path, relative to the folder it was loaded from ({@code unpc-dev} for
 *                 the bundled development set)
 * @param format   {@link #LINES}, {@link #TMX} or {@link #DOCUMENTS}
 * @param sha256   the SHA-256 of the source's files, which decides whether a new load changes it
 * @param units    how many aligned units it holds
 * @param loadedAt when it was last loaded or replaced
 */
public record ParallelSource(String name, String format, String sha256, int units, Instant loadedAt) {

    public static final String LINES = "lines";
    public static final String TMX = "tmx";
    public static final String DOCUMENTS = "documents";
}
