package org.paraterm.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real excerpts of the bundled corpus, taken by line number so that every space the PDF tool left
 * (trailing spaces mark paragraph ends) reaches the reader exactly as in the file.
 */
final class Excerpts {

    static final Path CORPUS = Path.of("glossary", "corpus", "un-zh");
    static final String INTERPOL = "000_feb26cac1e66415a.txt";
    static final String DRAFT = "001_6ac443a3a27de7fa.txt";
    static final String RES_64_179 = "002_301916e16f1a9f54.txt";
    static final String ECOSOC = "003_084c51de261bf550.txt";
    static final String REPORT = "004_9d7d9abcfa7e8f17.txt";

    private Excerpts() {
    }

    /** Lines {@code from} to {@code to} (1-based, inclusive) of a corpus file. */
    static String lines(String file, int from, int to) {
        List<String> lines = allLines(file);
        return String.join("\n", lines.subList(from - 1, to)) + "\n";
    }

    static List<String> allLines(String file) {
        try {
            return Files.readAllLines(CORPUS.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(CORPUS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CleanDocument read(String file) throws UnreadableDocumentException {
        return new DocumentReader().read(file, bytes(file));
    }

    static CleanDocument readText(String text) throws UnreadableDocumentException {
        return new DocumentReader().read("excerpt.txt", text.getBytes(StandardCharsets.UTF_8));
    }
}
