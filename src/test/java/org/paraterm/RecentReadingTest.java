package org.paraterm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentReadingTest {

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void shouldAskTheDatabaseOnceWithinTheIntervalHoweverManyAsk() throws SQLException {
        RecentReading<Integer> value = new RecentReading<>(Duration.ofHours(1), reads::incrementAndGet);

        for (int i = 0; i < 1000; i++) {
            assertThat(value.get()).isEqualTo(1);
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void shouldReadAgainAtOnceAfterALocalChange() throws SQLException {
        RecentReading<Integer> value = new RecentReading<>(Duration.ofHours(1), reads::incrementAndGet);

        value.get();
        value.changed();

        assertThat(value.get()).isEqualTo(2);
        assertThat(value.get()).isEqualTo(2);
        assertThat(value.localChanges()).isEqualTo(1);
    }

    @Test
    void shouldReadAgainOnceTheIntervalHasPassed() throws Exception {
        RecentReading<Integer> value = new RecentReading<>(Duration.ofMillis(20), reads::incrementAndGet);

        value.get();
        Thread.sleep(40);

        assertThat(value.get()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheLastValueReadWhenTheDatabaseFails() throws SQLException {
        boolean[] failing = {false};
        RecentReading<Integer> value = new RecentReading<>(Duration.ZERO, () -> {
            if (failing[0]) {
                throw new SQLException("connection refused");
            }
            return reads.incrementAndGet();
        });
        value.get();
        failing[0] = true;

        assertThatThrownBy(value::get).hasMessage("connection refused");
        assertThat(value.lastRead()).contains(1);
    }
}
