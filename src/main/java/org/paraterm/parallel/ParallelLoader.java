package org.paraterm.parallel;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.paraterm.DatabaseFailure;
import org.paraterm.english.LanguageGuard;
import org.paraterm.english.LanguageMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads parallel text into the {@link ParallelStore}, one source at a time and each whole or not
 * at all: line-aligned pairs {@code NAME.zh} + {@code NAME.en} (+ {@code NAME.ids}), TMX files
 * {@code *.tmx}, and document pairs {@code NAME.zh.txt} + {@code NAME.en.txt}. Every source passes
 * the {@link LanguageGuard} on both sides before anything is stored, so swapped or mislabelled files
 * are refused with the file named. One refused source never stops the others.
 */
@Singleton
public class ParallelLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelLoader.class);

    /** What happened to one source: an outcome and its unit count, or why it was refused. */
    public record SourceResult(String source, String format, ParallelStore.Outcome outcome, int units,
                               int skipped, String refusal) {

        static SourceResult refused(String source, String format, String refusal) {
            return new SourceResult(source, format, null, 0, 0, refusal);
        }

        public boolean refused() {
            return refusal != null;
        }

        /** "loaded parallel UNv1.0.devset: 4000 units" or "refused parallel x.tmx:12: not well-formed XML: …". */
        public String describe() {
            if (refused()) {
                return "refused parallel " + refusal;
            }
            return outcome.name().toLowerCase(Locale.ROOT) + " parallel " + source + ": " + units + " units"
                    + (skipped > 0 ? " (" + skipped + " translation units without both zh and en skipped)" : "");
        }
    }

    private final ParallelStore store;
    private final DocumentPairReader documentPairs;

    public ParallelLoader(ParallelStore store, DocumentPairReader documentPairs) {
        this.store = store;
        this.documentPairs = documentPairs;
    }

    /** Every parallel source under {@code folder}, in name order; names are paths relative to it. */
    public List<SourceResult> load(Path folder) throws IOException {
        List<SourceResult> results = new ArrayList<>();
        for (Path file : files(folder)) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".tmx")) {
                results.add(loadTmx(relative, file));
            } else if (name.endsWith(".zh")) {
                results.add(loadLinePair(stem(relative, ".zh"), file));
            } else if (name.endsWith(".en") && !Files.exists(sibling(file, ".en", ".zh"))) {
                results.add(SourceResult.refused(stem(relative, ".en"), ParallelSource.LINES, name
                        + ": its Chinese side " + sibling(file, ".en", ".zh").getFileName() + " is missing"));
            } else if (lower.endsWith(".zh.txt") && Files.exists(sibling(file, ".zh.txt", ".en.txt"))) {
                results.add(loadDocumentPair(stem(relative, ".zh.txt"), file, sibling(file, ".zh.txt", ".en.txt")));
            } else if (lower.endsWith(".en.txt") && !Files.exists(sibling(file, ".en.txt", ".zh.txt"))) {
                results.add(SourceResult.refused(stem(relative, ".en.txt"), ParallelSource.DOCUMENTS, name
                        + ": an English document without its Chinese side "
                        + sibling(file, ".en.txt", ".zh.txt").getFileName()));
            }
        }
        return results;
    }

    /** A line-aligned pair, given its Chinese file; its {@code .en} and optional {@code .ids} beside it. */
    public SourceResult loadLinePair(String source, Path zhFile) {
        Path enFile = sibling(zhFile, ".zh", ".en");
        Path idsFile = sibling(zhFile, ".zh", ".ids");
        try {
            String hash = Files.isRegularFile(idsFile) ? sha256(zhFile, enFile, idsFile)
                    : Files.isRegularFile(enFile) ? sha256(zhFile, enFile) : sha256(zhFile);
            Optional<SourceResult> unchanged = unchanged(source, ParallelSource.LINES, hash);
            if (unchanged.isPresent()) {
                return unchanged.get();
            }
            List<ParallelUnit> units = LinePairs.read(zhFile);
            guard(units, zhFile.getFileName().toString(), enFile.getFileName().toString());
            return saved(source, ParallelSource.LINES, hash, units, 0);
        } catch (ParallelFormatException | LanguageMismatchException e) {
            return SourceResult.refused(source, ParallelSource.LINES, e.getMessage());
        } catch (Exception e) {
            return failed(source, ParallelSource.LINES, zhFile, e);
        }
    }

    /** A TMX 1.4b translation memory. */
    public SourceResult loadTmx(String source, Path file) {
        try {
            String hash = sha256(file);
            Optional<SourceResult> unchanged = unchanged(source, ParallelSource.TMX, hash);
            if (unchanged.isPresent()) {
                return unchanged.get();
            }
            TmxReader.Result tmx = TmxReader.read(file);
            String name = file.getFileName().toString();
            guard(tmx.units(), name + " (its Chinese segments)", name + " (its English segments)");
            return saved(source, ParallelSource.TMX, hash, tmx.units(), tmx.skipped());
        } catch (ParallelFormatException | LanguageMismatchException e) {
            return SourceResult.refused(source, ParallelSource.TMX, e.getMessage());
        } catch (Exception e) {
            return failed(source, ParallelSource.TMX, file, e);
        }
    }

    /** Two whole documents, the Chinese and the English version, which paraterm aligns itself. */
    public SourceResult loadDocumentPair(String source, Path zhFile, Path enFile) {
        try {
            String hash = sha256(zhFile, enFile);
            Optional<SourceResult> unchanged = unchanged(source, ParallelSource.DOCUMENTS, hash);
            if (unchanged.isPresent()) {
                return unchanged.get();
            }
            List<ParallelUnit> units = documentPairs.read(source, zhFile, enFile);
            return saved(source, ParallelSource.DOCUMENTS, hash, units, 0);
        } catch (ParallelFormatException | LanguageMismatchException e) {
            return SourceResult.refused(source, ParallelSource.DOCUMENTS, e.getMessage());
        } catch (Exception e) {
            return failed(source, ParallelSource.DOCUMENTS, zhFile, e);
        }
    }

    /**
     * Refuses units whose Chinese side does not read as Chinese or whose English side does not
     * read as English, naming the file (swapped files fail on both; the Chinese side is named).
     */
    static void guard(List<ParallelUnit> units, String zhSource, String enSource) throws LanguageMismatchException {
        LanguageGuard guard = LanguageGuard.shared();
        guard.check("zh", units.stream().map(ParallelUnit::zh).collect(Collectors.joining("\n")), zhSource);
        guard.check("en", units.stream().map(ParallelUnit::en).collect(Collectors.joining("\n")), enSource);
    }

    /**
     * The stored source, when its files are the ones already loaded: then they are neither read nor
     * checked again (a large corpus ingested a second time costs one hash per source).
     */
    private Optional<SourceResult> unchanged(String source, String format, String hash) throws java.sql.SQLException {
        return store.find(source).filter(stored -> stored.sha256().equals(hash) && stored.format().equals(format))
                .map(stored -> new SourceResult(source, format, ParallelStore.Outcome.UNCHANGED, stored.units(), 0, null));
    }

    private SourceResult saved(String source, String format, String hash, List<ParallelUnit> units, int skipped)
            throws java.sql.SQLException {
        return new SourceResult(source, format, store.save(source, format, hash, units), units.size(), skipped, null);
    }

    /**
     * An unexpected failure (disk, database): named, without a stack trace, SQL or other internals,
     * which go to the log; nothing was stored.
     */
    private static SourceResult failed(String source, String format, Path file, Exception e) {
        String reason;
        if (e instanceof java.sql.SQLException sql) {
            reason = "nothing of it was stored: " + DatabaseFailure.explain("storing parallel source " + source, sql);
        } else if (e instanceof IllegalArgumentException tooLong && source.length() > ParallelStore.NAME_LENGTH) {
            return SourceResult.refused(source, format, tooLong.getMessage());
        } else if (e instanceof IOException) {
            LOG.warn("reading {} failed", file, e);
            reason = "the file cannot be read (" + (e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied" : e.getClass().getSimpleName()) + ")";
        } else {
            LOG.error("loading parallel source {} failed", source, e);
            reason = "nothing of it was stored: an unexpected error (the server log has the details)";
        }
        return SourceResult.refused(source, format, file.getFileName() + ": " + reason);
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String stem(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }

    /** The file beside {@code file} whose name ends in {@code to} instead of {@code from}. */
    static Path sibling(Path file, String from, String to) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - from.length()) + to);
    }

    /** The SHA-256 of the files' bytes, one after the other, each preceded by its length. */
    static String sha256(Path... files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                digest.update(Long.toString(bytes.length).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
