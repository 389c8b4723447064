package org.paraterm.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestDatabase;

/**
 * Document pairs {@code NAME.zh.txt} + {@code NAME.en.txt} aligned and stored: a pair cut from the
 * twelve UNPC development lines of NPT/CONF.2015/13, put back in document order (the .ids give
 * each line's paragraph and sentence), one sentence a paragraph, the English with its paragraph
 * numbers ("50.", "57.") that the Chinese lines lack.
 */
class DocumentPairImportTest {

    static final Path ZH = Path.of("src/test/resources/parallel/npt-conf-2015-13.zh.txt");
    static final Path EN = Path.of("src/test/resources/parallel/npt-conf-2015-13.en.txt");

    @TempDir
    Path temp;

    private ApplicationContext context;
    private ParallelLoader loader;
    private ParallelStore store;

    @BeforeEach
    void start() {
        context = ApplicationContext.run(TestDatabase.properties(temp.resolve("db")));
        loader = context.getBean(ParallelLoader.class);
        store = context.getBean(ParallelStore.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void shouldAlignADocumentPairAndStoreItsUnitsInOrder() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("in"));
        Files.copy(ZH, folder.resolve("npt.zh.txt"));
        Files.copy(EN, folder.resolve("npt.en.txt"));

        List<ParallelLoader.SourceResult> results = loader.load(folder);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.refused()).as(result.describe()).isFalse();
            assertThat(result.format()).isEqualTo(ParallelSource.DOCUMENTS);
        });
        List<ParallelUnit> units = store.all();
        assertThat(units).hasSize(results.get(0).units());
        String joined = String.join("", units.stream().map(ParallelUnit::zh).toList()).replaceAll("\\s", "");
        int at = 0;
        for (String sentence : Files.readAllLines(ZH, StandardCharsets.UTF_8).subList(2, 25)) {
            if (!sentence.isBlank()) {
                int found = joined.indexOf(sentence.replaceAll("\\s", ""), at);
                assertThat(found).as("in order: " + sentence).isGreaterThanOrEqualTo(at);
                at = found + 1;
            }
        }
        // the reader joins the one-line headings "信息分析" and "Outreach" to the paragraph after them,
        // on both sides alike; the aligner still pairs every sentence with its translation
        assertThat(units).allSatisfy(unit -> {
            assertThat(unit.confidentOneToOne()).as(unit.zh()).isTrue();
            assertThat(unit.document()).as("no symbol read from the text: the source names it").isEqualTo("npt");
        });
        assertThat(units).filteredOn(unit -> unit.zh().startsWith("信息分析原子能机构极为重视")).singleElement()
                .extracting(ParallelUnit::en).asString().startsWith("Information analysis IAEA places great value");
        assertThat(units).filteredOn(unit -> unit.zh().startsWith("外联与会者")).singleElement()
                .extracting(ParallelUnit::en).asString().startsWith("Outreach Presentations were delivered");
        assertThat(units).filteredOn(unit -> unit.zh().startsWith("2010年审议大会重申")).singleElement()
                .extracting(ParallelUnit::en).asString().startsWith("57. The 2010 Review Conference reaffirmed");

        assertThat(loader.load(folder)).singleElement().extracting(ParallelLoader.SourceResult::outcome)
                .isEqualTo(ParallelStore.Outcome.UNCHANGED);
    }

    @Test
    void shouldRefuseADocumentPairWithTheSidesSwappedNamingTheFile() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("in"));
        Files.copy(EN, folder.resolve("npt.zh.txt"));
        Files.copy(ZH, folder.resolve("npt.en.txt"));

        assertThat(loader.load(folder)).singleElement().extracting(ParallelLoader.SourceResult::describe)
                .isEqualTo("refused parallel npt.zh.txt: the text claims to be Chinese but reads as English (eng)");
        assertThat(store.count()).isZero();
    }

    @Test
    void shouldRefuseAnEnglishDocumentWithoutItsChineseSide() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("in"));
        Files.writeString(folder.resolve("npt.en.txt"), Files.readString(EN, StandardCharsets.UTF_8));

        assertThat(loader.load(folder)).singleElement().extracting(ParallelLoader.SourceResult::describe)
                .isEqualTo("refused parallel npt.en.txt: an English document without its Chinese side npt.zh.txt");
    }
}
