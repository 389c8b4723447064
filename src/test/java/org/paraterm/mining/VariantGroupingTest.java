package org.paraterm.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.CorpusLoader;

/** Variants grouped under their canonical term on the bundled corpus, as a terminologist reads them. */
class VariantGroupingTest {

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
    void shouldGroupAShortFormThatStandsAloneUnderItsFullFormCountingOnlyItsOwnUses() {
        assertThat(candidate("联合国毒品和犯罪问题办公室").orElseThrow().variants())
                .extracting(Variant::form, Variant::relation, Variant::frequency)
                // 142 occurrences in all, 100 of them inside the full form
                .contains(tuple("毒品和犯罪问题办公室", Variant.Relation.SHORT_FORM, 42));
        assertThat(candidate("毒品和犯罪问题办公室")).isEmpty();
    }

    @Test
    void shouldGroupABracketedAbbreviationUnderItsFullFormAndRankTheGroupByItsBestForm() {
        MinedCandidate interpol = candidate("国际刑事警察组织").orElseThrow();

        assertThat(interpol.variants()).extracting(Variant::form, Variant::relation, Variant::frequency)
                .contains(tuple("国际刑警组织", Variant.Relation.ABBREVIATION, 96));
        assertThat(interpol.rank()).isLessThanOrEqualTo(10);
        assertThat(candidate("联合国同国际刑事警察组织")).isEmpty();
    }

    @Test
    void shouldShowWhichDocumentsUseWhichWordingOfANearIdenticalPair() {
        MinedCandidate fighters = candidate("外国恐怖主义作战人员").orElseThrow();
        Variant other = fighters.variants().stream().filter(v -> v.form().equals("外国恐怖主义战斗人员"))
                .findFirst().orElseThrow();

        assertThat(other.relation()).isEqualTo(Variant.Relation.NEAR_IDENTICAL);
        assertThat(other.frequency()).isEqualTo(12);
        assertThat(symbols(fighters.byDocument())).containsExactlyInAnyOrder("E/RES/2019/21", "S/2020/754");
        assertThat(symbols(other.byDocument())).containsExactlyInAnyOrder("A/RES/75/10", "A/C.3/74/L.18");
    }

    @Test
    void shouldGroupTheTwoWordingsOfOrganizedCriminalGroups() {
        List<String> group = mined.stream()
                .filter(m -> m.term().startsWith("有组织犯罪") && !m.variants().isEmpty())
                .flatMap(m -> java.util.stream.Stream.concat(java.util.stream.Stream.of(m.term()),
                        m.variants().stream().map(Variant::form)))
                .toList();

        assertThat(group).contains("有组织犯罪集团", "有组织犯罪团伙").doesNotContain("有组织犯罪案件");
    }

    @Test
    void shouldNotGroupDifferentConceptsThatDifferInOneWord() {
        // Different bodies, laws and crimes used side by side in the same documents and sentences.
        assertThat(List.of("国际人权法", "非法贩运", "联合国预防犯罪和刑事司法方案", "公约缔约方会议"))
                .allSatisfy(term -> assertThat(candidate(term)).isPresent());
        assertThat(formsUnder("国际人权法")).doesNotContain("国际人道法");
        assertThat(formsUnder("国际人道法")).doesNotContain("国际人权法");
        assertThat(formsUnder("非法贩运")).doesNotContain("非法贩毒");
        assertThat(formsUnder("联合国预防犯罪和刑事司法方案")).doesNotContain("联合国预防犯罪和刑事司法大会");
        assertThat(formsUnder("公约缔约方会议")).doesNotContain("公约缔约国会议");
    }

    @Test
    void shouldGroupWordOrderVariants() {
        assertThat(candidate("贩运人口").orElseThrow().variants()).extracting(Variant::form, Variant::relation)
                .contains(tuple("人口贩运", Variant.Relation.WORD_ORDER));
        assertThat(candidate("人口贩运")).isEmpty();
    }

    @Test
    void shouldCountATitleWithAndWithoutItsMarksAndAcrossBracketWidths() {
        // 《联合国宪章》 and 联合国宪章 are one candidate; (国际刑警组织) and （国际刑警组织） one abbreviation.
        long charterInText = documents.stream().mapToLong(d -> count(d.text(), "联合国宪章")).sum();

        assertThat(candidate("联合国宪章").orElseThrow().candidate().frequency()).isEqualTo((int) charterInText);
        assertThat(documents.stream().anyMatch(d -> d.text().contains("《联合国宪章》"))).isTrue();
    }

    @Test
    void shouldOfferWholeLongTitlesAndTitlesWithDigitsOrDotsAsCandidates() {
        assertThat(candidate("联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书"))
                .isPresent();
        assertThat(candidate("2030年可持续发展议程").orElseThrow().candidate().frequency()).isEqualTo(5);
        assertThat(candidate("纳尔逊·曼德拉规则")).isPresent();
        // A citation of an official record is not a name.
        assertThat(mined).noneMatch(m -> m.term().startsWith("经济及社会理事会正式记录"));
    }

    private static Optional<MinedCandidate> candidate(String term) {
        return mined.stream().filter(m -> m.term().equals(term)).findFirst();
    }

    private static List<String> formsUnder(String term) {
        return candidate(term).map(m -> m.variants().stream().map(Variant::form).toList()).orElse(List.of());
    }

    private static List<String> symbols(Map<Integer, Integer> byDocument) {
        return byDocument.keySet().stream().map(d -> documents.get(d).symbol()).toList();
    }

    private static long count(String text, String term) {
        long n = 0;
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
            n++;
        }
        return n;
    }
}
