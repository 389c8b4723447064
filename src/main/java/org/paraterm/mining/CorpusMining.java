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

    /** Told as a run goes: its phase, and for reading the documents how many of how many. */
    public interface Progress {
        Progress NONE = (phase, done, total) -> { };

        /** @param total 0 when the phase has no count to show */
        void phase(String phase, int done, int total);
    }

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
        return remine(settings, Progress.NONE);
    }

    /** As {@link #remine(MiningSettings)}, telling {@code progress} how far the run is. */
    public int remine(MiningSettings settings, Progress progress) throws SQLException {
        running.lock();
        try (DatabaseLock lock = DatabaseLock.take(dataSource, DatabaseLock.Purpose.MINING, () -> {
            LOG.info("another paraterm process is mining this database; waiting for it to finish");
            progress.phase("waiting for another paraterm process to finish mining", 0, 0);
        })) {
            return mine(settings, progress);
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
                return OptionalInt.of(mine(settings, Progress.NONE));
            }
        } finally {
            running.unlock();
        }
    }

    /**
     * A run, in three phases; an {@link OutOfMemoryError} comes out as {@link OutOfMemoryWhileMining},
     * which says how large the corpus is and how much heap it needs. Caught here, outside the
     * method that holds the documents, so that they are garbage by then and the message can be made.
     */
    private int mine(MiningSettings settings, Progress progress) throws SQLException {
        List<DocumentStore.Summary> all = documents.list();
        long bytes = 0;
        for (DocumentStore.Summary summary : all) {
            bytes += summary.sizeBytes();
        }
        try {
            return mine(all, settings, progress);
        } catch (OutOfMemoryError e) {
            throw new OutOfMemoryWhileMining(all.size(), bytes, Runtime.getRuntime().maxMemory(), e);
        }
    }

    private int mine(List<DocumentStore.Summary> all, MiningSettings settings, Progress progress) throws SQLException {
        long started = System.nanoTime();
        List<CleanDocument> texts = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            progress.phase("reading documents", i, all.size());
            DocumentStore.Summary summary = all.get(i);
            CleanDocument document = documents.find(summary.id()).orElse(null);
            if (document != null && document.language().equals("zh")) {
                texts.add(document);
                ids.add(summary.id());
            }
        }
        long read = System.nanoTime();
        progress.phase("mining " + texts.size() + " documents", 0, 0);
        List<MinedCandidate> mined = Mining.run(texts, settings);
        long minedAt = System.nanoTime();
        progress.phase("storing " + mined.size() + " candidates", 0, 0);
        candidates.replace(mined, ids, (minedAt - started) / 1_000_000);
        LOG.info("mining: {} documents read in {} s, {} candidates mined in {} s, stored in {} s", texts.size(),
                seconds(read - started), mined.size(), seconds(minedAt - read), seconds(System.nanoTime() - minedAt));
        return mined.size();
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
