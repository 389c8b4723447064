package org.paraterm.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paraterm.corpus.UnreadableDocumentException;

/**
 * A document pair cut from real UN text (A/AC.109/2015/9, sentences of the UNPC development set)
 * laid out as PDF extracts: page headers and job numbers, lines broken inside words, blank lines,
 * and an English heading the Chinese does not have.
 */
class DocumentPairAlignerTest {

    private static final Path FOLDER = Path.of("src/test/resources/parallel");

    @Test
    void shouldPairEachChineseSentenceWithItsTranslationAcrossPageBreaks() throws Exception {
        List<ParallelUnit> units = align(AlignmentDictionary.empty());

        Map<String, String> pairs = Map.of(
                "无表决权", "the right to vote",
                "枢密院司法委员会", "Privy Council",
                "30%利润税", "30 per cent",
                "联合王国继续支持蒙特塞拉特发展公司", "Montserrat Development Corporation",
                "航空安全支助国际", "Air Safety Support International",
                "2013年11月", "November 2013 decision",
                "海外领土公民", "27. Citizens from overseas territories",
                "北大西洋巡逻", "North Atlantic",
                "安圭拉", "Anguilla",
                "国际货币基金组织", "International Monetary Fund");
        pairs.forEach((zh, en) -> {
            ParallelUnit unit = units.stream().filter(u -> u.zh().contains(zh)).findFirst().orElseThrow();
            assertThat(unit.en()).as("the translation of %s", zh).contains(en);
        });
        // The last two sentences come out as one 2-2 unit: the English-only heading "Education and
        // training" is glued to the last sentence, and a list of place names is short in English.
        assertThat(units.stream().filter(ParallelUnit::confidentOneToOne).count()).isEqualTo(8);
        assertThat(units.get(units.size() - 1)).extracting(ParallelUnit::zhSentences, ParallelUnit::enSentences)
                .containsExactly(2, 2);
        assertThat(units).allSatisfy(unit -> assertThat(unit.document()).isEqualTo("A/AC.109/2015/9"));
        assertThat(String.join("", units.stream().map(ParallelUnit::zh).toList())).doesNotContain("15-02345");
    }

    @Test
    void shouldNameTheSideThatCannotBeRead() throws Exception {
        byte[] english = Files.readAllBytes(FOLDER.resolve("montserrat.en.txt"));

        UnreadableDocumentException error = assertThrows(UnreadableDocumentException.class,
                () -> new DocumentPairAligner().align("montserrat", new byte[0], english, AlignmentDictionary.empty()));

        assertThat(error.getMessage()).startsWith("montserrat (Chinese): ");
    }

    @Test
    void shouldLetDictionaryPairsBeWhatTheyAre() throws Exception {
        AlignmentDictionary dictionary = AlignmentDictionary.of(Map.of(
                "国际货币基金组织", List.of("International Monetary Fund"),
                "欧洲联盟", List.of("European Union")));

        List<ParallelUnit> units = align(dictionary);

        ParallelUnit fund = units.stream().filter(u -> u.zh().contains("国际货币基金组织")).findFirst().orElseThrow();
        assertThat(fund.en()).contains("International Monetary Fund");
        assertThat(dictionary.chineseEntries(fund.zh())).isEqualTo(dictionary.englishEntries(fund.en()));
        assertThat(dictionary.englishEntries("the european unions of the north").cardinality()).isEqualTo(1);
        assertThat(dictionary.englishEntries("a European Unionist").cardinality()).isZero();
    }

    private static List<ParallelUnit> align(AlignmentDictionary dictionary) throws Exception {
        return new DocumentPairAligner().align("montserrat", Files.readAllBytes(FOLDER.resolve("montserrat.zh.txt")),
                Files.readAllBytes(FOLDER.resolve("montserrat.en.txt")), dictionary);
    }
}
