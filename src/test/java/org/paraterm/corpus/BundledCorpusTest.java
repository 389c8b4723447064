package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five bundled documents and the parallel development set are found from the project folder
 * and from anywhere else.
 */
class BundledCorpusTest {

    @Test
    void shouldFindTheFiveDocumentsOnDiskFromTheProjectFolder() throws Exception {
        try (BundledCorpus corpus = BundledCorpus.open(Path.of(""))) {
            assertThat(corpus.folder()).isEqualTo(Path.of("glossary", "corpus", "un-zh"));
            assertThat(CorpusLoader.documents(corpus.folder())).hasSize(5);
        }
    }

    @Test
    void shouldFallBackToThePackedCopyFromAnotherFolder(@TempDir Path elsewhere) throws Exception {
        try (BundledCorpus corpus = BundledCorpus.open(elsewhere)) {
            assertThat(corpus.folder().startsWith(elsewhere)).isFalse();
            assertThat(CorpusLoader.documents(corpus.folder()))
                    .extracting(file -> file.getFileName().toString())
                    .containsExactly("000_feb26cac1e66415a.txt", "001_6ac443a3a27de7fa.txt", "002_301916e16f1a9f54.txt",
                            "003_084c51de261bf550.txt", "004_9d7d9abcfa7e8f17.txt");
            Path interpol = corpus.folder().resolve("000_feb26cac1e66415a.txt");
            assertThat(Files.readString(interpol)).contains("国际刑警组织");
        }
    }

    @Test
    void shouldFindTheParallelDevelopmentSetOnDiskAndPacked(@TempDir Path elsewhere) throws Exception {
        try (BundledCorpus onDisk = BundledCorpus.openParallel(Path.of(""));
             BundledCorpus packed = BundledCorpus.openParallel(elsewhere)) {
            assertThat(onDisk.folder()).isEqualTo(Path.of("glossary", "corpus", "parallel", "unpc-dev"));
            assertThat(packed.folder().startsWith(elsewhere)).isFalse();
            assertThat(Files.readAllLines(packed.folder().resolve("UNv1.0.devset.zh"))).hasSize(4000)
                    .startsWith("第六十九届会议");
        }
    }
}
