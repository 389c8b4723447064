package org.paraterm.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.ParagraphKind;

/** The example sentences a terminologist reads first for a candidate, on the bundled corpus. */
class ContextChoiceTest {

    private static List<CleanDocument> documents;
    private static List<MinedCandidate> mined;

    @BeforeAll
    static void mine() throws Exception {
        documents = CorpusLoader.readAll(Path.of("glossary", "corpus", "un-zh"), refused -> {
            throw new AssertionError(refused.getMessage());
        });
        mined = Mining.run(documents, MiningSettings.defaults());
    }

    @Test
    void shouldShowTheTermInEachContextAtTheOffsetGiven() {
        for (MinedCandidate candidate : mined.subList(0, 200)) {
            assertThat(candidate.contexts()).isNotEmpty().allSatisfy(context ->
                    assertThat(context.text().substring(context.termStart())).startsWith(candidate.term()));
        }
    }

    @Test
    void shouldTakeExamplesFromDifferentDocumentsFirst() {
        MinedCandidate member = find("偷运移民");

        // 偷运移民 occurs in four documents: the first four examples come one from each.
        assertThat(member.contexts()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(member.contexts().subList(0, 4)).extracting(Context::document).doesNotHaveDuplicates();
    }

    @Test
    void shouldPreferCompleteRunningSentencesOfModerateLength() {
        for (MinedCandidate candidate : mined.subList(0, 100)) {
            Context best = candidate.contexts().get(0);
            CleanDocument document = documents.get(best.document());

            boolean moderateExists = candidate.candidate().occurrences().stream()
                    .map(o -> documents.get(o.document()).sentences().get(o.sentence()).span())
                    .anyMatch(span -> span.end() - span.start() <= 120);
            if (moderateExists) {
                assertThat(best.text().length()).as(candidate.term()).isBetween(12, 120);
            }
            assertThat(document.paragraphs().get(best.paragraph()).kind()).as(candidate.term())
                    .isNotIn(ParagraphKind.FRONT, ParagraphKind.CLOSING);
            assertThat(document.text().substring(best.start(), best.start() + best.text().length()))
                    .isEqualTo(best.text());
        }
    }

    @Test
    void shouldKeepEveryOccurrenceReachable() {
        MinedCandidate fighters = find("外国恐怖主义作战人员");

        assertThat(fighters.candidate().occurrences()).hasSize(21);
        assertThat(fighters.contexts()).hasSizeLessThanOrEqualTo(ContextChooser.DEFAULT_COUNT);
    }

    private static MinedCandidate find(String term) {
        return mined.stream().filter(m -> m.term().equals(term)).findFirst().orElseThrow();
    }
}
