package org.paraterm.web;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.paraterm.concordance.ConcordanceCharts;
import org.paraterm.concordance.ConcordanceFilter;
import org.paraterm.concordance.ConcordanceIndex;
import org.paraterm.concordance.ConcordanceQuery;
import org.paraterm.concordance.ConcordanceSort;
import org.paraterm.concordance.CorpusIndex;
import org.paraterm.concordance.HitList;
import org.paraterm.concordance.KwicLine;
import org.paraterm.ResultCache;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.Term;
import org.paraterm.mining.CandidateStore;

/**
 * An entry's use in the corpus, for its page: how often its Chinese terms occur (all of them: a
 * variant's uses are the concept's uses too), per document, and a few good example sentences. The
 * counts are the concordance's, so "all 21 occurrences" on the entry page is what the concordance
 * link then lists.
 */
@Singleton
public class EntryUsage {

    private static final int CONTEXTS = 5;
    private static final int CONTEXT_WIDTH = 40;

    /**
     * An example: the sentence or line, split around the term so the page can mark it.
     *
     * @param href the paragraph on the document page, with the term highlighted
     */
    public record Example(String symbol, String where, String before, String term, String after, String href) {
    }

    /** The use of an entry's terms: the concordance query, its total, bars per document, examples. */
    public record Usage(String query, String concordanceHref, int total, List<ConcordanceCharts.Bar> bars,
                        List<Example> examples) {
    }

    /** Entries whose usage is kept: more than a glossary's most consulted entries. */
    private static final int CACHED_ENTRIES = 2000;

    private final ConcordanceIndex index;
    private final CandidateStore candidates;
    private final ResultCache<String, Usage> cache = new ResultCache<>(CACHED_ENTRIES);

    public EntryUsage(ConcordanceIndex index, CandidateStore candidates) {
        this.index = index;
        this.candidates = candidates;
    }

    /**
     * The use of an entry's terms, from the cache while the index and the mining run are the ones it
     * was computed from (entry pages are the most read pages; this is most of their work).
     */
    public Optional<Usage> of(Entry entry) throws IOException, SQLException {
        Optional<ConcordanceQuery> query = query(entry);
        if (query.isEmpty()) {
            return Optional.empty();
        }
        String preferred = entry.preferred("zh").map(Term::text).orElse("");
        try (CorpusIndex.View view = index.view()) {
            Object mining = candidates.recentRun().map(run -> (Object) run.finishedAt()).orElse("never");
            return Optional.of(cache.get(query.get().text() + "\n" + preferred, List.of(view.version(), mining),
                    () -> compute(view, query.get(), entry)));
        }
    }

    private Usage compute(CorpusIndex.View view, ConcordanceQuery query, Entry entry) throws IOException, SQLException {
        String href = "/concordance?q=" + URLEncoder.encode(query.text(), StandardCharsets.UTF_8);
        HitList hits = HitList.find(view, query, ConcordanceFilter.ALL);
        List<ConcordanceCharts.Bar> bars = List.copyOf(ConcordanceCharts.documentBars(hits.byDocument(), href));
        List<Example> examples = mined(entry);
        if (examples.isEmpty()) {
            examples = firstOfEachDocument(hits);
        }
        return new Usage(query.text(), href, hits.total(), bars, List.copyOf(examples));
    }

    /**
     * Every Chinese term of the entry as alternatives of one query, quoted so that no character of a
     * term is read as query syntax; the preferred term alone when all of them would make the query
     * too long.
     */
    static Optional<ConcordanceQuery> query(Entry entry) {
        Set<String> terms = new LinkedHashSet<>();
        entry.preferred("zh").map(Term::text).ifPresent(terms::add);
        entry.terms("zh").forEach(t -> terms.add(t.text()));
        terms.removeIf(t -> t.isBlank() || t.indexOf('"') >= 0);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        List<String> quoted = terms.stream().map(t -> "\"" + t + "\"").toList();
        String all = String.join(" | ", quoted.subList(0, Math.min(quoted.size(), 10)));
        try {
            return Optional.of(ConcordanceQuery.parse(all.length() <= ConcordanceQuery.LONGEST ? all : quoted.get(0)));
        } catch (ConcordanceQuery.InvalidQueryException tooLong) {
            return Optional.empty();
        }
    }

    /** The good-dictionary-example sentences mining chose for the preferred term, when it was mined. */
    private List<Example> mined(Entry entry) throws SQLException {
        Optional<String> preferred = entry.preferred("zh").map(Term::text);
        if (preferred.isEmpty()) {
            return List.of();
        }
        List<Example> examples = new ArrayList<>();
        candidates.find(preferred.get()).ifPresent(candidate -> {
            for (CandidateStore.ContextView context : candidate.contexts()) {
                if (examples.size() == CONTEXTS) {
                    break;
                }
                String text = context.text();
                int start = Math.max(0, Math.min(context.termStart(), text.length()));
                int end = Math.min(text.length(), start + preferred.get().length());
                examples.add(new Example(context.symbol(), context.paragraphLabel(), text.substring(0, start),
                        text.substring(start, end), text.substring(end),
                        CandidateController.paragraphHref(context.document(), context.paragraph())));
            }
        });
        return examples;
    }

    /**
     * The first hit of each document, as KWIC lines, for terms mining did not find. In document
     * order the hits of each document follow each other, in the order of {@code byDocument}, so a
     * document's first hit sits where the counts of the documents before it end.
     */
    private static List<Example> firstOfEachDocument(HitList hits) throws IOException {
        int[] order = hits.sorted(ConcordanceSort.DOC);
        List<Example> examples = new ArrayList<>();
        int first = 0;
        for (HitList.DocumentCount document : hits.byDocument()) {
            if (examples.size() == CONTEXTS) {
                break;
            }
            for (KwicLine line : hits.lines(order, first, 1, CONTEXT_WIDTH)) {
                // Two documents with the same symbol may sort in another order here; then skip.
                if (line.doc() != document.doc()) {
                    continue;
                }
                examples.add(new Example(line.symbol(), null, "…" + line.left(), line.match(), line.right() + "…",
                        line.href()));
            }
            first += document.count();
        }
        return examples;
    }
}
