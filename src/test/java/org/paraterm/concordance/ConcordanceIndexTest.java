package org.paraterm.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.corpus.CorpusLoader;

/** The index in the data folder follows the database across restarts, and is rebuilt when lost. */
class ConcordanceIndexTest {

    @TempDir
    Path data;

    private ApplicationContext open() {
        Map<String, Object> properties = new java.util.HashMap<>(org.paraterm.TestDatabase.properties(data));
        properties.put("paraterm.data", data.toString());
        return ApplicationContext.run(properties);
    }

    private static int count(ApplicationContext context, String query) throws Exception {
        try (CorpusIndex.View view = context.getBean(ConcordanceIndex.class).view()) {
            return HitList.find(view, ConcordanceQuery.parse(query), ConcordanceFilter.ALL).total();
        }
    }

    @Test
    void shouldKeepTheIndexAcrossRestartsAndRebuildItWhenItIsGone() throws Exception {
        try (ApplicationContext context = open()) {
            context.getBean(CorpusLoader.class).load(Path.of("glossary", "corpus", "un-zh"), (d, t, r) -> { });
            assertThat(context.getBean(ConcordanceIndex.class).synchronize()).isEqualTo(5);
            assertThat(count(context, "会员国")).isEqualTo(251);
        }
        assertThat(data.resolve("index")).isDirectory();

        try (ApplicationContext context = open()) {
            assertThat(context.getBean(ConcordanceIndex.class).synchronize()).isZero();
            assertThat(count(context, "毒品和犯罪问题办公室")).isEqualTo(142);
        }

        try (Stream<Path> files = Files.walk(data.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (ApplicationContext context = open()) {
            assertThat(count(context, "会员国")).isEqualTo(251);
            assertThat(context.getBean(ConcordanceIndex.class).synchronize()).isZero();
        }
    }
}
