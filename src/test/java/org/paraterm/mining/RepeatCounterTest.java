package org.paraterm.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The suffix array and the counts read from it, against sorting and counting the slow way. */
class RepeatCounterTest {

    @Test
    void shouldSortSuffixesAsFarAsACandidateReachesAndFindTheirCommonPrefixes() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            // Small alphabets give long repeats; separators end segments as in the joined text.
            char[] text = randomText(random, 1 + random.nextInt(300), 1 + random.nextInt(4));
            // A few rare characters make the alphabet wide, so that the sort goes several rounds deep.
            for (int i = 0; i < text.length - 1; i += 1 + random.nextInt(20)) {
                if (text[i] != RepeatCounter.SEPARATOR) {
                    text[i] = (char) ('一' + random.nextInt(20000));
                }
            }
            int cap = 1 + random.nextInt(30);
            RepeatCounter.SuffixSorter sorter = new RepeatCounter.SuffixSorter(text, text.length, cap);

            assertThat(sorter.suffixes).containsExactlyInAnyOrder(identity(text.length));
            for (int r = 1; r < text.length; r++) {
                String previous = key(text, sorter.suffixes[r - 1], cap);
                String current = key(text, sorter.suffixes[r], cap);
                assertThat(previous.compareTo(current)).isLessThanOrEqualTo(0);
                int common = 0;
                while (common < Math.min(previous.length(), current.length())
                        && previous.charAt(common) == current.charAt(common)) {
                    common++;
                }
                assertThat(sorter.lcp[r]).as("lcp at rank %d", r).isEqualTo((byte) common);
            }
        }
    }

    /** A suffix as far as the sort looks: to its segment's end, at most {@code cap} characters. */
    private static String key(char[] text, int position, int cap) {
        int end = position;
        while (end < text.length && end - position < cap && text[end] != RepeatCounter.SEPARATOR) {
            end++;
        }
        return new String(text, position, end - position);
    }

    private static int[] identity(int length) {
        int[] positions = new int[length];
        for (int i = 0; i < length; i++) {
            positions[i] = i;
        }
        return positions;
    }

    @Test
    void shouldReportEveryRepeatWithItsOccurrencesAndAnswerSubstringCounts() {
        Random random = new Random(11);
        for (int round = 0; round < 100; round++) {
            char[] text = randomText(random, 2 + random.nextInt(400), 2 + random.nextInt(3));
            Map<String, Integer> expected = naiveCounts(text, 2, 2, 6);
            RepeatCounter counter = new RepeatCounter(segments(text), 6);

            Map<String, Integer> reported = new HashMap<>();
            counter.visit(2, (length, from, to, groups, count) -> reported.put(counter.string(from, length), to - from));
            // Each reported interval is a repeat; every repeat that branches is reported.
            reported.forEach((term, frequency) -> assertThat(expected).containsEntry(term, frequency));

            List<String> terms = new ArrayList<>(expected.keySet());
            int[] positions = new int[terms.size()];
            int[] lengths = new int[terms.size()];
            String joined = new String(text);
            for (int i = 0; i < terms.size(); i++) {
                positions[i] = joined.indexOf(terms.get(i));
                lengths[i] = terms.get(i).length();
            }
            int[] frequencies = counter.frequencies(counter.ranks(positions), lengths);
            for (int i = 0; i < terms.size(); i++) {
                assertThat(frequencies[i]).as(terms.get(i)).isEqualTo(expected.get(terms.get(i)));
            }
        }
    }

    @Test
    void shouldGroupTheOccurrencesByTheCharacterThatFollows() {
        // 恐怖 is followed by 主 twice, by 分 and by a segment end: one group of two, two alone.
        RepeatCounter counter = new RepeatCounter(segments("恐怖主义\u0001恐怖主义\u0001恐怖分子\u0001恐怖\u0001".toCharArray()), 24);
        Map<String, List<Integer>> followers = new HashMap<>();
        counter.visit(2, (length, from, to, groups, count) -> {
            List<Integer> sizes = new ArrayList<>();
            for (int g = 0; g < count; g++) {
                sizes.add(groups[g]);
            }
            followers.put(counter.string(from, length) + ":" + (to - from), sizes);
        });

        assertThat(followers).containsOnly(
                Map.entry("恐怖:4", List.of(2)),
                Map.entry("恐怖主义:2", List.of()),
                Map.entry("怖主义:2", List.of()),
                Map.entry("主义:2", List.of()));
    }

    private static char[] randomText(Random random, int length, int alphabet) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = random.nextInt(8) == 0 ? RepeatCounter.SEPARATOR : (char) ('甲' + random.nextInt(alphabet));
        }
        text[length - 1] = RepeatCounter.SEPARATOR;
        return text;
    }

    private static SegmentExtractor.Segments segments(char[] joined) {
        return SegmentExtractor.Segments.of(joined);
    }

    /** Strings of {@code min} to {@code max} characters without a separator occurring at least {@code minFreq} times. */
    private static Map<String, Integer> naiveCounts(char[] text, int minFreq, int min, int max) {
        Map<String, Integer> counts = new HashMap<>();
        String s = new String(text);
        for (int i = 0; i < s.length(); i++) {
            for (int l = min; l <= max && i + l <= s.length(); l++) {
                String sub = s.substring(i, i + l);
                if (sub.indexOf(RepeatCounter.SEPARATOR) >= 0) {
                    break;
                }
                counts.merge(sub, 1, Integer::sum);
            }
        }
        counts.values().removeIf(c -> c < minFreq);
        return counts;
    }
}
