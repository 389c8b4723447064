package org.paraterm.web;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import org.paraterm.parallel.ParallelStore;
import org.paraterm.parallel.ParallelUnit;
import org.paraterm.suggest.Rendering;
import org.paraterm.suggest.RenderingEvidence;
import org.paraterm.suggest.RenderingSuggester;

/**
 * Suggested English renderings for the pages: a {@link RenderingSuggester} over the parallel
 * corpus in the database, built on first use and again whenever the parallel corpus has changed
 * (its version moves with every load), shared by all requests in between.
 */
@Singleton
public class Renderings {

    /** How many suggestions the review queue and candidate pages show. */
    public static final int SHOWN = 3;

    /** A suggestion as the pages show it: the English, its measures and its evidence pairs cut for highlighting. */
    public record View(String english, double score, int pairs, List<EvidencePair> evidence) {
    }

    /** One aligned unit showing the term and the rendering, each side cut at its highlight. */
    public record EvidencePair(CandidateController.Highlighted zh, CandidateController.Highlighted en,
                               String document) {
    }

    private record Built(long version, RenderingSuggester suggester) {
    }

    private final ParallelStore parallel;
    private volatile Built built;

    public Renderings(ParallelStore parallel) {
        this.parallel = parallel;
    }

    /** The best suggestions for a Chinese term, best first; empty when the parallel corpus has no evidence. */
    public List<Rendering> top(String term) throws SQLException {
        return suggester().suggest(term, SHOWN);
    }

    /** The same, ready for a page. */
    public List<View> views(String term) throws SQLException {
        return top(term).stream().map(Renderings::view).toList();
    }

    static View view(Rendering rendering) {
        return new View(rendering.english(), rendering.score(), rendering.pairs(),
                rendering.evidence().stream().map(Renderings::pair).toList());
    }

    private static EvidencePair pair(RenderingEvidence evidence) {
        ParallelUnit unit = evidence.unit();
        return new EvidencePair(
                CandidateController.Highlighted.of(unit.zh(), evidence.zhStart(), evidence.zhEnd() - evidence.zhStart()),
                CandidateController.Highlighted.of(unit.en(), evidence.enStart(), evidence.enEnd() - evidence.enStart()),
                unit.document());
    }

    private RenderingSuggester suggester() throws SQLException {
        long version = parallel.version();
        Built current = built;
        if (current != null && current.version() == version) {
            return current.suggester();
        }
        synchronized (this) {
            current = built;
            if (current == null || current.version() != version) {
                current = new Built(version, RenderingSuggester.build(parallel.all()));
                built = current;
            }
            return current.suggester();
        }
    }
}
