package org.paraterm.concordance;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.paraterm.DatabaseFailure;
import org.paraterm.KillPoint;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The concordance index of the documents in the database, kept in {@code <data>/index/} (in
 * memory when no data folder is configured). The database is the truth: {@link #synchronize()}
 * removes what is no longer stored or stored with another content hash and adds what is missing,
 * so an index that is missing, of an older format or behind the database is put right at start,
 * and a replaced document never leaves its old hits behind.
 *
 * <p>Every {@link #view()} first compares the documents' generation ({@link DocumentStore#generation()},
 * read from the database at most once a second) with the one the index last caught up with, so no
 * caller can forget to. The first view in a process, and a view after this process loaded a
 * document itself, wait for the index to catch up (whoever loads a document sees it at once). A
 * change made through another instance sharing the database is indexed in the background
 * instead: searches go on with the current view until the new one is committed, a second or two
 * later, and never queue behind the indexing.
 */
@Singleton
public class ConcordanceIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ConcordanceIndex.class);

    private final DocumentStore store;
    private final Path folder;
    private CorpusIndex index;
    /** Whether the index has caught up with the database at least once in this process. */
    private volatile boolean synchronizedOnce;
    /** The store generation the index last caught up with. */
    private volatile long synchronizedGeneration;
    /** The store's count of this process's own changes when the index last caught up. */
    private volatile long synchronizedLocalChanges;
    /** Runs the catching up with other instances' changes, one at a time, off the request threads. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "concordance-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean refreshPending = new AtomicBoolean();

    public ConcordanceIndex(DocumentStore store, @Value("${paraterm.data:}") String data) {
        this.store = store;
        this.folder = data.isBlank() ? null : Path.of(data).resolve("index");
    }

    private synchronized CorpusIndex index() throws IOException {
        if (index == null) {
            Directory directory = folder == null ? new ByteBuffersDirectory() : FSDirectory.open(folder);
            index = CorpusIndex.open(directory);
        }
        return index;
    }

    /**
     * A view of the index. Caught up with the database first when this is the process's first
     * view or when this process changed a document since; when only another process did, the
     * catching up starts in the background and this view is the current one.
     */
    public CorpusIndex.View view() throws IOException {
        if (!synchronizedOnce || store.localChanges() != synchronizedLocalChanges) {
            synchronize();
        } else if (store.generation() != synchronizedGeneration) {
            refreshInBackground();
        }
        return index().view();
    }

    /** The version of the view {@link #view()} would give now ({@link CorpusIndex.View#version()}). */
    public long version() throws IOException {
        try (CorpusIndex.View view = view()) {
            return view.version();
        }
    }

    private void refreshInBackground() {
        if (!refreshPending.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    synchronize();
                } catch (IOException | RuntimeException e) {
                    LOG.error("the concordance index could not catch up with the database", e);
                } finally {
                    refreshPending.set(false);
                }
            });
        } catch (RejectedExecutionException closing) {
            refreshPending.set(false);
        }
    }

    /**
     * Brings the index in line with the database; returns how many documents it added or
     * re-indexed.
     */
    public synchronized int synchronize() throws IOException {
        // Read before the documents, so that a change committed meanwhile is caught next time.
        long localChanges = store.localChanges();
        long generation = store.generation();
        CorpusIndex corpus = index();
        Map<Long, String> stored;
        try {
            stored = store.contentHashes();
        } catch (SQLException e) {
            throw new IOException("the documents cannot be read for the concordance: "
                    + DatabaseFailure.explain("reading the documents for the concordance", e), e);
        }
        Map<Long, IndexedDocument> indexed;
        try (CorpusIndex.View view = corpus.view()) {
            indexed = view.documents();
        }
        int changed = 0;
        boolean dirty = false;
        for (IndexedDocument document : indexed.values()) {
            if (!document.hash().equals(stored.get(document.id()))) {
                corpus.delete(document.id());
                dirty = true;
            }
        }
        Map<Long, String> missing = new TreeMap<>();
        for (Map.Entry<Long, String> entry : stored.entrySet()) {
            IndexedDocument present = indexed.get(entry.getKey());
            if (present == null || !present.hash().equals(entry.getValue())) {
                missing.put(entry.getKey(), entry.getValue());
            }
        }
        if (!missing.isEmpty()) {
            // A rebuild takes seconds at start: the line says it began.
            LOG.info("concordance: indexing {} documents", missing.size());
        }
        for (Map.Entry<Long, String> entry : missing.entrySet()) {
            Optional<CleanDocument> document = find(entry.getKey());
            if (document.isPresent()) {
                corpus.add(entry.getKey(), entry.getValue(), document.get());
                changed++;
                dirty = true;
                KillPoint.reach(KillPoint.INDEX_HALF_BUILT);
            }
        }
        if (dirty || !synchronizedOnce) {
            corpus.commit();
        }
        if (changed > 0) {
            LOG.info("concordance: indexed {} documents", changed);
        }
        synchronizedGeneration = generation;
        synchronizedLocalChanges = localChanges;
        synchronizedOnce = true;
        return changed;
    }

    private Optional<CleanDocument> find(long id) throws IOException {
        try {
            return store.find(id);
        } catch (SQLException e) {
            throw new IOException("document " + id + " cannot be read for the concordance: "
                    + DatabaseFailure.explain("reading document " + id + " for the concordance", e), e);
        }
    }

    @PreDestroy
    public void close() {
        // Not interrupted: Lucene's writer does not survive an interrupt in the middle of a write.
        background.shutdown();
        try {
            // A refresh under way finishes its commit before the index closes.
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeIndex();
    }

    private synchronized void closeIndex() {
        if (index != null) {
            try {
                index.close();
            } catch (IOException e) {
                throw new UncheckedIOException("the concordance index did not close cleanly", e);
            }
            index = null;
        }
    }
}
