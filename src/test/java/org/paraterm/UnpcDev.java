package org.paraterm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.paraterm.parallel.ParallelFolder;
import org.paraterm.parallel.ParallelFormatException;
import org.paraterm.parallel.ParallelUnit;

/** The bundled UN Parallel Corpus development set, read once per test run. */
public final class UnpcDev {

    public static final Path FOLDER = Path.of("glossary/corpus/parallel/unpc-dev");

    private static List<ParallelUnit> units;

    private UnpcDev() {
    }

    public static synchronized List<ParallelUnit> units() {
        if (units == null) {
            try {
                units = ParallelFolder.read(FOLDER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ParallelFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        return units;
    }

    public static String file(String name) {
        try {
            return Files.readString(FOLDER.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
