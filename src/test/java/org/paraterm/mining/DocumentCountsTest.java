package org.paraterm.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DocumentCountsTest {

    @Test
    void readsLikeTheSortedMapItReplacesInDocumentOrder() {
        Map<Integer, Integer> counts = new HashMap<>(Map.of(812, 3, 5, 1, 40, 17));
        Map<Integer, Integer> compact = DocumentCounts.of(counts);

        assertThat(compact).isEqualTo(new TreeMap<>(counts)).hasSameHashCodeAs(new TreeMap<>(counts));
        assertThat(List.copyOf(compact.keySet())).containsExactly(5, 40, 812);
        assertThat(List.copyOf(compact.values())).containsExactly(1, 17, 3);
        assertThat(compact.get(40)).isEqualTo(17);
        assertThat(compact.get(41)).isNull();
        assertThat(compact.get("40")).isNull();
        assertThat(compact.containsKey(812)).isTrue();
        assertThat(compact.toString()).isEqualTo("{5=1, 40=17, 812=3}");
    }

    @Test
    void cannotBeChangedAndIsNotTiedToTheMapItCameFrom() {
        Map<Integer, Integer> counts = new HashMap<>(Map.of(1, 2));
        Map<Integer, Integer> compact = DocumentCounts.of(counts);
        counts.put(3, 4);

        assertThat(compact).containsExactly(Map.entry(1, 2));
        assertThatThrownBy(() -> compact.put(3, 4)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> compact.entrySet().iterator().next().setValue(9))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(DocumentCounts.of(Map.of())).isEmpty();
    }

    @Test
    void aMinedVariantKeepsItsDocumentsInOrder() {
        Variant variant = new Variant("战斗人员", Variant.Relation.NEAR_IDENTICAL, 5, Map.of(9, 2, 2, 3));

        assertThat(variant.byDocument()).containsExactly(Map.entry(2, 3), Map.entry(9, 2));
    }
}
