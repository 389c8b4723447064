package org.paraterm.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paraterm.mining.PackedNumbers.ContextPosition;
import org.paraterm.mining.PackedNumbers.Count;
import org.paraterm.mining.PackedNumbers.Position;

class PackedNumbersTest {

    @Test
    void shouldGiveBackPositionsOrderedByDocumentThenOffset() {
        List<Position> positions = List.of(new Position(9, 3, 200), new Position(2, 0, 5), new Position(9, 0, 7),
                new Position(2, 40, 3_000_000), new Position(5_000_000_000L, 12, 70));

        assertThat(PackedNumbers.positions(PackedNumbers.positions(positions))).containsExactly(
                new Position(2, 0, 5), new Position(2, 40, 3_000_000), new Position(9, 0, 7), new Position(9, 3, 200),
                new Position(5_000_000_000L, 12, 70));
    }

    @Test
    void shouldTakeAFewBytesForNearbyOccurrences() {
        List<Position> positions = List.of(new Position(17, 4, 120), new Position(17, 4, 131), new Position(17, 6, 300));

        // document 17, sentence 4 (zigzag 8), offset 120; then steps of 0, 0, 11 and 0, 2 (zigzag 4), 169 (two bytes)
        assertThat(PackedNumbers.positions(positions)).containsExactly(17, 8, 120, 0, 0, 11, 0, 4, 169 - 256, 1);
    }

    @Test
    void shouldKeepASentenceIndexThatGoesBackWithinADocument() {
        List<Position> positions = List.of(new Position(1, 5, 10), new Position(1, 4, 20));

        assertThat(PackedNumbers.positions(PackedNumbers.positions(positions))).isEqualTo(positions);
    }

    @Test
    void shouldGiveBackAscendingNumbersWithRepeats() {
        int[] ranks = {1, 2, 2, 130, 70_000, Integer.MAX_VALUE};

        assertThat(PackedNumbers.ascending(PackedNumbers.ascending(ranks))).containsExactly(ranks);
        assertThat(PackedNumbers.ascending(new byte[0])).isEmpty();
    }

    @Test
    void shouldKeepExampleSentencesInTheirOrderBestFirst() {
        List<ContextPosition> contexts = List.of(new ContextPosition(40, 7, 12), new ContextPosition(3, 900, 0),
                new ContextPosition(5_000_000_000L, 0, 70_000));

        assertThat(PackedNumbers.contexts(PackedNumbers.contexts(contexts))).isEqualTo(contexts);
        assertThat(PackedNumbers.contexts(new byte[0])).isEmpty();
    }

    @Test
    void shouldGiveBackCountsPerDocumentOrderedByDocument() {
        List<Count> counts = List.of(new Count(70, 1), new Count(3, 250_000), new Count(5_000_000_000L, 0));

        assertThat(PackedNumbers.counts(PackedNumbers.counts(counts))).containsExactly(new Count(3, 250_000),
                new Count(70, 1), new Count(5_000_000_000L, 0));
        assertThatThrownBy(() -> PackedNumbers.counts(List.of(new Count(3, 1), new Count(3, 2))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseNumbersCutOffInTheMiddle() {
        assertThatThrownBy(() -> PackedNumbers.ascending(new byte[] {5, (byte) 0x81}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("byte 2");
        assertThatThrownBy(() -> PackedNumbers.ascending(new int[] {3, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
