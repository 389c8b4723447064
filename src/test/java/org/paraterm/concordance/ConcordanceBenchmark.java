package org.paraterm.concordance;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.DocumentReader;
import org.paraterm.corpus.Footnote;
import org.paraterm.corpus.MatchText;
import org.paraterm.corpus.Paragraph;
import org.paraterm.mining.CorpusGrower;

/**
 * Concordance speed on a grown Chinese corpus (100 MB of UTF-8 by default, see
 * {@link CorpusGrower}) indexed on disk. Queries are strings drawn from the text itself, chosen so
 * that each band of hit counts, from 1 to 100,000, has the same number of them. For each query it
 * times, in this JVM and on the same text: the first page (50 lines in document order) with the
 * exact total; all hits sorted by right context and the first page of that; and, as the baseline,
 * a full scan of the text in memory (a {@code String.indexOf} loop over all units, joined by line
 * breaks) counting the same occurrences. Every query's total is checked against the scan's.
 *
 * <p>Run with {@code mvn -o -q -Pbench -DskipTests -Dbench.reader.skip -Dbench.mining.skip verify}
 * (a 1 GB heap); arguments: megabytes, the UNPC Chinese file, the seed folder.
 */
public final class ConcordanceBenchmark {

    private static final long SEED = 7;
    private static final int PER_BAND = 20;
    private static final int REPEATS = 5;
    private static final int[][] BANDS = {{1, 1}, {2, 9}, {10, 99}, {100, 999}, {1_000, 9_999}, {10_000, 100_000}};

    private ConcordanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double megabytes = args.length > 0 ? Double.parseDouble(args[0]) : 100;
        String unpc = args.length > 1 ? args[1] : "../shared/corpus/unpc-dev/UNv1.0.devset.zh";
        String seeds = args.length > 2 ? args[2] : "glossary/corpus/un-zh";
        System.out.printf("concordance on a grown corpus of %.0f MB, -Xmx%d MB, %d processors, %s %s%n", megabytes,
                Runtime.getRuntime().maxMemory() / 1_000_000, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
        CorpusGrower grower = CorpusGrower.trained(Path.of(unpc), Path.of(seeds));
        Path folder = Files.createTempDirectory("concordance-benchmark");
        try {
            run(grower, (long) (megabytes * 1_000_000), folder);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(CorpusGrower grower, long bytes, Path folder) throws Exception {
        long started = System.nanoTime();
        List<byte[]> files = grower.files(bytes, SEED);
        long grown = System.nanoTime();
        DocumentReader reader = new DocumentReader();
        StringBuilder all = new StringBuilder((int) (bytes / 3 + 1_000_000));
        long readNanos = 0;
        long indexNanos = 0;
        int units = 0;
        try (CorpusIndex index = CorpusIndex.open(FSDirectory.open(folder))) {
            for (int i = 0; i < files.size(); i++) {
                long t0 = System.nanoTime();
                CleanDocument document = reader.read(String.format("grown_%05d.txt", i), files.get(i));
                files.set(i, null);
                long t1 = System.nanoTime();
                index.add(i + 1, "grown" + i, document);
                indexNanos += System.nanoTime() - t1;
                readNanos += t1 - t0;
                for (Paragraph paragraph : document.paragraphs()) {
                    all.append(Characters.normalize(document.matchText().substring(paragraph.start(), paragraph.end())))
                            .append('\n');
                    units++;
                }
                for (Footnote footnote : document.footnotes()) {
                    all.append(Characters.normalize(MatchText.of(footnote.text()))).append('\n');
                    units++;
                }
            }
            long t2 = System.nanoTime();
            index.commit();
            indexNanos += System.nanoTime() - t2;
            String text = all.toString();
            all = null;
            long onDisk;
            try (Stream<Path> walk = Files.walk(folder)) {
                onDisk = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            int documents;
            int segments;
            try (CorpusIndex.View view = index.view()) {
                documents = view.documents().size();
                segments = view.searcher().getIndexReader().leaves().size();
            }
            System.out.printf("grown %d documents, %,d characters in %,d paragraphs and footnotes: growing %.1f s,"
                            + " reading %.1f s, indexing %.1f s (%.1f MB/s of UTF-8), index %,d MB in %d segments%n",
                    documents, text.length() - units, units, (grown - started) / 1e9, readNanos / 1e9,
                    indexNanos / 1e9, bytes / 1e6 / (indexNanos / 1e9), onDisk / 1_000_000, segments);
            measure(index, text);
        }
        System.out.printf("heap: at most %d MB used of %d MB%n", peakHeap() / 1_000_000,
                Runtime.getRuntime().maxMemory() / 1_000_000);
    }

    /** A query, its band and its total. */
    private record Probe(String text, int band, int hits) {
    }

    private static void measure(CorpusIndex index, String text) throws IOException {
        List<Probe> probes = choose(index, text);
        // Warm-up: every query through every path, so that measured runs see compiled code.
        for (int round = 0; round < 3; round++) {
            for (Probe probe : probes) {
                firstPage(index, probe.text());
                sortedByRight(index, probe.text());
                scan(text, probe.text());
            }
        }
        System.out.println("| hits | queries | first page + exact total p50 / p99 | sorted by right context p50 / p99"
                + " | full scan p50 / p99 | scan ÷ first page (p50) |");
        System.out.println("|---|---|---|---|---|---|");
        List<Long> allFirst = new ArrayList<>();
        List<Long> allSorted = new ArrayList<>();
        List<Long> allScan = new ArrayList<>();
        int slower = 0;
        int measured = 0;
        for (int band = 0; band < BANDS.length; band++) {
            List<Long> first = new ArrayList<>();
            List<Long> sorted = new ArrayList<>();
            List<Long> scans = new ArrayList<>();
            int count = 0;
            for (Probe probe : probes) {
                if (probe.band() != band) {
                    continue;
                }
                count++;
                for (int r = 0; r < REPEATS; r++) {
                    long t0 = System.nanoTime();
                    int total = firstPage(index, probe.text());
                    long t1 = System.nanoTime();
                    sortedByRight(index, probe.text());
                    long t2 = System.nanoTime();
                    int scanned = scan(text, probe.text());
                    long t3 = System.nanoTime();
                    if (total != scanned) {
                        throw new IllegalStateException(probe.text() + ": index " + total + ", scan " + scanned);
                    }
                    first.add(t1 - t0);
                    sorted.add(t2 - t1);
                    scans.add(t3 - t2);
                    measured++;
                    if (t1 - t0 > t3 - t2) {
                        slower++;
                    }
                }
            }
            allFirst.addAll(first);
            allSorted.addAll(sorted);
            allScan.addAll(scans);
            System.out.printf(Locale.ROOT, "| %,d–%,d | %d | %s / %s | %s / %s | %s / %s | %.0f× |%n", BANDS[band][0],
                    BANDS[band][1], count, ms(first, 50), ms(first, 99), ms(sorted, 50), ms(sorted, 99), ms(scans, 50),
                    ms(scans, 99), (double) percentile(scans, 50) / Math.max(1, percentile(first, 50)));
        }
        System.out.printf(Locale.ROOT, "| all | %d | %s / %s | %s / %s | %s / %s | %.0f× |%n", probes.size(),
                ms(allFirst, 50), ms(allFirst, 99), ms(allSorted, 50), ms(allSorted, 99), ms(allScan, 50),
                ms(allScan, 99), (double) percentile(allScan, 50) / Math.max(1, percentile(allFirst, 50)));
        System.out.printf("first page slower than the scan in %d of %d runs; slowest first page %s ms,"
                + " slowest sort %s ms%n", slower, measured, ms(allFirst, 100), ms(allSorted, 100));
    }

    /** Strings of the text, 1 to 10 characters, until every band holds {@link #PER_BAND}. */
    private static List<Probe> choose(CorpusIndex index, String text) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] filled = new int[BANDS.length];
        Set<String> seen = new HashSet<>();
        List<Probe> probes = new ArrayList<>();
        for (int attempt = 0; attempt < 200_000 && Arrays.stream(filled).anyMatch(f -> f < PER_BAND); attempt++) {
            int length = 1 + random.nextInt(10);
            int start = random.nextInt(text.length() - length);
            String candidate = text.substring(start, start + length);
            if (!seen.add(candidate) || !searchable(candidate)) {
                continue;
            }
            int hits = total(index, candidate);
            for (int band = 0; band < BANDS.length; band++) {
                if (hits >= BANDS[band][0] && hits <= BANDS[band][1] && filled[band] < PER_BAND) {
                    filled[band]++;
                    probes.add(new Probe(candidate, band, hits));
                }
            }
        }
        return probes;
    }

    /** A string the query syntax reads literally and the scan counts the same way (no Latin words). */
    private static boolean searchable(String candidate) {
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (Character.isWhitespace(c) || "|*\"".indexOf(c) >= 0 || Characters.isWordCharacter(c)) {
                return false;
            }
        }
        return !candidate.startsWith("-");
    }

    private static int total(CorpusIndex index, String query) throws IOException {
        try (CorpusIndex.View view = index.view()) {
            return HitList.find(view, ConcordanceQuery.parse(query), ConcordanceFilter.ALL).total();
        }
    }

    private static int firstPage(CorpusIndex index, String query) throws IOException {
        try (CorpusIndex.View view = index.view()) {
            HitList hits = HitList.find(view, ConcordanceQuery.parse(query), ConcordanceFilter.ALL);
            List<KwicLine> page = hits.lines(hits.sorted(ConcordanceSort.DOC), 0, 50, 30);
            return page.isEmpty() ? 0 : hits.total();
        }
    }

    private static int sortedByRight(CorpusIndex index, String query) throws IOException {
        try (CorpusIndex.View view = index.view()) {
            HitList hits = HitList.find(view, ConcordanceQuery.parse(query), ConcordanceFilter.ALL);
            return hits.lines(hits.sorted(ConcordanceSort.RIGHT), 0, 50, 30).size();
        }
    }

    private static int scan(String text, String term) {
        int count = 0;
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length())) {
            count++;
        }
        return count;
    }

    private static long percentile(List<Long> nanos, int percentile) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(List<Long> nanos, int percentile) {
        return String.format(Locale.ROOT, "%.1f", percentile(nanos, percentile) / 1e6);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
