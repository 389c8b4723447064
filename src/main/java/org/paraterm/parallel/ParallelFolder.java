package org.paraterm.parallel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every parallel text under a folder, in file-name order. Today: line-aligned pairs
 * ({@code NAME.zh} + {@code NAME.en}, see {@link LinePairs}).
 */
public final class ParallelFolder {

    private ParallelFolder() {
    }

    /** All units of all parallel files under {@code folder}; the first bad file stops the read. */
    public static List<ParallelUnit> read(Path folder) throws IOException, ParallelFormatException {
        List<ParallelUnit> units = new ArrayList<>();
        for (Path zhFile : linePairFiles(folder)) {
            units.addAll(LinePairs.read(zhFile));
        }
        return units;
    }

    /** The Chinese files of the line-aligned pairs under {@code folder}, sorted. */
    public static List<Path> linePairFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".zh"))
                    .sorted()
                    .toList();
        }
    }
}
