package org.paraterm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResultCacheTest {

    @Test
    void shouldComputeAResultOnceWhileItsVersionStaysTheSame() throws Exception {
        ResultCache<String, Integer> cache = new ResultCache<>(10);
        AtomicInteger computed = new AtomicInteger();

        int first = cache.get("会员国", 1L, () -> 250 + computed.incrementAndGet());
        int again = cache.get("会员国", 1L, () -> 250 + computed.incrementAndGet());

        assertThat(first).isEqualTo(251);
        assertThat(again).isEqualTo(251);
        assertThat(computed).hasValue(1);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void shouldComputeAgainWhenTheDataChangedSince() throws Exception {
        ResultCache<String, Integer> cache = new ResultCache<>(10);

        cache.get("会员国", 1L, () -> 251);
        int afterLoad = cache.get("会员国", 2L, () -> 353);
        int stillNew = cache.get("会员国", 2L, () -> 0);

        assertThat(afterLoad).isEqualTo(353);
        assertThat(stillNew).isEqualTo(353);
    }

    @Test
    void shouldLetTheLeastRecentlyUsedResultGoWhenFull() throws Exception {
        ResultCache<String, String> cache = new ResultCache<>(2);
        cache.get("会员国", 1L, () -> "first");
        cache.get("联合国", 1L, () -> "second");
        cache.get("会员国", 1L, () -> "not computed: kept");

        cache.get("偷运移民", 1L, () -> "third");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("会员国", 1L, () -> "computed again")).isEqualTo("first");
        assertThat(cache.get("联合国", 1L, () -> "computed again")).isEqualTo("computed again");
    }
}
