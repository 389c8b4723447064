package org.paraterm.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestDatabase;

/** Parallel units in a real H2 database: one transaction per source, unchanged by hash, replaced when changed. */
class ParallelStoreTest {

    static final Path UNPC_DEV = Path.of("glossary/corpus/parallel/unpc-dev/UNv1.0.devset.zh");

    @TempDir
    Path temp;

    private ApplicationContext context;
    private ParallelStore store;

    @BeforeEach
    void start() {
        context = ApplicationContext.run(TestDatabase.properties(temp.resolve("db")));
        store = context.getBean(ParallelStore.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void shouldGiveBackTheUnpcDevelopmentSetInOrderWithItsDocumentSymbols() throws Exception {
        List<ParallelUnit> units = LinePairs.read(UNPC_DEV);

        ParallelStore.Outcome outcome = store.save("unpc-dev", ParallelSource.LINES, "a".repeat(64), units);

        assertThat(outcome).isEqualTo(ParallelStore.Outcome.LOADED);
        assertThat(store.count()).isEqualTo(4000);
        assertThat(store.all()).isEqualTo(units);
        assertThat(store.all().get(0)).isEqualTo(ParallelUnit.given("第六十九届会议", "Sixty-ninth session", "A/69/767"));
        assertThat(store.sources()).singleElement().satisfies(source -> {
            assertThat(source.name()).isEqualTo("unpc-dev");
            assertThat(source.format()).isEqualTo("lines");
            assertThat(source.units()).isEqualTo(4000);
        });
    }

    @Test
    void shouldChangeNothingForTheSameHashAndReplaceTheWholeSourceForAnother() throws Exception {
        List<ParallelUnit> units = LinePairs.read(UNPC_DEV).subList(0, 20);
        store.save("excerpt", ParallelSource.LINES, "a".repeat(64), units);
        long loaded = store.version();

        assertThat(store.save("excerpt", ParallelSource.LINES, "a".repeat(64), units.subList(0, 5)))
                .isEqualTo(ParallelStore.Outcome.UNCHANGED);
        assertThat(store.count()).isEqualTo(20);
        assertThat(store.version()).isEqualTo(loaded);

        assertThat(store.save("excerpt", ParallelSource.LINES, "b".repeat(64), units.subList(10, 15)))
                .isEqualTo(ParallelStore.Outcome.REPLACED);
        assertThat(store.all()).isEqualTo(units.subList(10, 15));
        assertThat(store.version()).isNotEqualTo(loaded);
    }

    @Test
    void shouldChangeTheVersionOnEveryLoadAndRemovalAsAnotherInstanceOnTheSameDatabaseSeesIt() throws Exception {
        List<ParallelUnit> units = LinePairs.read(UNPC_DEV).subList(0, 3);
        // The other instance asks the database on every call (no check interval), as this test asks after each change.
        java.util.Map<String, Object> immediate = new java.util.HashMap<>(TestDatabase.properties(temp.resolve("db")));
        immediate.put("paraterm.check-interval", "0s");
        try (ApplicationContext other = ApplicationContext.run(immediate)) {
            ParallelStore elsewhere = other.getBean(ParallelStore.class);
            List<Long> versions = new ArrayList<>(List.of(store.version()));
            store.save("one", ParallelSource.LINES, "a".repeat(64), units);
            versions.add(elsewhere.version());
            store.save("two", ParallelSource.TMX, "b".repeat(64), units);
            versions.add(elsewhere.version());
            assertThat(store.remove("two")).isTrue();
            versions.add(elsewhere.version());
            store.save("two", ParallelSource.TMX, "b".repeat(64), units);
            versions.add(elsewhere.version());
            store.save("two", ParallelSource.TMX, "c".repeat(64), units);
            versions.add(elsewhere.version());
            assertThat(store.remove("one")).isTrue();
            versions.add(elsewhere.version());
            assertThat(store.remove("one")).isFalse();
            versions.add(elsewhere.version());

            for (int i = 1; i < versions.size() - 1; i++) {
                assertThat(versions.get(i)).as("after change " + i).isNotEqualTo(versions.get(i - 1));
            }
            assertThat(versions.get(versions.size() - 1)).as("nothing removed").isEqualTo(versions.get(versions.size() - 2));
            assertThat(store.version()).isEqualTo(elsewhere.version());
        }
        assertThat(store.sources()).extracting(ParallelSource::name).containsExactly("two");
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void shouldLeaveTheStoredSourceAsItWasWhenAReplacementFails() throws Exception {
        List<ParallelUnit> units = LinePairs.read(UNPC_DEV).subList(0, 10);
        store.save("excerpt", ParallelSource.LINES, "a".repeat(64), units);
        List<ParallelUnit> broken = new ArrayList<>(units);
        broken.add(new ParallelUnit("联合国", null, "A/69/767", 1, 1, 1.0)); // no English: the insert fails

        assertThatThrownBy(() -> store.save("excerpt", ParallelSource.LINES, "b".repeat(64), broken))
                .isInstanceOf(SQLException.class);

        assertThat(store.all()).isEqualTo(units);
        assertThat(store.sources()).singleElement().extracting(ParallelSource::sha256).isEqualTo("a".repeat(64));
    }
}
