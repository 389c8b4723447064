package org.paraterm.mining;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mines every Chinese document in the database and stores the candidates: run after each load. */
@Singleton
public class CorpusMining {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusMining.class);

    private final DocumentStore documents;
    private final CandidateStore candidates;

    public CorpusMining(DocumentStore documents, CandidateStore candidates) {
        this.documents = documents;
        this.candidates = candidates;
    }

    /** Re-mines the whole corpus and returns how many candidates it stored. */
    public int remine(MiningSettings settings) throws SQLException {
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
