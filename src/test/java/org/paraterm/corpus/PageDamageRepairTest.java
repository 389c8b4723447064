package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each kind of damage PDF extraction leaves in UN documents, repaired on a real excerpt. */
class PageDamageRepairTest {

    @Test
    void shouldJoinChineseLinesBrokenMidWordWithoutASpace() throws Exception {
        // "国际|刑警组织" is broken over two lines with a blank line between.
        CleanDocument document = Excerpts.readText(Excerpts.lines(Excerpts.INTERPOL, 8, 14));

        assertThat(document.text())
                .contains("其中邀请国际刑事警察组织(国际刑警组织)作为观察员参加其届会和工作")
                .contains("关于联合国同国际刑警组织的合作的决议，并呼吁加强联合国与国际刑警组织之间的合作，")
                .doesNotContain("\n\n")
                .doesNotContain("国际 刑警");
    }

    @Test
    void shouldJoinLatinWordsWithOneSpaceAndRejoinAHyphenatedWord() throws Exception {
        String english = String.join("\n",
                " Recalling its resolution 51/1 of 15 October 1996, in which it invited the Inter-",
                "",
                "national Criminal Police Organization to participate in its sessions as an ",
                "",
                " Welcomes the cooperation of the two organizations in countering the world drug",
                "",
                "problem, ",
                "");

        CleanDocument document = Excerpts.readText(english);

        assertThat(document.language()).isEqualTo("en");
        assertThat(document.paragraphs()).extracting(Paragraph::text).containsExactly(
                "Recalling its resolution 51/1 of 15 October 1996, in which it invited the International "
                        + "Criminal Police Organization to participate in its sessions as an",
                "Welcomes the cooperation of the two organizations in countering the world drug problem,");
    }

    @Test
    void shouldRemoveADocumentSymbolAndJobNumberStandingBetweenTwoHalvesOfASentence() throws Exception {
        // S/2020/754: "这些支助包|" … "S/2020/754" … "20-09860 12/16" … "括：协助…".
        CleanDocument document = Excerpts.readText(Excerpts.lines(Excerpts.REPORT, 805, 839));

        assertThat(document.text())
                .contains("这些支助包括：协助就有组织犯罪与资助恐怖主义之间的联系等问题查明趋势")
                .doesNotContain("S/2020/754")
                .doesNotContain("20-09860")
                .doesNotContain("12/16")
                .doesNotContain("undocs.org");
    }

    @Test
    void shouldRemoveTheHeaderOfTheDraftResolutionBetweenItsPages() throws Exception {
        CleanDocument document = Excerpts.readText(Excerpts.lines(Excerpts.DRAFT, 21, 80));

        assertThat(document.text())
                .doesNotContain("A/C.3/74/L.18")
                .doesNotContain("19-17644")
                .contains("及公众参与的多哈宣言》的重要性，\n欢迎经济及社会理事会关于第十三届联合国预防犯罪和刑事司法大会的后续行动");
        assertThat(document.footnotes()).extracting(Footnote::number).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void shouldRejoinATermSplitByTheLinkListUnderAPage() throws Exception {
        // "毒品和犯|" then four undocs.org links, then "罪问题办公室继续加强…".
        CleanDocument document = Excerpts.readText(Excerpts.lines(Excerpts.REPORT, 897, 907));

        assertThat(document.text()).contains("恐怖主义网络。毒品和犯罪问题办公室继续加强海关和执法人员的能力");
        assertThat(document.citedSymbols()).contains("S/RES/2462(2019)", "S/RES/2482(2019)");
    }

    @Test
    void shouldMoveAFootnoteBlockOutOfTheTextAndRejoinTheSentenceItInterrupted() throws Exception {
        // S/2020/754 paragraph 58 runs on after footnote 2, which fills the bottom of its page.
        CleanDocument document = Excerpts.readText(Excerpts.lines(Excerpts.REPORT, 560, 583));

        assertThat(document.text())
                .contains("将暴力极端主义囚犯与被控犯有非恐怖主义罪行的囚犯分开；密切监视囚犯之间的互动；")
                .doesNotContain("美洲警察共同体")
                .doesNotContain("____");
        assertThat(document.footnotes()).singleElement().satisfies(footnote -> {
            assertThat(footnote.number()).isEqualTo(2);
            assertThat(footnote.text()).startsWith("包括通过以下组织开展的合作：美洲警察共同体；")
                    .contains("欧洲联盟刑事司法合作署")
                    .endsWith("南美洲打击有组织犯罪和恐怖主义情报网。");
        });
    }

    @Test
    void shouldEndAFootnoteBlockWhereTheNextPageBeginsWithoutLinks() throws Exception {
        // A/C.3/74/L.18: footnote 19 ends a page and "日第 71/167 号…" continues the sentence.
        CleanDocument document = Excerpts.readText(Excerpts.lines(Excerpts.DRAFT, 451, 530));

        assertThat(document.text()).contains("补充议定书》和大会2016年12月19日第71/167号、2017年12月19日第72/195号");
        assertThat(document.footnotes()).extracting(Footnote::number).containsExactly(15, 16, 17, 18, 19);
        assertThat(document.footnotes().get(3).text())
                .isEqualTo("见《第八届联合国预防犯罪和罪犯待遇大会，1990年8月27日至9月7日，哈瓦那：秘书处"
                        + "编写的报告》(联合国出版物，出售品编号：C.91.IV.2)，第一章，B 节。");
    }

    @Test
    void shouldReadFootnotesUnderARuleOfSpacesWithLabelsOnTheirOwnLines() throws Exception {
        // A/RES/64/179 draws the rule as spaces and sets every footnote number on its own line.
        CleanDocument document = Excerpts.readText(Excerpts.lines(Excerpts.RES_64_179, 17, 63));

        assertThat(document.footnotes()).extracting(Footnote::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(document.footnotes().get(4).text())
                .isEqualTo("见第62/272号决议；另见《大会正式记录，第六十二届会议，全会》，第117至120次会议"
                        + "(A/62/PV.117-120)和更正。");
        assertThat(document.text())
                .contains("联合国毒品和犯罪问题办公室2008-2011年期间战略，该战略的目的除其他外是提高该办公室")
                .contains("《联合国打击跨国有组织犯罪公约》及其各项《议定书》、《联合国反腐败公约》以及所有国际反恐公约")
                .contains("又重申会员国在2006年9月8日通过的《联合国全球反恐战略》中以及在2008年9月4日和5日对其进行审查时所作的承诺，")
                .contains("强调大会关于加紧努力消除一切形式暴力侵害妇女行为的2006年12月19日第61/143号决议");
    }
}
