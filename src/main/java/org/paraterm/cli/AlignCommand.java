package org.paraterm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paraterm.TableFile;
import org.paraterm.corpus.TextDecoder;
import org.paraterm.corpus.UnreadableDocumentException;
import org.paraterm.english.LanguageGuard;
import org.paraterm.english.LanguageMismatchException;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.Tbx;
import org.paraterm.parallel.AlignmentDictionary;
import org.paraterm.parallel.DocumentPairAligner;
import org.paraterm.parallel.ParallelUnit;

/**
 * {@code align --zh FILE --en FILE --out FILE.tsv [--dict FILE.tsv|none]}: aligns a Chinese
 * document with its English version (both as plain text, PDF extracts welcome) and writes one
 * aligned unit per line, {@code zh<TAB>en}, in document order; a sentence without translation has
 * an empty column ({@link TableFile#TSV}: spreadsheet-safe). No database is needed.
 *
 * <p>The dictionary of term pairs that helps the alignment is the starter glossary
 * (glossary/starter.tbx, from the working folder or the jar) unless {@code --dict} names a TSV
 * file of {@code zh<TAB>en} lines, or {@code none}.
 */
final class AlignCommand {

    private AlignCommand() {
    }

    static int run(Options options, PrintStream out, PrintStream err) throws IOException, Options.UsageException {
        if (options.zh() == null || options.en() == null || options.out() == null || !options.arguments().isEmpty()) {
            throw new Options.UsageException("align needs --zh FILE --en FILE --out FILE.tsv");
        }
        for (Path file : List.of(options.zh(), options.en())) {
            if (!Files.isRegularFile(file)) {
                err.println("paraterm: " + file + ": no such file");
                return 1;
            }
        }
        byte[] zhBytes = Files.readAllBytes(options.zh());
        byte[] enBytes = Files.readAllBytes(options.en());
        String zhName = options.zh().getFileName().toString();
        String enName = options.en().getFileName().toString();
        List<ParallelUnit> units;
        AlignmentDictionary dictionary;
        try {
            LanguageGuard guard = LanguageGuard.shared();
            guard.check("zh", TextDecoder.decode(zhName, zhBytes), zhName);
            guard.check("en", TextDecoder.decode(enName, enBytes), enName);
            dictionary = dictionary(options.dict());
            units = new DocumentPairAligner().align(zhName, zhName, zhBytes, enName, enBytes, dictionary);
        } catch (UnreadableDocumentException | LanguageMismatchException | DictionaryException e) {
            err.println("paraterm: " + e.getMessage());
            return 1;
        }
        write(units, options.out());
        long sure = units.stream().filter(ParallelUnit::confidentOneToOne).count();
        out.printf("%d units written to %s (%d Chinese and %d English sentences; %d sure one-to-one;"
                        + " dictionary of %d terms)%n", units.size(), options.out(),
                units.stream().mapToInt(ParallelUnit::zhSentences).sum(),
                units.stream().mapToInt(ParallelUnit::enSentences).sum(), sure, dictionary.size());
        return 0;
    }

    /** The TSV, written beside its name and moved into place when complete. */
    private static void write(List<ParallelUnit> units, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (ParallelUnit unit : units) {
                writer.write(TableFile.TSV.row(cell(unit.zh()), cell(unit.en())));
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String cell(String text) {
        return text.replaceAll("[\\t\\r\\n\\u2028\\u2029]+", " ").strip();
    }

    /** A dictionary file that cannot be used: names the file and the line. */
    static final class DictionaryException extends Exception {
        DictionaryException(String message) {
            super(message);
        }
    }

    static AlignmentDictionary dictionary(Path file) throws IOException, DictionaryException {
        if (file == null) {
            return starterGlossary();
        }
        if (file.toString().equals("none")) {
            return AlignmentDictionary.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new DictionaryException(file + ": no such file");
        }
        List<String> lines;
        try {
            lines = TextDecoder.decode(file.getFileName().toString(), Files.readAllBytes(file)).lines().toList();
        } catch (UnreadableDocumentException e) {
            throw new DictionaryException(e.getMessage());
        }
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = lines.get(i).split("\t", -1);
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                throw new DictionaryException(file.getFileName() + ":" + (i + 1)
                        + ": expected a Chinese term, a tab and its English rendering");
            }
            pairs.computeIfAbsent(TableFile.original(fields[0]).strip(), t -> new ArrayList<>())
                    .add(TableFile.original(fields[1]).strip());
        }
        return AlignmentDictionary.of(pairs);
    }

    private static AlignmentDictionary starterGlossary() throws IOException, DictionaryException {
        Path onDisk = Path.of("glossary", "starter.tbx");
        try (InputStream in = Files.isRegularFile(onDisk) ? Files.newInputStream(onDisk)
                : AlignCommand.class.getResourceAsStream("/glossary/starter.tbx")) {
            if (in == null) {
                return AlignmentDictionary.empty();
            }
            return AlignmentDictionary.fromEntries(Tbx.read(in, "glossary/starter.tbx", EntryStatus.APPROVED, true));
        } catch (Tbx.TbxException e) {
            throw new DictionaryException(e.getMessage());
        }
    }
}
