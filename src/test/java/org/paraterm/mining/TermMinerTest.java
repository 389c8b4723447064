package org.paraterm.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.CorpusLoader;

/** Term mining on the bundled corpus (work in progress on issue 3: ranking and variants to come). */
class TermMinerTest {

    private static List<CleanDocument> documents;
    private static List<Candidate> candidates;

    @BeforeAll
    static void mine() throws Exception {
        documents = CorpusLoader.readAll(Path.of("glossary", "corpus", "un-zh"), refused -> {
            throw new AssertionError(refused.getMessage());
        });
        candidates = new TermMiner(MiningSettings.defaults()).mine(documents);
    }

    @Test
    void shouldRankTheUsersOwnExamplesWithinTheFirstFifty() {
        List<String> first50 = candidates.stream().limit(50).map(Candidate::term).toList();

        assertThat(first50).contains("外国恐怖主义作战人员", "偷运移民");
    }

    @Test
    void shouldNotOfferAFragmentThatOnlyOccursInsideALongerTerm() {
        assertThat(candidates).extracting(Candidate::term)
                .doesNotContain("恐怖主义作战人员", "国恐怖主义作战人员", "外国恐怖主义作战人");
    }

    @Test
    void shouldNotOfferTermsGluedToFunctionCharactersOrClauseVerbs() {
        assertThat(candidates).extracting(Candidate::term)
                .doesNotContain("与国际刑警组织", "国际刑警组织的", "鼓励会员国", "毒品和犯罪问题办公室继续")
                .contains("国际刑警组织", "毒品和犯罪问题办公室", "资助恐怖主义", "跨国有组织犯罪", "网络犯罪", "暴力极端主义");
    }

    @Test
    void shouldCountEveryOccurrenceInTheCleanedText() {
        Candidate fighters = candidates.stream().filter(c -> c.term().equals("外国恐怖主义作战人员")).findFirst().orElseThrow();

        assertThat(fighters.frequency()).isEqualTo(21);
        assertThat(fighters.occurrences()).allSatisfy(o ->
                assertThat(documents.get(o.document()).text().substring(o.offset(), o.offset() + 10))
                        .isEqualTo("外国恐怖主义作战人员"));
    }

    @Test
    void shouldWriteTheTableWithTheAgreedColumns() {
        String table = CandidateTable.write(Mining.run(documents, MiningSettings.defaults()), 3);

        String[] lines = table.split("\n");
        assertThat(lines[0]).isEqualTo("rank\tterm\tfreq\tdocs\tscore\tvariants\tcontext");
        assertThat(lines).hasSize(4);
        assertThat(lines[1].split("\t", -1)).hasSize(7).startsWith("1");
        String[] first = lines[1].split("\t", -1);
        assertThat(first[6]).contains(first[1]);
    }
}
