package org.paraterm.concordance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.paraterm.parallel.LinePairs;
import org.paraterm.parallel.ParallelUnit;

/**
 * Parallel concordance speed: the bundled UNPC development set (4,000 pairs) and the same repeated
 * 25 times (100,000 pairs), searched with 200 Chinese strings of 2–6 characters and 100 English
 * words drawn from the text. For each query it times the first page (50 pairs) with the exact total,
 * and as the baseline in the same run, the least a search can do: a {@code String.contains} count
 * over the raw sides. Every total is checked against the baseline's count (Chinese queries only:
 * the English baseline is not whole-word).
 *
 * <p>Run with {@code mvn -o -q -Pbench -DskipTests -Dbench.reader.skip -Dbench.mining.skip
 * -Dbench.concordance.skip -Dbench.check.skip verify}.
 */
public final class ParallelConcordanceBenchmark {

    private static final int REPEATS = 5;

    private ParallelConcordanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path zh = Path.of(args.length > 0 ? args[0] : "glossary/corpus/parallel/unpc-dev/UNv1.0.devset.zh");
        List<ParallelUnit> units = LinePairs.read(zh);
        for (int copies : new int[] {1, 25}) {
            List<ParallelUnit> grown = new ArrayList<>(units.size() * copies);
            for (int c = 0; c < copies; c++) {
                grown.addAll(units);
            }
            run(grown, queries(units));
        }
    }

    private static List<String> queries(List<ParallelUnit> units) {
        SplittableRandom random = new SplittableRandom(11);
        List<String> queries = new ArrayList<>();
        while (queries.size() < 200) {
            String text = units.get(random.nextInt(units.size())).zh();
            int length = 2 + random.nextInt(5);
            if (text.length() > length) {
                int start = random.nextInt(text.length() - length);
                String query = text.substring(start, start + length);
                if (query.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    queries.add(query);
                }
            }
        }
        while (queries.size() < 300) {
            String[] words = units.get(random.nextInt(units.size())).en().split("[^A-Za-z]+");
            String word = words[random.nextInt(words.length)];
            if (word.length() > 3) {
                queries.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return queries;
    }

    private static void run(List<ParallelUnit> units, List<String> queries) {
        long prepareStart = System.nanoTime();
        ParallelConcordance.Units prepared = ParallelConcordance.Units.of(units);
        double prepareMs = (System.nanoTime() - prepareStart) / 1e6;
        for (int warm = 0; warm < 2; warm++) {
            for (String query : queries) {
                prepared.search(ConcordanceQuery.parse(query), 0, 50);
                baseline(units, query);
            }
        }
        double[] search = new double[queries.size() * REPEATS];
        double[] scan = new double[queries.size() * REPEATS];
        int n = 0;
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            for (String query : queries) {
                long start = System.nanoTime();
                int total = prepared.search(ConcordanceQuery.parse(query), 0, 50).total();
                search[n] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                int expected = baseline(units, query);
                scan[n] = (System.nanoTime() - start) / 1e6;
                boolean chinese = Character.UnicodeScript.of(query.charAt(0)) == Character.UnicodeScript.HAN;
                if (chinese && total != expected) {
                    throw new AssertionError(query + ": " + total + " pairs, the scan counts " + expected);
                }
                n++;
            }
        }
        System.out.printf(Locale.ROOT, "parallel concordance, %,d pairs (prepared in %.0f ms), %d queries x %d:%n",
                units.size(), prepareMs, queries.size(), REPEATS);
        System.out.printf(Locale.ROOT, "  first page with total  p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                percentile(search, 50), percentile(search, 99), percentile(search, 100));
        System.out.printf(Locale.ROOT, "  baseline contains-scan p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                percentile(scan, 50), percentile(scan, 99), percentile(scan, 100));
    }

    private static int baseline(List<ParallelUnit> units, String query) {
        boolean chinese = Character.UnicodeScript.of(query.charAt(0)) == Character.UnicodeScript.HAN;
        int count = 0;
        for (ParallelUnit unit : units) {
            if ((chinese ? unit.zh() : unit.en()).contains(query)) {
                count++;
            }
        }
        return count;
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
