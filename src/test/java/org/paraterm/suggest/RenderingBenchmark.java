package org.paraterm.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paraterm.parallel.ParallelUnit;
import org.paraterm.UnpcDev;

/**
 * Building a {@link RenderingSuggester} and suggesting renderings for the development list, on the
 * 4,000 units of the UNPC development set and on 100,000 units (the set 25 times, each copy its own
 * documents). Suggestions are timed on a fresh suggester (each term's first query, which tags its
 * sample) and again (tagged units remembered). Run from the project folder with the test class path:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.paraterm.suggest.RenderingBenchmark};
 * figures go to docs/08-renderings.md.
 */
public final class RenderingBenchmark {

    private RenderingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<ParallelUnit> units = UnpcDev.units();
        List<String> terms = RenderingEvaluationTest.developmentList().stream()
                .map(RenderingEvaluationTest.Expected::term).toList();
        RenderingSuggester.build(units).suggest("会员国", 3); // loads the English models
        for (int round = 0; round < 3; round++) {
            measure("4,000 units", units, terms);
        }
        List<ParallelUnit> grown = new ArrayList<>();
        for (int copy = 0; copy < 25; copy++) {
            for (ParallelUnit unit : units) {
                grown.add(ParallelUnit.given(unit.zh(), unit.en(), unit.document() + "#" + copy));
            }
        }
        measure("100,000 units", grown, terms);
    }

    private static void measure(String name, List<ParallelUnit> units, List<String> terms) {
        System.gc();
        long started = System.nanoTime();
        RenderingSuggester suggester = RenderingSuggester.build(units);
        double build = (System.nanoTime() - started) / 1e6;
        double[] first = new double[terms.size()];
        double[] again = new double[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            long t = System.nanoTime();
            suggester.suggest(terms.get(i), 3);
            first[i] = (System.nanoTime() - t) / 1e6;
        }
        for (int i = 0; i < terms.size(); i++) {
            long t = System.nanoTime();
            suggester.suggest(terms.get(i), 3);
            again[i] = (System.nanoTime() - t) / 1e6;
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%s: build %.0f ms; first query median %.1f ms, mean %.1f, max %.1f; again median %.1f ms, "
                        + "mean %.1f, max %.1f; heap in use %d MB%n", name, build, median(first), mean(first),
                max(first), median(again), mean(again), max(again),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
