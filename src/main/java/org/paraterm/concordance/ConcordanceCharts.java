package org.paraterm.concordance;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The pictures of a result as numbers an SVG template can place: bars of hits per document and per
 * year, and a dispersion plot with one strip per document and a tick where each hit falls. Ticks
 * that would share a pixel are drawn once, so a strip never holds more than its width in ticks.
 */
public final class ConcordanceCharts {

    /** Width of a bar or strip at its longest, in SVG units. */
    public static final int WIDTH = 600;
    /** Height of one bar or strip row, in SVG units. */
    public static final int ROW = 22;

    /** One bar: its label, count and length, and where it links. */
    public record Bar(String label, int count, int length, int y, String href) {
    }

    /** One document's strip: the x of each tick, from 0 (the start) to {@link #WIDTH} (the end). */
    public record Strip(String label, int count, List<Integer> ticks, int y, String href) {

        /**
         * Every tick of the strip as one SVG path (a vertical stroke per tick, the strip drawn from
         * x = {@code left}): one attribute for the page to write instead of an element per tick,
         * which made the dispersion plot most of the concordance page's rendering time.
         */
        public String path(int left) {
            StringBuilder path = new StringBuilder(ticks.size() * 12);
            for (int x : ticks) {
                path.append('M').append(left + x).append(' ').append(y + 3).append("v14");
            }
            return path.toString();
        }
    }

    private ConcordanceCharts() {
    }

    public static List<Bar> documentBars(List<HitList.DocumentCount> counts, String baseHref) {
        int most = counts.stream().mapToInt(HitList.DocumentCount::count).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        for (HitList.DocumentCount row : counts) {
            bars.add(new Bar(row.symbol(), row.count(), length(row.count(), most), bars.size() * ROW,
                    baseHref + "&doc=" + row.doc()));
        }
        return bars;
    }

    public static List<Bar> yearBars(Map<Integer, Integer> counts, String baseHref) {
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            boolean dated = entry.getKey() > 0;
            bars.add(new Bar(dated ? String.valueOf(entry.getKey()) : "无日期 undated", entry.getValue(),
                    length(entry.getValue(), most), bars.size() * ROW,
                    dated ? baseHref + "&year=" + entry.getKey() : null));
        }
        return bars;
    }

    /**
     * One strip for every document the filter accepts, those without hits too (an empty strip
     * says as much as a full one), in the order of the document sort.
     */
    public static List<Strip> dispersion(Map<Long, double[]> positions, List<IndexedDocument> documents,
                                         String baseHref) {
        List<IndexedDocument> sorted = new ArrayList<>(documents);
        sorted.sort(Comparator.comparing(IndexedDocument::label).thenComparingLong(IndexedDocument::id));
        List<Strip> strips = new ArrayList<>();
        for (IndexedDocument document : sorted) {
            double[] fractions = positions.getOrDefault(document.id(), new double[0]);
            BitSet pixels = new BitSet(WIDTH + 1);
            for (double fraction : fractions) {
                pixels.set((int) Math.round(fraction * WIDTH));
            }
            List<Integer> ticks = new ArrayList<>(pixels.cardinality());
            for (int x = pixels.nextSetBit(0); x >= 0; x = pixels.nextSetBit(x + 1)) {
                ticks.add(x);
            }
            strips.add(new Strip(document.label(), fractions.length, ticks, strips.size() * ROW,
                    baseHref + "&doc=" + document.id()));
        }
        return strips;
    }

    private static int length(int count, int most) {
        return Math.max(1, (int) Math.round((double) count * WIDTH / Math.max(1, most)));
    }
}
