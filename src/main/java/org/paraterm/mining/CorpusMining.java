package org.paraterm.mining;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.DocumentStore;

/** Mines every Chinese document in the database and stores the candidates: run after each load. */
@Singleton
public class CorpusMining {

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
        List<MinedCandidate> mined = Mining.run(texts, settings);
        candidates.replace(mined, ids, (System.nanoTime() - started) / 1_000_000);
        return mined.size();
    }
}
