package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counts a reader of the five bundled documents agrees with, over the cleaned text and the
 * footnotes: every term split by a line break, page furniture or a footnote block is whole again,
 * and nothing is counted twice.
 */
class CorpusCountsTest {

    private static final List<String> FILES = List.of(Excerpts.INTERPOL, Excerpts.DRAFT, Excerpts.RES_64_179,
            Excerpts.ECOSOC, Excerpts.REPORT);

    @Test
    void shouldCountTermsAsAReaderOfTheDocumentsWould() throws Exception {
        assertThat(count("会员国")).isEqualTo(251);
        assertThat(count("毒品和犯罪问题办公室")).isEqualTo(142);
        assertThat(count("边境安全")).isEqualTo(11);
        assertThat(count("外国恐怖主义作战人员")).isEqualTo(21);
        assertThat(count("偷运移民")).isEqualTo(20);
    }

    @Test
    void shouldLeaveNoPageFurnitureLinksOrRulesInTheText() throws Exception {
        for (String file : FILES) {
            CleanDocument document = Excerpts.read(file);
            assertThat(document.text()).as(file)
                    .doesNotContain("undocs.org")
                    .doesNotContain("___")
                    .doesNotContainPattern("\\d{2}-\\d{5}")
                    .doesNotContainPattern("(?m)^[AES]/[\\w./()]+$")
                    .doesNotContain("  ");
            for (Footnote footnote : document.footnotes()) {
                assertThat(footnote.text()).as(file + " footnote " + footnote.number()).doesNotContain("undocs.org");
            }
        }
    }

    private static int count(String term) throws Exception {
        int total = 0;
        for (String file : FILES) {
            CleanDocument document = Excerpts.read(file);
            total += occurrences(document.matchText(), term);
            for (Footnote footnote : document.footnotes()) {
                total += occurrences(MatchText.of(footnote.text()), term);
            }
        }
        return total;
    }

    private static int occurrences(String text, String term) {
        int count = 0;
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length())) {
            count++;
        }
        return count;
    }
}
