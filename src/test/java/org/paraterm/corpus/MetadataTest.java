package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Symbol, title, date and issuing body come from the text itself, never from the file name. */
class MetadataTest {

    @Test
    void shouldTakeTheSymbolOfAGeneralAssemblyResolutionFromItsNumberedTitle() throws Exception {
        CleanDocument document = Excerpts.read(Excerpts.INTERPOL);

        assertThat(document.symbol()).isEqualTo("A/RES/75/10");
        assertThat(document.title()).isEqualTo("联合国同国际刑事警察组织(国际刑警组织)的合作");
        assertThat(document.date()).isEqualTo(LocalDate.of(2020, 11, 23));
        assertThat(document.body()).isEqualTo("General Assembly");
        assertThat(document.type()).isEqualTo("resolution");
    }

    @Test
    void shouldTakeTheSymbolOfADraftFromItsPageHeader() throws Exception {
        CleanDocument document = Excerpts.read(Excerpts.DRAFT);

        assertThat(document.symbol()).isEqualTo("A/C.3/74/L.18");
        assertThat(document.title()).isEqualTo("加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力");
        assertThat(document.date()).isNull();
        assertThat(document.body()).isEqualTo("General Assembly");
        assertThat(document.type()).isEqualTo("draft resolution");
        assertThat(document.paragraphs()).filteredOn(p -> p.kind() == ParagraphKind.FRONT)
                .extracting(Paragraph::text)
                .containsExactly("第七十四届会议", "议程项目106", "预防犯罪和刑事司法", "意大利：决议草案");
    }

    @Test
    void shouldReadATitleWrappedOverTwoLinesAndTheDatePrintedAboveIt() throws Exception {
        CleanDocument document = Excerpts.read(Excerpts.RES_64_179);

        assertThat(document.symbol()).isEqualTo("A/RES/64/179");
        assertThat(document.title()).isEqualTo("加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力");
        assertThat(document.date()).isEqualTo(LocalDate.of(2009, 12, 18));
    }

    @Test
    void shouldTakeAnEconomicAndSocialCouncilSymbolFromItsCitedHeading() throws Exception {
        CleanDocument document = Excerpts.read(Excerpts.ECOSOC);

        assertThat(document.symbol()).isEqualTo("E/RES/2019/21");
        assertThat(document.title()).isEqualTo("联合国毒品和犯罪问题办公室在反恐方面提供的技术援助");
        assertThat(document.date()).isEqualTo(LocalDate.of(2019, 7, 23));
        assertThat(document.body()).isEqualTo("Economic and Social Council");
    }

    @Test
    void shouldRecogniseAReportOfTheSecretaryGeneral() throws Exception {
        CleanDocument document = Excerpts.read(Excerpts.REPORT);

        assertThat(document.symbol()).isEqualTo("S/2020/754");
        assertThat(document.title()).isEqualTo("会员国和联合国实体为应对恐怖主义与有组织犯罪之间的联系问题而采取的行动");
        assertThat(document.body()).isEqualTo("Secretary-General's report");
        assertThat(document.type()).isEqualTo("report");
    }

    @Test
    void shouldKeepEveryCitedSymbolFromTheTextTheFootnotesAndTheLinks() throws Exception {
        CleanDocument report = Excerpts.read(Excerpts.REPORT);
        CleanDocument ecosoc = Excerpts.read(Excerpts.ECOSOC);

        assertThat(report.citedSymbols())
                .contains("S/RES/2482(2019)", "S/2015/939", "S/2018/1177", "S/2020/493", "A/HRC/16/51",
                        "A/HRC/RES/40/16")
                .doesNotContain("S/2020/754");
        // Links written "S/RES/2462%20(2019)" and a footnote's "2368（2017）" come out in one form.
        assertThat(ecosoc.citedSymbols()).contains("S/RES/2462(2019)", "S/RES/2368(2017)", "E/CN.15/2019/5");
        assertThat(report.references()).filteredOn(r -> r.source() == ReferenceSource.TEXT)
                .allSatisfy(r -> assertThat(report.text(r.span())).isIn("S/2015/939", "S/2018/1177", "S/2020/493",
                        "A/HRC/16/51"));
    }

    @Test
    void shouldLinkACitedResolutionNumberOnlyWhenTheDocumentLinksThatSymbol() throws Exception {
        CleanDocument document = Excerpts.read(Excerpts.INTERPOL);

        assertThat(document.references()).filteredOn(r -> r.source() == ReferenceSource.RESOLUTION)
                .extracting(Reference::symbol)
                .contains("A/RES/51/1", "A/RES/73/187", "E/RES/2019/19");
        assertThat(UnSymbols.undocsUrl("A/RES/51/1")).isEqualTo("https://undocs.org/A/RES/51/1");
    }
}
