package org.paraterm.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Alignment quality on real UN text: the UNPC development set cut into documents, damaged (lines
 * dropped, split and merged on one side), aligned, and the links compared with the truth.
 */
class SentenceAlignerTest {

    /** Per line: 5% lose one side, 5% have one side split, 10% have one side merged with the next line. */
    private static final DamagedDocuments.Damage DAMAGE = new DamagedDocuments.Damage(0.05, 0.05, 0.10);

    record Score(long found, long correct, long truth) {
        double precision() {
            return found == 0 ? 0 : (double) correct / found;
        }

        double recall() {
            return truth == 0 ? 0 : (double) correct / truth;
        }

        double f1() {
            return precision() + recall() == 0 ? 0 : 2 * precision() * recall() / (precision() + recall());
        }

        @Override
        public String toString() {
            return String.format("precision %.4f recall %.4f F1 %.4f (%d links, %d found, %d correct)",
                    precision(), recall(), f1(), truth, found, correct);
        }
    }

    @Test
    void shouldFindTheLinksOfDamagedUnDocumentsWithAnF1AboveNinetyFivePercent() {
        List<DamagedDocuments.Damaged> documents = damaged(DamagedDocuments.documents(), 7);

        Score full = score(new SentenceAligner(AlignmentDictionary.empty()), documents);
        Score baseline = score(SentenceAligner.lengthOnly(), documents);

        System.out.printf("documents by id (%d): anchors %s%n", documents.size(), full);
        System.out.printf("documents by id (%d): length only %s%n", documents.size(), baseline);
        assertThat(full.f1()).isGreaterThanOrEqualTo(0.95);
        assertThat(full.f1()).isGreaterThan(baseline.f1());
    }

    @Test
    void shouldMakeItsConfidentOneToOneUnitsTheRightOnes() {
        List<DamagedDocuments.Damaged> documents = new ArrayList<>(damaged(DamagedDocuments.documents(), 7));
        documents.addAll(damaged(DamagedDocuments.concatenated(DamagedDocuments.documents(), 250), 11));
        SentenceAligner aligner = new SentenceAligner(AlignmentDictionary.empty());
        int[] confident = new int[2];
        int[] doubtful = new int[2];
        int[][] bins = new int[10][2];
        for (DamagedDocuments.Damaged document : documents) {
            for (SentenceAligner.Bead bead : aligner.beads(document.zh(), document.en())) {
                if (bead.zhEnd() - bead.zhStart() == 1 && bead.enEnd() - bead.enStart() == 1) {
                    int[] tally = bead.confidence() >= ParallelUnit.CONFIDENT ? confident : doubtful;
                    int bin = (int) Math.min(9, bead.confidence() * 10);
                    bins[bin][0]++;
                    bins[bin][1] += document.links().contains(DamagedDocuments.link(bead.zhStart(), bead.enStart())) ? 1 : 0;
                    tally[0]++;
                    tally[1] += document.links().contains(DamagedDocuments.link(bead.zhStart(), bead.enStart())) ? 1 : 0;
                }
            }
        }

        System.out.printf("1-1 units at confidence >= %.1f: %d, %.4f right; below: %d, %.4f right%n",
                ParallelUnit.CONFIDENT, confident[0], (double) confident[1] / confident[0], doubtful[0],
                (double) doubtful[1] / Math.max(1, doubtful[0]));
        for (int bin = 0; bin < 10; bin++) {
            System.out.printf("  confidence %.1f-%.1f: %d units, %d right%n", bin / 10.0, (bin + 1) / 10.0,
                    bins[bin][0], bins[bin][1]);
        }
        assertThat((double) confident[1] / confident[0]).isGreaterThanOrEqualTo(0.985);
        assertThat((double) bins[9][1] / bins[9][0]).isGreaterThanOrEqualTo(0.995);
        assertThat(doubtful[1]).isLessThan(doubtful[0]);
    }

    @Test
    void shouldKeepItsF1OnLongDocumentsWhereTheBandMatters() {
        List<DamagedDocuments.Damaged> documents =
                damaged(DamagedDocuments.concatenated(DamagedDocuments.documents(), 250), 11);

        Score full = score(new SentenceAligner(AlignmentDictionary.empty()), documents);
        Score baseline = score(SentenceAligner.lengthOnly(), documents);

        System.out.printf("long documents (%d): anchors %s%n", documents.size(), full);
        System.out.printf("long documents (%d): length only %s%n", documents.size(), baseline);
        assertThat(full.f1()).isGreaterThanOrEqualTo(0.95);
        assertThat(full.f1()).isGreaterThan(baseline.f1());
    }

    @Test
    void shouldAlignTwoThousandSentencesInABandAlongTheDiagonalNotTheWholeGrid() {
        List<DamagedDocuments.Line> lines = DamagedDocuments.concatenated(DamagedDocuments.documents(), 2000).get(0);
        DamagedDocuments.Damaged document = DamagedDocuments.damage("long", lines, DAMAGE, new Random(3));
        SentenceAligner aligner = new SentenceAligner(AlignmentDictionary.empty());
        aligner.beads(document.zh(), document.en());

        // The work, not the time, is asserted: the machine running the tests may be slow or shared.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        SentenceAligner.Search search = aligner.search(document.zh(), document.en());
        long millis = (threads.getCurrentThreadCpuTime() - started) / 1_000_000;
        long grid = (long) (document.zh().size() + 1) * (document.en().size() + 1);

        System.out.printf("%d Chinese and %d English sentences aligned in %d ms of processor time, %d of %d cells searched%n",
                document.zh().size(), document.en().size(), millis, search.cells(), grid);
        assertThat(score(List.of(document), List.of(search.beads())).f1()).isGreaterThanOrEqualTo(0.95);
        assertThat(search.cells()).as("cells searched").isLessThan(grid / 20);
    }

    @Test
    void shouldCoverEverySentenceOfBothSidesOnceAndInOrder() {
        DamagedDocuments.Damaged document = damaged(DamagedDocuments.concatenated(DamagedDocuments.documents(), 300), 5)
                .get(0);

        List<ParallelUnit> units = new SentenceAligner(AlignmentDictionary.empty())
                .align(document.zh(), document.en(), "A/70/1");

        assertThat(units.stream().mapToInt(ParallelUnit::zhSentences).sum()).isEqualTo(document.zh().size());
        assertThat(units.stream().mapToInt(ParallelUnit::enSentences).sum()).isEqualTo(document.en().size());
        assertThat(String.join("", units.stream().map(ParallelUnit::zh).toList()))
                .isEqualTo(String.join("", document.zh()));
        assertThat(units).allSatisfy(unit -> {
            assertThat(unit.document()).isEqualTo("A/70/1");
            assertThat(unit.confidence()).isBetween(0.0, 1.0);
            assertThat(unit.zhSentences() + unit.enSentences()).isBetween(1, 4);
        });
        long confident = units.stream().filter(ParallelUnit::confidentOneToOne).count();
        assertThat(confident).isGreaterThan(units.size() * 7L / 10);
    }

    @Test
    void shouldLinkSentencesSharingNumbersAndSymbolsWhatEverTheirLengths() {
        List<String> zh = List.of(
                "大会第69/1号决议。",
                "安全理事会在S/2015/10号文件中审议了该问题，并决定继续处理此案。",
                "秘书长2015年3月5日的报告。");
        List<String> en = List.of(
                "General Assembly resolution 69/1.",
                "Report of the Secretary-General dated 5 March 2015.");

        List<ParallelUnit> units = new SentenceAligner(AlignmentDictionary.empty()).align(zh, en, "");

        assertThat(units).extracting(ParallelUnit::zhSentences, ParallelUnit::enSentences)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(1, 0),
                        org.assertj.core.groups.Tuple.tuple(1, 1));
        assertThat(units.get(2).en()).contains("5 March 2015");
    }

    @Test
    void shouldLetAGlossaryPairDecideWhichOfTwoSentencesOfOneLengthHasNoTranslation() {
        // Two sentences of the development set of nearly the same length; the English of the second is missing.
        List<String> zh = List.of(
                "二、 各公约条款及各缔约方大会近期决定中包含的技术援助与能力建设工作任务",
                "国家预防犯罪理事会也被证明是推动预防犯罪工作并帮助协调的一种可行选择。");
        List<String> en = List.of("II. Mandates for the work on technical assistance and capacitybuilding as contained"
                + " in the articles of the conventions and recent decisions of the conferences of the parties");
        AlignmentDictionary glossary = AlignmentDictionary.of(java.util.Map.of("技术援助", List.of("technical assistance")));

        List<ParallelUnit> lengthOnly = SentenceAligner.lengthOnly().align(zh, en, "");
        List<ParallelUnit> withGlossary = new SentenceAligner(glossary).align(zh, en, "");

        assertThat(lengthOnly).extracting(ParallelUnit::enSentences).containsExactly(0, 1);
        assertThat(withGlossary).extracting(ParallelUnit::enSentences).containsExactly(1, 0);
        assertThat(withGlossary.get(0).zh()).contains("技术援助");
    }

    @Test
    void shouldAlignAnEmptySideAsUnitsWithNothingOpposite() {
        List<ParallelUnit> units = new SentenceAligner(AlignmentDictionary.empty())
                .align(List.of(), List.of("One sentence.", "Another."), "x");

        assertThat(units).extracting(ParallelUnit::zh, ParallelUnit::en).containsExactly(
                org.assertj.core.groups.Tuple.tuple("", "One sentence."), org.assertj.core.groups.Tuple.tuple("", "Another."));
        assertThat(new SentenceAligner(AlignmentDictionary.empty()).align(List.of(), List.of(), "x")).isEmpty();
    }

    private static List<DamagedDocuments.Damaged> damaged(List<List<DamagedDocuments.Line>> documents, long seed) {
        Random random = new Random(seed);
        List<DamagedDocuments.Damaged> damaged = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            damaged.add(DamagedDocuments.damage("doc" + d, documents.get(d), DAMAGE, random));
        }
        return damaged;
    }

    static Score score(SentenceAligner aligner, List<DamagedDocuments.Damaged> documents) {
        List<List<SentenceAligner.Bead>> aligned = new ArrayList<>();
        for (DamagedDocuments.Damaged document : documents) {
            aligned.add(aligner.beads(document.zh(), document.en()));
        }
        return score(documents, aligned);
    }

    /** Links are the pairs (Chinese sentence, English sentence) of every unit with both sides. */
    static Score score(List<DamagedDocuments.Damaged> documents, List<List<SentenceAligner.Bead>> aligned) {
        long found = 0;
        long correct = 0;
        long truth = 0;
        for (int d = 0; d < documents.size(); d++) {
            Set<Long> links = new HashSet<>();
            for (SentenceAligner.Bead bead : aligned.get(d)) {
                for (int i = bead.zhStart(); i < bead.zhEnd(); i++) {
                    for (int j = bead.enStart(); j < bead.enEnd(); j++) {
                        links.add(DamagedDocuments.link(i, j));
                    }
                }
            }
            found += links.size();
            truth += documents.get(d).links().size();
            links.retainAll(documents.get(d).links());
            correct += links.size();
        }
        return new Score(found, correct, truth);
    }
}
