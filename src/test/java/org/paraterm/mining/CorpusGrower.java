package org.paraterm.mining;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.DocumentReader;
import org.paraterm.corpus.Paragraph;
import org.paraterm.corpus.UnreadableDocumentException;

/**
 * Grows a Chinese corpus of any size that reads like UN prose without repeating it: a character
 * Markov model of order {@value #ORDER}, trained on the Chinese side of the UNPC development set
 * and the paragraphs of the bundled documents, writes new paragraphs (numbering, punctuation and
 * all) into documents of 20 to 100 KB, which the document reader then reads like any other file.
 * Each join of two training contexts makes strings no training text has, so new strings keep
 * appearing as the corpus grows, as they do in a real collection; repeating the seed documents
 * would add none and flatter any miner. The same seed gives the same corpus.
 *
 * <p>{@code java ... CorpusGrower OUT_FOLDER MEGABYTES} writes the documents as text files, for
 * the command line ({@code paraterm mine --corpus OUT_FOLDER}).
 */
public final class CorpusGrower {

    /** Characters of context: 3 keeps the phrasing of the training text and still mixes it freely. */
    static final int ORDER = 3;
    private static final char START = '\u0002';
    private static final char END = '\n';
    private static final int SMALLEST_DOCUMENT = 20_000;
    private static final int LARGEST_DOCUMENT = 100_000;

    /** Per context: the characters seen after it and their cumulative counts. */
    private final Map<Long, char[]> followers = new HashMap<>();
    private final Map<Long, int[]> cumulative = new HashMap<>();

    private CorpusGrower(List<String> paragraphs) {
        Map<Long, Map<Character, Integer>> counts = new HashMap<>();
        for (String paragraph : paragraphs) {
            long context = startContext();
            for (int i = 0; i <= paragraph.length(); i++) {
                char next = i < paragraph.length() ? paragraph.charAt(i) : END;
                counts.computeIfAbsent(context, k -> new HashMap<>()).merge(next, 1, Integer::sum);
                context = shift(context, next);
            }
        }
        counts.forEach((context, next) -> {
            char[] characters = new char[next.size()];
            int[] sums = new int[next.size()];
            int i = 0;
            int sum = 0;
            // Sorted, so that the model does not depend on hash order.
            for (Map.Entry<Character, Integer> entry : next.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                characters[i] = entry.getKey();
                sum += entry.getValue();
                sums[i++] = sum;
            }
            followers.put(context, characters);
            cumulative.put(context, sums);
        });
    }

    /** A model trained on the UNPC development set and the bundled documents. */
    public static CorpusGrower trained(Path unpcChinese, Path seedFolder) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        for (String line : Files.readAllLines(unpcChinese, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                paragraphs.add(line.strip());
            }
        }
        for (CleanDocument document : CorpusLoader.readAll(seedFolder, refused -> { })) {
            for (Paragraph paragraph : document.paragraphs()) {
                paragraphs.add(paragraph.text().strip());
            }
        }
        return new CorpusGrower(paragraphs);
    }

    /** Documents of generated text, as files would hold them, until {@code bytes} of UTF-8 text. */
    public List<byte[]> files(long bytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> files = new ArrayList<>();
        long total = 0;
        while (total < bytes) {
            int size = (int) Math.min(bytes - total,
                    SMALLEST_DOCUMENT + random.nextInt(LARGEST_DOCUMENT - SMALLEST_DOCUMENT));
            StringBuilder document = new StringBuilder();
            int written = 0;
            while (written < size) {
                String paragraph = paragraph(random);
                // One paragraph per line, a blank line between, as the text of a born-digital file.
                document.append(paragraph).append("\n\n");
                written += paragraph.getBytes(StandardCharsets.UTF_8).length + 2;
            }
            byte[] file = document.toString().getBytes(StandardCharsets.UTF_8);
            files.add(file);
            total += file.length;
        }
        return files;
    }

    /** The generated documents read by the document reader. */
    public List<CleanDocument> documents(long bytes, long seed) throws UnreadableDocumentException {
        DocumentReader reader = new DocumentReader();
        List<CleanDocument> documents = new ArrayList<>();
        int number = 0;
        for (byte[] file : files(bytes, seed)) {
            documents.add(reader.read(String.format("grown_%05d.txt", number++), file));
        }
        return documents;
    }

    private String paragraph(SplittableRandom random) {
        StringBuilder paragraph = new StringBuilder();
        long context = startContext();
        while (true) {
            char[] characters = followers.get(context);
            int[] sums = cumulative.get(context);
            int pick = random.nextInt(sums[sums.length - 1]);
            int index = Arrays.binarySearch(sums, pick + 1);
            char next = characters[index >= 0 ? index : -index - 1];
            if (next == END) {
                if (paragraph.length() > 0) {
                    return paragraph.toString();
                }
                context = startContext();
                continue;
            }
            paragraph.append(next);
            context = shift(context, next);
        }
    }

    private static long startContext() {
        long context = 0;
        for (int i = 0; i < ORDER; i++) {
            context = shift(context, START);
        }
        return context;
    }

    private static long shift(long context, char next) {
        return ((context << 16) | next) & ((1L << (16 * ORDER)) - 1);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        long bytes = (long) (Double.parseDouble(args[1]) * 1_000_000);
        CorpusGrower grower = trained(Path.of(args.length > 2 ? args[2] : "../shared/corpus/unpc-dev/UNv1.0.devset.zh"),
                Path.of(args.length > 3 ? args[3] : "glossary/corpus/un-zh"));
        Files.createDirectories(out);
        int number = 0;
        for (byte[] file : grower.files(bytes, 1)) {
            Files.write(out.resolve(String.format("grown_%05d.txt", number++)), file);
        }
        System.out.println(number + " documents written to " + out);
    }
}
