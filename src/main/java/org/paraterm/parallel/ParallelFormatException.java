package org.paraterm.parallel;

import java.nio.file.Path;

/** A parallel file that cannot be read as what it claims to be: names the file, the line and the problem. */
public class ParallelFormatException extends Exception {

    private final Path file;
    private final int line;

    /** @param line the 1-based line of the problem, or 0 when it concerns the whole file */
    public ParallelFormatException(Path file, int line, String problem) {
        super(file.getFileName() + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
