package org.paraterm.mining;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.paraterm.corpus.Chars;
import org.paraterm.corpus.CleanDocument;

/**
 * Term mining throughput and memory on grown corpora of 1, 10 and 50 MB of Chinese text (see
 * {@link CorpusGrower}), each size in a JVM of its own with a 2 GB heap so that one size's garbage
 * does not weigh on the next. Beside each figure, a baseline from the same JVM over the same text
 * (counting Han bigrams in a hash table, the least any statistical miner must do) shows how much
 * of a change in figures is the machine. Run with {@code mvn -o -q -Pbench -DskipTests
 * -Dbench.reader.skip verify}; figures go to docs/benchmarks.md.
 *
 * <p>Arguments: the sizes in MB (default {@code 1,10,50}), then the UNPC Chinese file and the seed
 * folder. {@code --one SIZE ...} measures one size in this JVM and prints one result line.
 */
public final class MiningBenchmark {

    private static final String UNPC = "../shared/corpus/unpc-dev/UNv1.0.devset.zh";
    private static final String SEEDS = "glossary/corpus/un-zh";
    private static final long SEED = 1;

    private MiningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--one")) {
            measure(Double.parseDouble(args[1]), args.length > 2 ? args[2] : UNPC, args.length > 3 ? args[3] : SEEDS);
            return;
        }
        String sizes = args.length > 0 ? args[0] : "1,10,50";
        String unpc = args.length > 1 ? args[1] : UNPC;
        String seeds = args.length > 2 ? args[2] : SEEDS;
        String java = ProcessHandle.current().info().command().orElse("java");
        String heap = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xmx")).findFirst().orElse("-Xmx2g");
        System.out.printf("term mining on grown corpora, %s, %d processors, %s %s%n", heap,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"));
        System.out.println(Result.HEADER);
        for (String size : sizes.split(",")) {
            Process child = new ProcessBuilder(java, heap, "-cp", System.getProperty("java.class.path"),
                    MiningBenchmark.class.getName(), "--one", size.strip(), unpc, seeds)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(System.out::println);
            }
            if (child.waitFor() != 0) {
                System.out.printf("%6s MB: failed (exit %d)%n", size, child.exitValue());
            }
        }
    }

    private static void measure(double megabytes, String unpc, String seeds) throws Exception {
        CorpusGrower grower = CorpusGrower.trained(Path.of(unpc), Path.of(seeds));
        long bytes = (long) (megabytes * 1_000_000);
        MiningSettings settings = MiningSettings.defaults();

        // Warm-up on another corpus of the same kind, so that the measured runs see compiled code.
        List<CleanDocument> warmUp = grower.documents(1_000_000, SEED + 1);
        for (int i = 0; i < 3; i++) {
            Mining.run(warmUp, settings);
            bigrams(warmUp);
        }
        warmUp = null;

        List<CleanDocument> documents = grower.documents(bytes, SEED);
        long textBytes = 0;
        for (CleanDocument document : documents) {
            textBytes += document.text().getBytes(StandardCharsets.UTF_8).length;
        }
        double textMegabytes = textBytes / 1e6;
        int runs = megabytes <= 2 ? 5 : megabytes <= 20 ? 3 : 1;

        Memory memory = new Memory();
        long documentsHeap = memory.settle();
        double[] seconds = new double[runs];
        double[] cpuSeconds = new double[runs];
        int candidates = 0;
        for (int i = 0; i < runs; i++) {
            memory.settle();
            long cpuStart = processCpu();
            long start = System.nanoTime();
            candidates = Mining.run(documents, settings).size();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpuSeconds[i] = (processCpu() - cpuStart) / 1e9;
        }
        long peak = memory.peak();
        long liveAfterGc = memory.largestAfterGc();

        double[] baseline = new double[Math.max(3, runs)];
        double[] baselineCpu = new double[baseline.length];
        for (int i = 0; i < baseline.length; i++) {
            long cpuStart = processCpu();
            long start = System.nanoTime();
            bigrams(documents);
            baseline[i] = (System.nanoTime() - start) / 1e9;
            baselineCpu[i] = (processCpu() - cpuStart) / 1e9;
        }

        long mineCpuStart = processCpu();
        long mineStart = System.nanoTime();
        int mined = new TermMiner(settings).mine(documents).size();
        double mineSeconds = (System.nanoTime() - mineStart) / 1e9;
        double mineCpuSeconds = (processCpu() - mineCpuStart) / 1e9;

        double median = median(seconds);
        System.out.println(new Result(textMegabytes, documents.size(), runs, median, textMegabytes / median,
                textMegabytes / mineSeconds, mined, candidates, documentsHeap, peak, liveAfterGc,
                textMegabytes / median(baseline), textMegabytes / median(cpuSeconds),
                textMegabytes / mineCpuSeconds, textMegabytes / median(baselineCpu)));
    }

    /**
     * CPU time of the whole process (the mining thread, the collector's and the compiler's): on a
     * machine shared with other work, wall time counts the waits for a core too, and CPU time is
     * what the work costs one core.
     */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The baseline: every pair of adjacent Han characters counted in an open-addressing table. */
    static long bigrams(List<CleanDocument> documents) {
        int[] keys = new int[1 << 16];
        int[] counts = new int[keys.length];
        int used = 0;
        for (CleanDocument document : documents) {
            String text = document.matchText();
            for (int i = 1; i < text.length(); i++) {
                char a = text.charAt(i - 1);
                char b = text.charAt(i);
                if (!Chars.isHan(a) || !Chars.isHan(b)) {
                    continue;
                }
                int key = a << 16 | b;
                int mask = keys.length - 1;
                int slot = (key * 0x9E3779B9 >>> 7) & mask;
                while (counts[slot] != 0 && keys[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                if (counts[slot]++ == 0) {
                    keys[slot] = key;
                    if (++used * 2 > keys.length) {
                        int[][] grown = grow(keys, counts);
                        keys = grown[0];
                        counts = grown[1];
                    }
                }
            }
        }
        return used;
    }

    private static int[][] grow(int[] keys, int[] counts) {
        int[] newKeys = new int[keys.length * 2];
        int[] newCounts = new int[keys.length * 2];
        int mask = newKeys.length - 1;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] != 0) {
                int slot = (keys[i] * 0x9E3779B9 >>> 7) & mask;
                while (newCounts[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                newKeys[slot] = keys[i];
                newCounts[slot] = counts[i];
            }
        }
        return new int[][] {newKeys, newCounts};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Heap use while mining: the sum of the heap pools' peaks since the last {@link #settle()} (what
     * the collector let the heap reach) and the largest heap left after any collection (what was
     * live at the worst moment, the figure that decides whether a smaller heap would do).
     */
    private static final class Memory {
        private final List<MemoryPoolMXBean> pools = new ArrayList<>();
        private final AtomicLong largestAfterGc = new AtomicLong();

        Memory() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pools.add(pool);
                }
            }
            ManagementFactory.getGarbageCollectorMXBeans().forEach(collector ->
                    ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                .equals(notification.getType())) {
                            return;
                        }
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum();
                        largestAfterGc.accumulateAndGet(used, Math::max);
                    }, null, null));
        }

        /** Collects, resets the peaks and returns the heap in use (the documents and the JVM's own). */
        long settle() throws InterruptedException {
            System.gc();
            Thread.sleep(200);
            long used = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            largestAfterGc.set(0);
            return used;
        }

        long peak() {
            return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        long largestAfterGc() {
            return largestAfterGc.get();
        }
    }

    private record Result(double megabytes, int documents, int runs, double seconds, double throughput,
                          double minerThroughput, int mined, int candidates, long documentsHeap, long peakHeap,
                          long liveHeap, double baselineThroughput, double cpuThroughput,
                          double minerCpuThroughput, double baselineCpuThroughput) {

        static final String HEADER = String.format(Locale.ROOT,
                "%8s %6s %4s %8s %8s %9s %9s %10s %9s %9s %9s %9s %8s %9s %9s",
                "text MB", "docs", "runs", "seconds", "MB/s", "miner", "mined", "candidates", "docs heap",
                "peak heap", "live heap", "baseline", "MB/cpu-s", "miner cpu", "base cpu");

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%8.1f %6d %4d %8.2f %8.2f %9.2f %9d %10d %8dM %8dM %8dM %9.1f %8.2f %9.2f %9.1f",
                    megabytes, documents, runs, seconds, throughput, minerThroughput, mined, candidates,
                    documentsHeap >> 20, peakHeap >> 20, liveHeap >> 20, baselineThroughput, cpuThroughput,
                    minerCpuThroughput, baselineCpuThroughput);
        }
    }
}
