package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Footnote numbers glued to the text leave it and become marks that link to their footnote. */
class FootnoteMarkTest {

    @Test
    void shouldTakeANumberGluedToAWordOutOfTheTextAndMarkItsPlace() throws Exception {
        // "又回顾 1997 年联合国与国际刑警组织之间的合作协定1 以及双方所有其他|相关合作协定，"
        CleanDocument document = Excerpts.readText(Excerpts.lines(Excerpts.INTERPOL, 1, 41));

        String text = document.text();
        assertThat(text).contains("又回顾1997年联合国与国际刑警组织之间的合作协定以及双方所有其他相关合作协定，");
        FootnoteMark mark = marks(document).get(0);
        assertThat(mark.number()).isEqualTo(1);
        assertThat(text.substring(mark.offset() - 4, mark.offset())).isEqualTo("合作协定");
        assertThat(document.footnotes()).extracting(Footnote::number, Footnote::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "联合国，《条约汇编》，第1996卷，第1200号。"));
    }

    @Test
    void shouldTakeNumbersAfterTitlesAndClausePunctuationOutButKeepRealNumbers() throws Exception {
        // "…《联合国打击跨国有组织犯罪公约》10 和《联合国反腐败公约》…" and, three paragraphs on,
        // "《联合国全球反恐战略》11 中": both marks; "2006 年 9 月 8 日" stays.
        CleanDocument document = Excerpts.read(Excerpts.DRAFT);

        assertThat(document.text())
                .contains("认识到《联合国打击跨国有组织犯罪公约》和《联合国反腐败公约》因其接近普遍加入")
                .contains("重申会员国在2006年9月8日通过的《联合国全球反恐战略》中以及在其后历次半年度审查期间")
                .contains("可持续发展目标7的适当应对措施");
        assertThat(marks(document)).extracting(FootnoteMark::number).contains(10, 11, 24);
        assertThat(document.text()).doesNotContainPattern("》\\d{1,2}[和中及]");
    }

    @Test
    void shouldMarkAFootnoteNumberFollowedByPunctuationOrATitle() throws Exception {
        CleanDocument ecosoc = Excerpts.read(Excerpts.ECOSOC);
        CleanDocument draft = Excerpts.read(Excerpts.DRAFT);

        assertThat(ecosoc.text()).contains("回顾《和平文化宣言和行动纲领》和《不同文明对话全球议程》，");
        assertThat(marks(ecosoc)).extracting(FootnoteMark::number).startsWith(1, 2, 3, 4);
        assertThat(draft.text()).contains("行动纲领》，《联合国打击跨国有组织犯罪公约关于打击非法制造和贩运枪支");
    }

    @Test
    void shouldMarkEveryFootnoteOfEachDocumentAtLeastOnce() throws Exception {
        for (String file : List.of(Excerpts.INTERPOL, Excerpts.DRAFT, Excerpts.RES_64_179, Excerpts.ECOSOC,
                Excerpts.REPORT)) {
            CleanDocument document = Excerpts.read(file);
            List<Integer> marked = marks(document).stream().map(FootnoteMark::number).distinct().sorted().toList();
            assertThat(marked).as(file)
                    .containsExactlyElementsOf(document.footnotes().stream().map(Footnote::number).toList());
        }
    }

    @Test
    void shouldMakeAFootnoteLabelOnItsOwnLineAMark() throws Exception {
        // A/RES/64/179: "…2008-2011 年期间战略，|1 |该战略的目的…"
        CleanDocument document = Excerpts.read(Excerpts.RES_64_179);

        FootnoteMark first = marks(document).get(0);
        assertThat(first.number()).isEqualTo(1);
        assertThat(document.text().substring(first.offset() - 3, first.offset() + 3)).isEqualTo("战略，该战略");
    }

    private static List<FootnoteMark> marks(CleanDocument document) {
        return document.paragraphs().stream().flatMap(p -> p.marks().stream()).toList();
    }
}
