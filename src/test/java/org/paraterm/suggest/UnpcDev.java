package org.paraterm.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.paraterm.parallel.ParallelFolder;
import org.paraterm.parallel.ParallelFormatException;
import org.paraterm.parallel.ParallelUnit;

/** The bundled UN Parallel Corpus development set and one suggester over it, built once per test run. */
final class UnpcDev {

    static final Path FOLDER = Path.of("glossary/corpus/parallel/unpc-dev");

    private static List<ParallelUnit> units;
    private static RenderingSuggester suggester;

    private UnpcDev() {
    }

    static synchronized List<ParallelUnit> units() {
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

    static synchronized RenderingSuggester suggester() {
        if (suggester == null) {
            suggester = RenderingSuggester.build(units());
        }
        return suggester;
    }
}
