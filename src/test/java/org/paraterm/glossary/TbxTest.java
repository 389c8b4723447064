package org.paraterm.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** TBX-Basic out and in: round trips, both term structures, the starter glossary, bad files. */
class TbxTest {

    @Test
    void shouldKeepEverythingTbxBasicHoldsThroughAnExportAndImport() throws Exception {
        Entry entry = new Entry(7, "counter-terrorism", "出于恐怖目的前往他国的人。", "Individuals who travel abroad <for> terrorism & co.",
                "常见于安理会决议", EntryStatus.APPROVED, null, true,
                List.of(new Term("zh", "外国恐怖主义作战人员", TermType.FULL_FORM, UsageStatus.PREFERRED, null, "S/2020/754", "5."),
                        new Term("zh", "外国恐怖主义战斗人员", TermType.VARIANT, UsageStatus.DEPRECATED, "旧译", null, null),
                        Term.of("en", "foreign terrorist fighters", TermType.FULL_FORM, UsageStatus.PREFERRED),
                        Term.of("en", "FTF", TermType.ABBREVIATION, UsageStatus.ADMITTED)),
                List.of(), "wang", null, "wang", null, 3);
        StringWriter tbx = new StringWriter();

        Tbx.write(List.of(entry), tbx);
        List<Entry> back = Tbx.read(stream(tbx.toString()), "export.tbx", EntryStatus.IN_REVIEW, false);

        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(stream(tbx.toString()));
        assertThat(tbx.toString()).contains("type=\"TBX-Basic\"", "preferredTerm-admn-sts", "deprecatedTerm-admn-sts",
                "&lt;for&gt; terrorism &amp; co.");
        assertThat(back).hasSize(1);
        Entry read = back.get(0);
        assertThat(read.terms()).isEqualTo(entry.terms());
        assertThat(read.subject()).isEqualTo(entry.subject());
        assertThat(read.definitionZh()).isEqualTo(entry.definitionZh());
        assertThat(read.definitionEn()).isEqualTo(entry.definitionEn());
        assertThat(read.note()).isEqualTo(entry.note());
        assertThat(read.status()).isEqualTo(EntryStatus.IN_REVIEW);
    }

    @Test
    void shouldReadTheNtigStructureAndRegionalLanguageCodes() throws Exception {
        String ntig = """
                <martif type="TBX-Basic"><text><body><termEntry id="x">
                  <langSet xml:lang="zh-CN"><ntig><termGrp><term>偷运移民</term>
                    <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig></langSet>
                  <langSet xml:lang="en-GB"><ntig><termGrp><term>smuggling of migrants</term></termGrp></ntig></langSet>
                </termEntry></body></text></martif>""";

        Entry read = Tbx.read(stream(ntig), "ntig.tbx", EntryStatus.APPROVED, false).get(0);

        assertThat(read.preferred("zh").orElseThrow().text()).isEqualTo("偷运移民");
        assertThat(read.terms("en")).extracting(Term::text).containsExactly("smuggling of migrants");
    }

    @Test
    void shouldNameTheLineOfABadFileAndReturnNothing() {
        String unknownStatus = "<martif type=\"TBX-Basic\"><text><body><termEntry>\n<langSet xml:lang=\"zh\">\n"
                + "<tig><term>洗钱</term>\n<termNote type=\"administrativeStatus\">liked</termNote></tig>"
                + "</langSet></termEntry></body></text></martif>";
        String noText = "<martif><text><body><termEntry><langSet xml:lang=\"zh\">\n\n<tig><term> </term></tig>"
                + "</langSet></termEntry></body></text></martif>";
        String broken = "<martif><text><body><termEntry>\n<langSet xml:lang=\"zh\"><tig><term>洗钱</tig>";
        String entity = "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<martif><text><body><termEntry><langSet xml:lang=\"zh\"><tig><term>&secret;</term></tig>"
                + "</langSet></termEntry></body></text></martif>";

        assertThatThrownBy(() -> Tbx.read(stream(unknownStatus), "a.tbx", EntryStatus.APPROVED, false))
                .hasMessageContaining("a.tbx, line 4").hasMessageContaining("unknown administrativeStatus 'liked'");
        assertThatThrownBy(() -> Tbx.read(stream(noText), "b.tbx", EntryStatus.APPROVED, false))
                .hasMessageContaining("line 3").hasMessageContaining("a term without text");
        assertThatThrownBy(() -> Tbx.read(stream(broken), "c.tbx", EntryStatus.APPROVED, false))
                .hasMessageContaining("c.tbx, line 2").hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> Tbx.read(stream(entity), "d.tbx", EntryStatus.APPROVED, false))
                .isInstanceOf(Tbx.TbxException.class).hasMessageNotContaining("root:");
    }

    @Test
    void shouldOfferAStarterGlossaryOfTheCorpussCentralConcepts() throws Exception {
        List<Entry> starter;
        try (InputStream in = Files.newInputStream(Path.of("glossary", "starter.tbx"))) {
            starter = Tbx.read(in, "starter.tbx", EntryStatus.APPROVED, true);
        }

        assertThat(starter).hasSizeGreaterThanOrEqualTo(40)
                .allSatisfy(e -> {
                    assertThat(e.preferred("zh")).isPresent();
                    assertThat(e.preferred("en")).isPresent();
                });
        Entry fighters = starter.stream().filter(e -> e.preferred("zh").orElseThrow().text().equals("外国恐怖主义作战人员"))
                .findFirst().orElseThrow();
        assertThat(fighters.preferred("en").orElseThrow().text()).isEqualTo("foreign terrorist fighters");
        assertThat(fighters.terms("zh")).extracting(Term::text).contains("外国恐怖主义战斗人员");
        assertThat(starter.stream().filter(e -> e.preferred("zh").orElseThrow().text().equals("偷运移民")).findFirst()
                .orElseThrow().preferred("en").orElseThrow().text()).isEqualTo("smuggling of migrants");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
