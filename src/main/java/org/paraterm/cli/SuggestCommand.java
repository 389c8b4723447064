package org.paraterm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paraterm.TableFile;
import org.paraterm.parallel.LinePairs;
import org.paraterm.parallel.ParallelFolder;
import org.paraterm.parallel.ParallelFormatException;
import org.paraterm.parallel.ParallelUnit;
import org.paraterm.parallel.TmxReader;
import org.paraterm.suggest.Rendering;
import org.paraterm.suggest.RenderingSuggester;

/**
 * {@code suggest --parallel DIR --terms FILE --out FILE.tsv}: English renderings of Chinese terms
 * from a parallel corpus, no database needed (docs/08-renderings.md). DIR is a folder of line pairs
 * ({@code NAME.zh} + {@code NAME.en}) and TMX files, or one such file. The terms file has one term a
 * line (a tab ends the term, so a two-column list can be given as it is; {@code #} starts a
 * comment). The output has a header, then up to three rows a term, best first.
 */
final class SuggestCommand {

    /** Rows written for each term. */
    static final int ROWS = 3;

    private SuggestCommand() {
    }

    static int run(Options options, PrintStream out, PrintStream err) throws IOException, Options.UsageException {
        if (options.parallel() == null || options.terms() == null || options.out() == null
                || !options.arguments().isEmpty()) {
            throw new Options.UsageException("suggest needs --parallel DIR, --terms FILE and --out FILE.tsv");
        }
        long started = System.nanoTime();
        List<ParallelUnit> units;
        try {
            units = read(options.parallel());
        } catch (ParallelFormatException e) {
            err.println("paraterm: " + e.getMessage());
            return 1;
        }
        if (units.isEmpty()) {
            err.println("paraterm: " + options.parallel() + ": no parallel text (NAME.zh + NAME.en, or .tmx) found");
            return 1;
        }
        List<String> terms = terms(options.terms());
        RenderingSuggester suggester = RenderingSuggester.build(units);
        Path file = options.out().toAbsolutePath();
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        int rendered = 0;
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            writer.write(TableFile.TSV.row("term", "en", "score", "pairs"));
            for (String term : terms) {
                List<Rendering> renderings = suggester.suggest(term, ROWS);
                if (renderings.isEmpty()) {
                    err.println("paraterm: no rendering for " + term + ": no English phrase shared by two of the "
                            + "units that hold it");
                    continue;
                }
                rendered++;
                for (Rendering rendering : renderings) {
                    writer.write(TableFile.TSV.row(term, rendering.english(),
                            String.format(Locale.ROOT, "%.3f", rendering.score()), String.valueOf(rendering.pairs())));
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.printf("%d of %d terms rendered from %d confident units, written to %s in %d ms%n", rendered, terms.size(),
                suggester.unitCount(), options.out(), (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    /** The units of a folder (line pairs and TMX files, in name order) or of one such file. */
    static List<ParallelUnit> read(Path parallel) throws IOException, ParallelFormatException {
        if (Files.isRegularFile(parallel)) {
            return parallel.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tmx")
                    ? TmxReader.read(parallel).units() : LinePairs.read(LinePairs.chineseFile(parallel));
        }
        if (!Files.isDirectory(parallel)) {
            throw new IOException(parallel + ": no such folder or file");
        }
        List<ParallelUnit> units = new ArrayList<>(ParallelFolder.read(parallel));
        List<Path> tmxFiles;
        try (var files = Files.walk(parallel)) {
            tmxFiles = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tmx"))
                    .sorted().toList();
        }
        for (Path tmx : tmxFiles) {
            units.addAll(TmxReader.read(tmx).units());
        }
        return units;
    }

    /**
     * The terms of a file: one a line, up to a tab (so a TSV paraterm wrote, its spreadsheet-safe
     * quote taken away); blank lines and {@code #} comments skipped.
     */
    static List<String> terms(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such terms file");
        }
        List<String> terms = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String term = line.replace("\uFEFF", "");
            int tab = term.indexOf('\t');
            term = TableFile.original(tab >= 0 ? term.substring(0, tab) : term).strip();
            if (!term.isEmpty() && !term.startsWith("#") && !terms.contains(term)) {
                terms.add(term);
            }
        }
        return terms;
    }
}
