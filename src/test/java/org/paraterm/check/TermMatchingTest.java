package org.paraterm.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paraterm.corpus.MatchText;

/** Finding glossary terms in a text: the automaton and the index over the starter glossary. */
class TermMatchingTest {

    private static TermIndex starter;

    @BeforeAll
    static void index() throws Exception {
        starter = TermIndex.of(StarterGlossary.entries());
    }

    @Test
    void shouldFindEveryOccurrenceOfEveryPatternWithItsOffsets() {
        TermAutomaton automaton = TermAutomaton.of(List.of("恐怖主义", "暴力极端主义", "极端"));
        String text = "打击恐怖主义和暴力极端主义，恐怖主义";

        List<TermAutomaton.Hit> hits = automaton.find(text, TermAutomaton.Acceptable.ANYWHERE);

        assertThat(hits).containsExactly(new TermAutomaton.Hit(2, 6, 0), new TermAutomaton.Hit(7, 13, 1),
                new TermAutomaton.Hit(14, 18, 0));
    }

    @Test
    void shouldLetTheLongestTermWinOverTheShorterTermsNestedInIt() {
        String text = "打击外国恐怖主义作战人员的流动";

        List<TermIndex.Found> found = starter.find(MatchText.of(text));

        assertThat(found).extracting(f -> text.substring(f.start(), f.end())).containsExactly("外国恐怖主义作战人员");
        assertThat(found.get(0).start()).isEqualTo(2);
        assertThat(found.get(0).end()).isEqualTo(12);
        assertThat(found.get(0).term().english()).isEqualTo("foreign terrorist fighters");
    }

    @Test
    void shouldTakeTheLeftmostOfTwoOverlappingTermsAndDropTheOther() {
        // 跨国有组织犯罪 and 有组织犯罪集团 overlap in 跨国有组织犯罪集团: the leftmost wins whole,
        // the other is not cut to fit; 有组织犯罪集团 alone is found whole, not as 有组织犯罪.
        String text = "跨国有组织犯罪集团，有组织犯罪集团";

        List<TermIndex.Found> found = starter.find(MatchText.of(text));

        assertThat(found).extracting(f -> text.substring(f.start(), f.end()))
                .containsExactly("跨国有组织犯罪", "有组织犯罪集团");
        assertThat(found).extracting(TermIndex.Found::start).containsExactly(0, 10);
    }

    @Test
    void shouldMatchATermWrittenWithFullWidthDigitsButNotInsideALongerNumber() {
        String text = "执行《２０３０年议程》和12030年议程";

        List<TermIndex.Found> found = starter.find(MatchText.of(text));

        assertThat(found).extracting(f -> text.substring(f.start(), f.end())).containsExactly("２０３０年议程");
        assertThat(found.get(0).term().text()).isEqualTo("2030年议程");
    }

    @Test
    void shouldFindTheStarterTermsOfARealParagraphAtExactOffsets() throws Exception {
        String paragraph = StarterGlossary.paragraphWith("外国恐怖主义作战人员");

        List<TermIndex.Found> found = starter.find(MatchText.of(paragraph));

        assertThat(found).isNotEmpty();
        for (TermIndex.Found f : found) {
            assertThat(MatchText.of(paragraph.substring(f.start(), f.end()))).isEqualTo(MatchText.of(f.term().text()));
        }
        assertThat(found).extracting(f -> f.term().text()).contains("外国恐怖主义作战人员")
                .doesNotContain("恐怖主义");
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
        }
    }

    @Test
    void shouldFindAsManyOccurrencesAsAPlainSearchOnAWholeDocument() throws Exception {
        String text = StarterGlossary.read(StarterGlossary.CORPUS.resolve("000_feb26cac1e66415a.txt")).text();
        String unified = MatchText.of(text);

        long found = starter.find(unified).stream().filter(f -> f.term().text().equals("外国恐怖主义战斗人员")).count();

        int plain = 0;
        for (int at = unified.indexOf("外国恐怖主义战斗人员"); at >= 0; at = unified.indexOf("外国恐怖主义战斗人员", at + 1)) {
            plain++;
        }
        assertThat(plain).isPositive();
        assertThat(found).isEqualTo(plain);
    }
}
