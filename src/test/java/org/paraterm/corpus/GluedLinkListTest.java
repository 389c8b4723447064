package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Link lists whose line breaks were lost, and addresses glued to a symbol in the text: a symbol
 * has a grammar (series, then parts between slashes), and a web address after it is not part of it.
 */
class GluedLinkListTest {

    /** The draft's first page, its link list (lines 51–61) glued into one line, as a recombined document had it. */
    static String draftWithGluedLinkList() {
        List<String> lines = new ArrayList<>(Excerpts.allLines(Excerpts.DRAFT).subList(0, 61));
        String glued = String.join("", lines.subList(50, 61))
                + "https://undocs.org/ch/S/RES/2482(2019)https://undocs.org/ch/A/C.3/74/L.18";
        List<String> page = new ArrayList<>(lines.subList(0, 50));
        page.add(glued);
        return String.join("\n", page) + "\n";
    }

    @Test
    void shouldReadEveryLinkOfALinkListWhoseLineBreaksWereLost() throws Exception {
        String text = draftWithGluedLinkList();
        assertThat(text).contains("A/RES/72/196https://undocs.org/ch/A/RES/73/186https://");

        CleanDocument document = Excerpts.readText(text);

        assertThat(document.references()).filteredOn(r -> r.source() == ReferenceSource.LINK)
                .extracting(Reference::symbol)
                .containsExactly("A/RES/46/152", "A/RES/60/1", "A/RES/67/1", "A/RES/69/193", "A/RES/69/196",
                        "A/RES/70/178", "A/RES/70/182", "A/RES/71/209", "A/RES/72/196", "A/RES/73/186",
                        "A/RES/70/174", "S/RES/2482(2019)", "A/C.3/74/L.18");
        assertThat(document.references()).extracting(Reference::symbol)
                .allSatisfy(symbol -> assertThat(symbol).doesNotContain("http", ":").hasSizeLessThanOrEqualTo(100));
    }

    @Test
    void shouldEndASymbolInTheTextWhereAGluedAddressBegins() throws Exception {
        CleanDocument document = Excerpts.readText(" 又重申第 72/196 号决议A/RES/72/196https://undocs.org/ch/S/RES/2482(2019)"
                + "https://undocs.org/ch/A/RES/73/186以及第 A/75/L.20https://undocs.org/ch/A/75/L.20 号文件。 \n");

        assertThat(document.references()).filteredOn(r -> r.source() == ReferenceSource.TEXT)
                .extracting(Reference::symbol).containsExactly("A/RES/72/196", "A/75/L.20");
        assertThat(document.references()).extracting(Reference::symbol)
                .allSatisfy(symbol -> assertThat(symbol).doesNotContain("http"));
    }

    @Test
    void shouldTakeASymbolFromALinkOnlyWhenTheAddressHoldsOneWholeSymbol() {
        assertThat(UnSymbols.fromLink("https://undocs.org/ch/A/RES/72/196")).isEqualTo("A/RES/72/196");
        assertThat(UnSymbols.fromLink("https://undocs.org/S/RES/2462%20(2019)")).isEqualTo("S/RES/2462(2019)");
        assertThat(UnSymbols.fromLink("https://undocs.org/en/A/C.3/74/L.18?lang=en")).isEqualTo("A/C.3/74/L.18");
        assertThat(UnSymbols.fromLink("https://undocs.org/ch/A/RES/72/196https://undocs.org/ch/S/RES/2482(2019)"))
                .isNull();
        assertThat(UnSymbols.fromLink("https://undocs.org/ch/A/" + "1/".repeat(80) + "2")).isNull();
        assertThat(UnSymbols.links("https://undocs.org/ch/A/RES/72/196https://undocs.org/ch/S/RES/2482(2019)"))
                .containsExactly("https://undocs.org/ch/A/RES/72/196", "https://undocs.org/ch/S/RES/2482(2019)");
    }
}
