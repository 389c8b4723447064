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
 * A folder of parallel text into a real database: each source whole or not at all, checked by the
 * language guard, reported by name; excerpts cut from the UNPC development set.
 */
class ParallelLoaderTest {

    static final Path DEV = Path.of("glossary/corpus/parallel/unpc-dev");

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
    void shouldLoadALinePairAndATmxAndChangeNothingTheSecondTime() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("in"));
        excerpt(folder.resolve("dev100"), 0, 100, true);
        Files.copy(TmxReaderTest.EXCERPT, Files.createDirectories(folder.resolve("memories")).resolve("unpc.tmx"));

        List<ParallelLoader.SourceResult> first = loader.load(folder);
        List<ParallelLoader.SourceResult> second = loader.load(folder);

        assertThat(first).extracting(ParallelLoader.SourceResult::describe).containsExactly(
                "loaded parallel dev100: 100 units",
                "loaded parallel memories/unpc.tmx: 6 units (3 translation units without both zh and en skipped)");
        assertThat(second).extracting(ParallelLoader.SourceResult::outcome)
                .containsOnly(ParallelStore.Outcome.UNCHANGED);
        assertThat(store.count()).isEqualTo(106);
        assertThat(store.all().get(0).document()).isEqualTo("A/69/767");
    }

    @Test
    void shouldReplaceALinePairWhoseFilesChanged() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("in"));
        excerpt(folder.resolve("dev"), 0, 100, false);
        loader.load(folder);

        excerpt(folder.resolve("dev"), 100, 150, false);
        List<ParallelLoader.SourceResult> again = loader.load(folder);

        assertThat(again).extracting(ParallelLoader.SourceResult::describe).containsExactly("replaced parallel dev: 50 units");
        assertThat(store.count()).isEqualTo(50);
        assertThat(store.all().get(0).document()).as("no .ids: the stem names the document").isEqualTo("dev");
    }

    @Test
    void shouldRefuseSwappedFilesNamingTheChineseFileAndStoreNothing() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("in"));
        List<String> zh = lines("UNv1.0.devset.zh").subList(200, 260);
        List<String> en = lines("UNv1.0.devset.en").subList(200, 260);
        Files.write(folder.resolve("swapped.zh"), en, StandardCharsets.UTF_8);
        Files.write(folder.resolve("swapped.en"), zh, StandardCharsets.UTF_8);

        List<ParallelLoader.SourceResult> results = loader.load(folder);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.refused()).isTrue();
            assertThat(result.describe()).isEqualTo(
                    "refused parallel swapped.zh: the text claims to be Chinese but reads as English (eng)");
        });
        assertThat(store.count()).isZero();
        assertThat(store.sources()).isEmpty();
    }

    @Test
    void shouldRefuseAnEnglishFileHoldingChineseNamingIt() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("in"));
        List<String> zh = lines("UNv1.0.devset.zh").subList(300, 340);
        Files.write(folder.resolve("twice.zh"), zh, StandardCharsets.UTF_8);
        Files.write(folder.resolve("twice.en"), zh, StandardCharsets.UTF_8);

        assertThat(loader.load(folder)).singleElement().extracting(ParallelLoader.SourceResult::describe)
                .isEqualTo("refused parallel twice.en: the text claims to be English but reads as Chinese (cmn)");
        assertThat(store.count()).isZero();
    }

    @Test
    void shouldRefuseABrokenTmxWithItsLineAndKeepTheStoredSourcesAsTheyWere() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("in"));
        Files.copy(TmxReaderTest.EXCERPT, folder.resolve("memories.tmx"));
        loader.load(folder);
        List<ParallelUnit> before = store.all();

        Files.copy(TmxReaderTest.BROKEN, folder.resolve("memories.tmx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<ParallelLoader.SourceResult> results = loader.load(folder);

        assertThat(results).singleElement().extracting(ParallelLoader.SourceResult::describe).asString()
                .startsWith("refused parallel memories.tmx:20: not well-formed XML");
        assertThat(store.all()).isEqualTo(before);
        assertThat(store.sources()).singleElement().extracting(ParallelSource::units).isEqualTo(6);
    }

    @Test
    void shouldRefuseAPairWithALineMissingOnOneSideAtThatLine() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("in"));
        List<String> zh = lines("UNv1.0.devset.zh").subList(0, 30);
        List<String> en = new java.util.ArrayList<>(lines("UNv1.0.devset.en").subList(0, 30));
        en.set(11, "");
        Files.write(folder.resolve("gap.zh"), zh, StandardCharsets.UTF_8);
        Files.write(folder.resolve("gap.en"), en, StandardCharsets.UTF_8);
        Files.write(folder.resolve("orphan.en"), en.subList(0, 3), StandardCharsets.UTF_8);

        assertThat(loader.load(folder)).extracting(ParallelLoader.SourceResult::describe).containsExactly(
                "refused parallel gap.en:12: the line is empty but its translation is not",
                "refused parallel orphan.en: its Chinese side orphan.zh is missing");
        assertThat(store.count()).isZero();
    }

    /** Lines [from, to) of the development set as NAME.zh, NAME.en and, if asked, NAME.ids. */
    static void excerpt(Path stem, int from, int to, boolean ids) throws Exception {
        for (String language : ids ? new String[] {"zh", "en", "ids"} : new String[] {"zh", "en"}) {
            Files.write(stem.resolveSibling(stem.getFileName() + "." + language),
                    lines("UNv1.0.devset." + language).subList(from, to), StandardCharsets.UTF_8);
        }
    }

    static List<String> lines(String file) throws Exception {
        return Files.readAllLines(DEV.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void shouldAlignDocumentPairsWithTheTermPairsOfTheApprovedGlossary() throws Exception {
        DocumentPairReader reader = context.getBean(DocumentPairReader.class);
        assertThat(reader.dictionary().size()).isZero();

        try (java.io.InputStream in = java.nio.file.Files.newInputStream(Path.of("glossary", "starter.tbx"))) {
            context.getBean(org.paraterm.glossary.GlossaryStore.class).createAll(org.paraterm.glossary.Tbx.read(in,
                    "starter.tbx", org.paraterm.glossary.EntryStatus.APPROVED, true), "starter", "starter glossary");
        }

        assertThat(reader.dictionary().size()).as("Chinese terms of the 45 approved starter entries")
                .isGreaterThanOrEqualTo(45);
    }
}
