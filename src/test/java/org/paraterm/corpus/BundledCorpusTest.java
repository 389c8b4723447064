package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five bundled documents are found from the project folder and from anywhere else. */
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
}
