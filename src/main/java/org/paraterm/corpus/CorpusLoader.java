package org.paraterm.corpus;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.paraterm.DatabaseFailure;
import org.paraterm.KillPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads a folder of documents into the store; one bad file never stops the rest. */
@Singleton
public class CorpusLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusLoader.class);

    /** What happened to one file: an outcome, or the reason it was refused. */
    public record FileResult(Path file, DocumentStore.Outcome outcome, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    /** Told after each file, for progress bars. */
    public interface Progress {
        void done(int finished, int total, FileResult result);
    }

    private final DocumentStore store;
    private final DocumentReader reader = new DocumentReader();

    public CorpusLoader(DocumentStore store) {
        this.store = store;
    }

    public List<FileResult> load(Path folder, Progress progress) throws IOException {
        List<Path> files = documents(folder);
        List<FileResult> results = new ArrayList<>(files.size());
        for (Path file : files) {
            FileResult result = loadOne(folder, file);
            results.add(result);
            progress.done(results.size(), files.size(), result);
            KillPoint.reach(KillPoint.DOCUMENT_LOADED);
        }
        return results;
    }

    /**
     * Every readable document under a folder, in name order, without a database; files the reader
     * refuses are reported to {@code refused} and skipped.
     */
    public static List<CleanDocument> readAll(Path folder, java.util.function.Consumer<UnreadableDocumentException> refused)
            throws IOException {
        DocumentReader reader = new DocumentReader();
        List<CleanDocument> documents = new ArrayList<>();
        for (Path file : documents(folder)) {
            try {
                documents.add(reader.read(file));
            } catch (UnreadableDocumentException e) {
                refused.accept(e);
            }
        }
        return documents;
    }

    /**
     * The Chinese text files under a folder, in name order: every {@code .txt} except the English
     * side of a document pair ({@code NAME.en.txt}), which goes to the parallel store only. The
     * Chinese side ({@code NAME.zh.txt}) is a Chinese document like any other and is loaded here too.
     */
    public static List<Path> documents(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".txt"))
                    .filter(p -> !p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".en.txt"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * One file read and stored, or refused with a sentence that names it. A database failure is
     * told by its reason, never by the driver's message (which carries the SQL statement); the
     * exception itself goes to the log.
     */
    private FileResult loadOne(Path folder, Path file) {
        String source = folder.relativize(file).toString().replace('\\', '/');
        if (source.length() > DocumentStore.SOURCE_LENGTH) {
            return new FileResult(file, null, DocumentStore.tooLongSource(source));
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            CleanDocument document = reader.read(source, bytes);
            return new FileResult(file, store.save(document, sha256(bytes), bytes.length), null);
        } catch (UnreadableDocumentException e) {
            return new FileResult(file, null, e.getMessage());
        } catch (SQLException e) {
            return new FileResult(file, null, source + ": not loaded, nothing of it was stored: "
                    + DatabaseFailure.explain("storing " + source, e));
        } catch (IOException e) {
            LOG.warn("reading {} failed", file, e);
            return new FileResult(file, null, source + ": the file cannot be read ("
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName())
                    + ")");
        } catch (RuntimeException e) {
            LOG.error("loading {} failed", source, e);
            return new FileResult(file, null, source + ": not loaded, nothing of it was stored: an unexpected error"
                    + " (the server log has the details)");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
