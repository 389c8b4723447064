package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spaces that PDF extraction puts into Chinese text go; the ones Chinese typography keeps stay. */
class SpacingTest {

    @Test
    void shouldJoinSpacedOutDigitsOfADate() throws Exception {
        CleanDocument document = Excerpts.read(Excerpts.RES_64_179);

        assertThat(document.paragraphs().get(0).text()).isEqualTo("2009年12月18日大会决议");
    }

    @Test
    void shouldRemoveSpacesBetweenDigitsAndChineseCharacters() throws Exception {
        CleanDocument document = Excerpts.readText(Excerpts.lines(Excerpts.INTERPOL, 8, 14));

        assertThat(document.text()).startsWith("回顾其1996年10月15日第51/1号决议，");
    }

    @Test
    void shouldKeepTheSpaceBetweenALatinWordAndChinese() throws Exception {
        CleanDocument document = Excerpts.read(Excerpts.INTERPOL);

        assertThat(document.text()).contains("指纹数据库、DNA 特征数据库和面部识别系统");
    }

    @Test
    void shouldUnifyBracketWidthsForMatchingAndKeepTheOriginalForDisplay() throws Exception {
        CleanDocument document = Excerpts.read(Excerpts.ECOSOC);

        int at = document.text().indexOf("国际刑事警察组织（国际刑警组织）");
        assertThat(at).isPositive();
        assertThat(document.matchText().substring(at, at + 16)).isEqualTo("国际刑事警察组织(国际刑警组织)");
        assertThat(document.matchText()).hasSameSizeAs(document.text());
    }
}
