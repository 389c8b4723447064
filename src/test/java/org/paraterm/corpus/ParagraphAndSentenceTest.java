package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Paragraphs and sentences recovered from the line soup, with offsets into the cleaned text. */
class ParagraphAndSentenceTest {

    @Test
    void shouldRecoverTheNumberedParagraphsOfAReport() throws Exception {
        CleanDocument report = Excerpts.read(Excerpts.REPORT);

        List<Paragraph> numbered = report.paragraphs().stream()
                .filter(p -> p.kind() == ParagraphKind.NUMBERED).toList();
        assertThat(numbered).hasSize(117);
        assertThat(numbered).extracting(Paragraph::label).startsWith("1.", "2.", "3.").endsWith("116.", "117.");
        assertThat(report.paragraphs()).filteredOn(p -> p.kind() == ParagraphKind.HEADING)
                .extracting(Paragraph::text).contains("一. 导言", "A. 立法应对", "四. 结论意见");
    }

    @Test
    void shouldTellPreambularFromOperativeParagraphsOfAResolution() throws Exception {
        CleanDocument resolution = Excerpts.read(Excerpts.INTERPOL);

        assertThat(resolution.paragraphs()).extracting(Paragraph::kind).startsWith(
                ParagraphKind.TITLE, ParagraphKind.HEADING, ParagraphKind.PREAMBULAR);
        List<Paragraph> operative = resolution.paragraphs().stream()
                .filter(p -> p.kind() == ParagraphKind.OPERATIVE).toList();
        assertThat(operative.get(0).text()).startsWith("1. 呼吁联合国和国际刑事警察组织");
        assertThat(operative).extracting(Paragraph::label).contains("16.", "(a)", "(e)");
        assertThat(resolution.paragraphs()).filteredOn(p -> p.kind() == ParagraphKind.PREAMBULAR).hasSize(21);
        assertThat(resolution.paragraphs()).filteredOn(p -> p.kind() == ParagraphKind.CLOSING)
                .extracting(Paragraph::text).containsExactly("2020年11月23日", "第30次全体会议");
    }

    @Test
    void shouldSplitSentencesAtChinesePunctuationButNeverInsideATitleOrBrackets() throws Exception {
        String text = "又欢迎经济及社会理事会关于《打击犯罪；保护受害者。》的决议(第一部分；第二部分)。"
                + "二是加强合作！三是“提高能力；改进方法。”四是评估；\n";

        CleanDocument document = Excerpts.readText(text);

        assertThat(document.sentences()).extracting(s -> document.text(s.span())).containsExactly(
                "又欢迎经济及社会理事会关于《打击犯罪；保护受害者。》的决议(第一部分；第二部分)。",
                "二是加强合作！",
                "三是“提高能力；改进方法。”",
                "四是评估；");
    }

    @Test
    void shouldGiveEverySentenceOffsetsInsideItsParagraph() throws Exception {
        CleanDocument report = Excerpts.read(Excerpts.REPORT);

        int index = 0;
        for (Paragraph paragraph : report.paragraphs()) {
            assertThat(report.text(paragraph.span())).isEqualTo(paragraph.text());
            for (Sentence sentence : paragraph.sentences()) {
                assertThat(sentence.index()).isEqualTo(index++);
                assertThat(sentence.span().start()).isGreaterThanOrEqualTo(paragraph.start());
                assertThat(sentence.span().end()).isLessThanOrEqualTo(paragraph.end());
            }
        }
        assertThat(report.sentences().size()).isGreaterThan(250);
    }

    @Test
    void shouldKeepATitleWithAFullStopInsideItInOneSentence() throws Exception {
        CleanDocument report = Excerpts.read(Excerpts.REPORT);

        assertThat(report.sentences()).extracting(s -> report.text(s.span()))
                .contains("该办公室的《恐怖主义刑事司法对策中的性别层面手册》为各国提供了指导，"
                        + "说明了如何采取对性别敏感和以受害者为中心的方法处理恐怖团体贩运人口的问题。");
    }
}
