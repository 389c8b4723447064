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
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The concordance index of the documents in the database, kept in {@code <data>/index/} (in
 * memory when no data folder is configured). The database is the truth: {@link #synchronize()}
 * removes what is no longer stored or stored with another content hash and adds what is missing,
 * so an index that is missing, of an older format or behind the database is put right at start,
 * and a replaced document never leaves its old hits behind. Every view first checks the store's
 * change counter and synchronizes when a load happened since, so no caller can forget to.
 */
@Singleton
public class ConcordanceIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ConcordanceIndex.class);

    private final DocumentStore store;
    private final Path folder;
    private CorpusIndex index;
    /** The store generation the index last caught up with; -1 before the first check in this process. */
    private volatile long synchronizedGeneration = -1;

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

    /** A view of the index, caught up with the database first if a document changed since. */
    public CorpusIndex.View view() throws IOException {
        if (synchronizedGeneration != store.generation()) {
            synchronize();
        }
        return index().view();
    }

    /**
     * Brings the index in line with the database; returns how many documents it added or
     * re-indexed.
     */
    public synchronized int synchronize() throws IOException {
        long generation = store.generation();
        CorpusIndex corpus = index();
        Map<Long, String> stored;
        try {
            stored = store.contentHashes();
        } catch (SQLException e) {
            throw new IOException("the documents cannot be read for the concordance: " + e.getMessage(), e);
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
        for (Map.Entry<Long, String> entry : stored.entrySet()) {
            IndexedDocument present = indexed.get(entry.getKey());
            if (present != null && present.hash().equals(entry.getValue())) {
                continue;
            }
            Optional<CleanDocument> document = find(entry.getKey());
            if (document.isPresent()) {
                corpus.add(entry.getKey(), entry.getValue(), document.get());
                changed++;
                dirty = true;
            }
        }
        if (dirty || synchronizedGeneration < 0) {
            corpus.commit();
        }
        if (changed > 0) {
            LOG.info("concordance: indexed {} documents", changed);
        }
        synchronizedGeneration = generation;
        return changed;
    }

    private Optional<CleanDocument> find(long id) throws IOException {
        try {
            return store.find(id);
        } catch (SQLException e) {
            throw new IOException("document " + id + " cannot be read for the concordance: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    public synchronized void close() {
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
