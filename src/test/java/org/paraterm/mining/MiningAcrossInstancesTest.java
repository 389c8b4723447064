package org.paraterm.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestDatabase;
import org.paraterm.TestServer;

/**
 * Two instances on one PostgreSQL database mining at the same moment (two uploads on
 * /admin/corpus, one on each) on a database never mined: the runs take turns, both succeed, and
 * the candidates are those of one run. Without the turn-taking the second run failed on a
 * duplicate candidate key.
 * PostgreSQL only: an H2 file admits one process.
 */
class MiningAcrossInstancesTest {

    @Test
    void shouldLetTwoInstancesMineAtOnceOneAfterTheOther(@TempDir Path temp) throws Exception {
        assumeTrue(TestDatabase.postgres(), "needs PostgreSQL (PARATERM_TEST_DB_URL)");
        EmbeddedServer first = TestServer.in(temp).withCorpus().start();
        EmbeddedServer second = TestServer.in(temp).start();
        ExecutorService mining = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch together = new CountDownLatch(2);
            List<Future<Integer>> runs = List.of(mining.submit(run(first, together)), mining.submit(run(second, together)));
            int onFirst = runs.get(0).get(3, TimeUnit.MINUTES);
            int onSecond = runs.get(1).get(3, TimeUnit.MINUTES);
            int alone = first.getApplicationContext().getBean(CorpusMining.class).remine(MiningSettings.defaults());

            assertThat(onFirst).isEqualTo(alone).isGreaterThan(1000);
            assertThat(onSecond).isEqualTo(alone);
            CandidateStore candidates = second.getApplicationContext().getBean(CandidateStore.class);
            assertThat(candidates.lastRun()).hasValueSatisfying(run -> assertThat(run.candidates()).isEqualTo(alone));
            assertThat(candidates.page(new CandidateStore.Filter(null, 0, 0, 0, 0, null, null, null, 1, 1)).total()).isEqualTo(alone);
        } finally {
            mining.shutdownNow();
            second.close();
            first.close();
        }
    }

    private static Callable<Integer> run(EmbeddedServer server, CountDownLatch together) {
        return () -> {
            together.countDown();
            together.await();
            return server.getApplicationContext().getBean(CorpusMining.class).remine(MiningSettings.defaults());
        };
    }
}
