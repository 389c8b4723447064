package org.paraterm.cli;

import java.io.PrintStream;
import org.paraterm.corpus.CorpusLoader;

/**
 * A one-line progress bar on the terminal, redrawn in place; elsewhere (a log, a pipe) one plain
 * line per file, so that a log shows how far a killed ingest got.
 */
final class ProgressBar implements CorpusLoader.Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void done(int finished, int total, CorpusLoader.FileResult result) {
        String name = result.file().getFileName().toString();
        if (!terminal) {
            out.println(finished + "/" + total + " " + name);
            return;
        }
        int filled = total == 0 ? WIDTH : finished * WIDTH / total;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + finished + "/" + total + " "
                + (name.length() > 40 ? name.substring(0, 40) : name) + "\u001B[K");
        out.flush();
    }

    void finish() {
        if (terminal) {
            out.println();
        }
    }
}
