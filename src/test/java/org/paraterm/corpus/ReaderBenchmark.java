package org.paraterm.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reader throughput on a large corpus, beside a baseline that only decodes and splits the same
 * bytes into lines (the least any reader must do), measured in the same run so that machine
 * noise affects both. Run with {@code mvn -Pbench verify}; figures go to docs/benchmarks.md.
 *
 * <p>Two corpora: many documents of ordinary size (the bundled five, each repeated as a separate
 * file would be), and one very long document made of their pages back to back, which would show
 * any cost that grows faster than the text.
 */
public final class ReaderBenchmark {

    private static final int WARMUP_ROUNDS = 30;
    private static final long TARGET_BYTES = 50L * 1024 * 1024;

    private ReaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "glossary/corpus/un-zh");
        List<byte[]> documents = new ArrayList<>();
        for (Path file : CorpusLoader.documents(folder)) {
            documents.add(Files.readAllBytes(file));
        }
        long corpusBytes = documents.stream().mapToLong(d -> d.length).sum();
        DocumentReader reader = new DocumentReader();

        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            readAll(reader, documents);
            baseline(documents);
        }
        int rounds = (int) Math.max(1, TARGET_BYTES / corpusBytes);
        double readerSeconds = 0;
        double baselineSeconds = 0;
        long checksum = 0;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            checksum += readAll(reader, documents);
            readerSeconds += (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            checksum += baseline(documents);
            baselineSeconds += (System.nanoTime() - start) / 1e9;
        }
        double megabytes = rounds * corpusBytes / 1e6;
        System.out.printf("documents: %d files x %d rounds = %.1f MB of extracted text%n", documents.size(), rounds,
                megabytes);
        System.out.printf("reader:    %.1f MB/s (%.2f s)%n", megabytes / readerSeconds, readerSeconds);
        System.out.printf("baseline:  %.1f MB/s (decode and split lines only, %.2f s)%n", megabytes / baselineSeconds,
                baselineSeconds);

        byte[] longDocument = longDocument(documents, 10L * 1024 * 1024);
        reader.read("long.txt", longDocument);
        long start = System.nanoTime();
        CleanDocument read = reader.read("long.txt", longDocument);
        double longSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("one long document: %.1f MB in %.2f s = %.1f MB/s (%d paragraphs, %d sentences)%n",
                longDocument.length / 1e6, longSeconds, longDocument.length / 1e6 / longSeconds,
                read.paragraphs().size(), read.sentences().size());
        System.out.println("(checksum " + checksum + ")");
    }

    private static long readAll(DocumentReader reader, List<byte[]> documents) throws UnreadableDocumentException {
        long characters = 0;
        for (byte[] document : documents) {
            characters += reader.read("bench.txt", document).text().length();
        }
        return characters;
    }

    private static long baseline(List<byte[]> documents) {
        long lines = 0;
        for (byte[] document : documents) {
            lines += new String(document, StandardCharsets.UTF_8).split("\n", -1).length;
        }
        return lines;
    }

    private static byte[] longDocument(List<byte[]> documents, long size) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (out.size() < size) {
            for (byte[] document : documents) {
                out.write(document);
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
