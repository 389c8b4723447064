package org.paraterm.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.paraterm.parallel.ParallelUnit;
import org.paraterm.UnpcDev;

/** Renderings suggested from the 4,000 units of the UN Parallel Corpus development set. */
class RenderingSuggesterTest {

    private static RenderingSuggester shared;

    private final RenderingSuggester suggester = shared();

    /** One suggester for the whole class: building it is the slow part. */
    private static synchronized RenderingSuggester shared() {
        if (shared == null) {
            shared = RenderingSuggester.build(UnpcDev.units());
        }
        return shared;
    }

    private String best(String term) {
        List<Rendering> renderings = suggester.suggest(term, 3);
        assertTrue(!renderings.isEmpty(), "no rendering for " + term);
        return renderings.get(0).english();
    }

    @Test
    void shouldRenderFrequentUnTermsByTheirStandardEnglish() {
        assertEquals("Member States", best("会员国"));
        assertEquals("Security Council", best("安全理事会"));
        assertEquals("Secretary-General", best("秘书长"));
        assertEquals("sustainable development", best("可持续发展"));
    }

    @Test
    void shouldPreferTheWholeNameToTheFragmentsItHolds() {
        List<Rendering> renderings = suggester.suggest("安全理事会", 5);
        assertEquals("Security Council", renderings.get(0).english());
        assertTrue(renderings.stream().noneMatch(r -> r.english().equals("Council") || r.english().equals("Security")),
                renderings.toString());
        assertEquals("General Assembly", best("大会"));
    }

    @Test
    void shouldOfferTheAcronymAfterTheFullName() {
        List<Rendering> renderings = suggester.suggest("联合国毒品和犯罪问题办公室", 3);
        assertEquals("United Nations Office on Drugs and Crime", renderings.get(0).english());
        assertEquals("UNODC", renderings.get(1).english());
        assertEquals("UNODC", best("毒品和犯罪问题办公室"));
    }

    @Test
    void shouldPointEvidenceAtTheTermAndTheRendering() {
        Rendering rendering = suggester.suggest("安全理事会", 1).get(0);
        assertTrue(rendering.pairs() >= 100, "pairs " + rendering.pairs());
        assertTrue(rendering.score() > 0.9 && rendering.score() <= 1, "score " + rendering.score());
        assertEquals(3, rendering.evidence().size());
        int previousLength = 0;
        for (RenderingEvidence evidence : rendering.evidence()) {
            assertEquals("安全理事会", evidence.unit().zh().substring(evidence.zhStart(), evidence.zhEnd()));
            assertEquals("Security Council", evidence.unit().en().substring(evidence.enStart(), evidence.enEnd()));
            assertTrue(evidence.unit().en().length() >= previousLength, "shortest first");
            previousLength = evidence.unit().en().length();
        }
    }

    @Test
    void shouldSuggestNothingForATermNoUnitHolds() {
        assertEquals(List.of(), suggester.suggest("不存在的术语", 3));
        assertEquals(List.of(), suggester.suggest("  ", 3));
        assertEquals(List.of(), suggester.suggest("会员国", 0));
    }

    @Test
    void shouldCountOnlyConfidentOneToOneUnits() {
        List<ParallelUnit> units = new ArrayList<>();
        for (ParallelUnit unit : UnpcDev.units()) {
            if (unit.zh().contains("安全理事会")) {
                // the same text, as an aligner would give it after joining two English sentences
                units.add(new ParallelUnit(unit.zh(), unit.en(), unit.document(), 1, 2, 0.9));
                units.add(new ParallelUnit(unit.zh(), unit.en(), unit.document(), 1, 1, 0.2));
            }
        }
        RenderingSuggester unsure = RenderingSuggester.build(units);
        assertEquals(0, unsure.unitCount());
        assertEquals(List.of(), unsure.suggest("安全理事会", 3));
    }

    @Test
    void shouldGiveTheSameSuggestionsFromManyThreads() throws Exception {
        RenderingSuggester fresh = RenderingSuggester.build(UnpcDev.units());
        List<String> terms = List.of("会员国", "秘书长", "安全理事会", "大会", "可持续发展", "人权理事会");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Rendering>>> together = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String term : terms) {
                    together.add(pool.submit(() -> fresh.suggest(term, 3)));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                assertEquals(suggester.suggest(terms.get(i % terms.size()), 3), together.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
