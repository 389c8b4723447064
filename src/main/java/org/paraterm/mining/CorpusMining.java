package org.paraterm.mining;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.paraterm.DatabaseLock;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mines every Chinese document in the database and stores the candidates: run after each load.
 * One run at a time, in this process and across processes sharing a PostgreSQL database
 * ({@link DatabaseLock}): two runs at once would both replace the candidates and collide on their
 * keys. A run that waited reads the documents after the other finished, so the last run to finish
 * has seen every document loaded before it began.
 */
@Singleton
public class CorpusMining {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusMining.class);

    private final DocumentStore documents;
    private final CandidateStore candidates;
    private final DataSource dataSource;
    private final ReentrantLock running = new ReentrantLock();

    public CorpusMining(DocumentStore documents, CandidateStore candidates, DataSource dataSource) {
        this.documents = documents;
        this.candidates = candidates;
        this.dataSource = dataSource;
    }

    /** Re-mines the whole corpus and returns how many candidates it stored. */
    public int remine(MiningSettings settings) throws SQLException {
        running.lock();
        try (DatabaseLock lock = DatabaseLock.take(dataSource, DatabaseLock.Purpose.MINING,
                () -> LOG.info("another paraterm process is mining this database; waiting for it to finish"))) {
            return mine(settings);
        } finally {
            running.unlock();
        }
    }

    /**
     * Re-mines the whole corpus unless another process is mining this database at the moment;
     * empty then, and the pages go on showing the last complete run until that process completes
     * its own (a server starting beside a long run need not wait for it).
     */
    public OptionalInt remineUnlessMiningElsewhere(MiningSettings settings) throws SQLException {
        running.lock();
        try {
            Optional<DatabaseLock> lock = DatabaseLock.tryTake(dataSource, DatabaseLock.Purpose.MINING);
            if (lock.isEmpty()) {
                return OptionalInt.empty();
            }
            try (DatabaseLock held = lock.get()) {
                return OptionalInt.of(mine(settings));
            }
        } finally {
            running.unlock();
        }
    }

    private int mine(MiningSettings settings) throws SQLException {
        long started = System.nanoTime();
        List<CleanDocument> texts = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (DocumentStore.Summary summary : documents.list()) {
            CleanDocument document = documents.find(summary.id()).orElse(null);
            if (document != null && document.language().equals("zh")) {
                texts.add(document);
                ids.add(summary.id());
            }
        }
        long read = System.nanoTime();
        List<MinedCandidate> mined = Mining.run(texts, settings);
        long minedAt = System.nanoTime();
        candidates.replace(mined, ids, (minedAt - started) / 1_000_000);
        LOG.info("mining: {} documents read in {} s, {} candidates mined in {} s, stored in {} s", texts.size(),
                seconds(read - started), mined.size(), seconds(minedAt - read), seconds(System.nanoTime() - minedAt));
        return mined.size();
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
