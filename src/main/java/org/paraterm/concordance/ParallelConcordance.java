package org.paraterm.concordance;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.paraterm.ResultCache;
import org.paraterm.parallel.ParallelStore;
import org.paraterm.parallel.ParallelUnit;

/**
 * The concordance over the parallel corpus: the aligned units whose Chinese side (for a query in
 * Chinese) or English side (for a query with Latin letters) matches a {@link ConcordanceQuery}, read
 * the same way as in the documents — strings exactly, Latin words whole and in any case,
 * alternatives, gaps of at most {@value ConcordanceQuery#GAP} characters, exclusions (here: units
 * whose searched side holds the excluded string).
 *
 * <p>The units and their match forms are kept in memory and rebuilt when the parallel corpus
 * changes; a search scans them. Parallel corpora here are far smaller than the document corpus (the
 * bundled one is 4,000 units, under 1 MB); docs/07-parallel-corpus.md gives the figures and says when
 * an index would be needed instead.
 */
@Singleton
public class ParallelConcordance {

    /** A matched stretch of one side, from start (inclusive) to end (exclusive). */
    public record Span(int start, int end) {
    }

    /** A unit that matched, with the matched stretches of the side that was searched. */
    public record Hit(ParallelUnit unit, boolean english, List<Span> spans) {
    }

    /** One page of hits and how many there are in all. */
    public record Result(int total, boolean english, List<Hit> hits) {
    }

    /** Units ready to be searched: each side in its match form, computed once. */
    public static final class Units {
        private final List<ParallelUnit> units;
        private final String[] zh;
        private final String[] en;

        private Units(List<ParallelUnit> units) {
            this.units = List.copyOf(units);
            zh = new String[units.size()];
            en = new String[units.size()];
            for (int i = 0; i < units.size(); i++) {
                zh[i] = Characters.normalize(units.get(i).zh());
                en[i] = Characters.normalize(units.get(i).en());
            }
        }

        public static Units of(List<ParallelUnit> units) {
            return new Units(units);
        }

        /** The hits from {@code from} (0-based), at most {@code size} of them, in corpus order. */
        public Result search(ConcordanceQuery query, int from, int size) {
            boolean english = searchesEnglish(query);
            String[] sides = english ? en : zh;
            List<Hit> page = new ArrayList<>();
            int total = 0;
            for (int i = 0; i < sides.length; i++) {
                String side = sides[i];
                if (excluded(side, query.exclusions())) {
                    continue;
                }
                List<Span> spans = spans(side, query.alternatives());
                if (spans.isEmpty()) {
                    continue;
                }
                if (total >= from && page.size() < size) {
                    page.add(new Hit(units.get(i), english, spans));
                }
                total++;
            }
            return new Result(total, english, page);
        }
    }

    private record Prepared(long version, Units units) {
    }

    /** Queries whose counts are kept. */
    private static final int CACHED_COUNTS = 5000;

    private final ParallelStore store;
    private volatile Prepared prepared;
    private final ResultCache<String, Integer> counts = new ResultCache<>(CACHED_COUNTS);

    public ParallelConcordance(ParallelStore store) {
        this.store = store;
    }

    /** Whether a query searches the English side: any of its strings holds a Latin letter. */
    public static boolean searchesEnglish(ConcordanceQuery query) {
        return query.alternatives().stream().flatMap(List::stream)
                .anyMatch(part -> part.chars().anyMatch(c -> Characters.isWordCharacter((char) c) && !Character.isDigit(c)));
    }

    /** The hits from {@code from} (0-based), at most {@code size} of them, in corpus order. */
    public Result search(ConcordanceQuery query, int from, int size) throws SQLException {
        return prepared().units().search(query, from, size);
    }

    /** The version of the parallel corpus searched: it changes whenever a source is loaded or removed. */
    public long version() throws SQLException {
        return store.version();
    }

    /**
     * How many units match; kept per query until the parallel corpus changes, since the concordance
     * and every entry page show this count.
     */
    public int count(ConcordanceQuery query) throws IOException, SQLException {
        Prepared current = prepared();
        return counts.get(query.text(), current.version(), () -> current.units().search(query, 0, 0).total());
    }

    /** A string in the form the sides are matched in (match form, lower case, same length). */
    public static String matchForm(String text) {
        return Characters.normalize(text);
    }

    /** Every non-overlapping match of any alternative in a side's match form, left to right. */
    public static List<Span> spans(String side, List<List<String>> alternatives) {
        List<Span> spans = new ArrayList<>();
        int at = 0;
        while (at < side.length()) {
            Span first = null;
            for (List<String> chain : alternatives) {
                Span span = chainAt(side, chain, at);
                if (span != null && (first == null || span.start() < first.start()
                        || span.start() == first.start() && span.end() > first.end())) {
                    first = span;
                }
            }
            if (first == null) {
                break;
            }
            spans.add(first);
            at = first.end();
        }
        return spans;
    }

    /** The first match of a chain (strings with gaps between) starting at or after {@code from}. */
    private static Span chainAt(String side, List<String> chain, int from) {
        int start = find(side, chain.get(0), from);
        while (start >= 0) {
            int end = start + chain.get(0).length();
            boolean whole = true;
            for (int part = 1; part < chain.size() && whole; part++) {
                int next = find(side, chain.get(part), end);
                whole = next >= 0 && next - end <= ConcordanceQuery.GAP;
                end = whole ? next + chain.get(part).length() : end;
            }
            if (whole) {
                return new Span(start, end);
            }
            start = find(side, chain.get(0), start + 1);
        }
        return null;
    }

    /** The next occurrence of a string, Latin words only where whole. */
    static int find(String side, String literal, int from) {
        int at = side.indexOf(literal, from);
        while (at >= 0 && !whole(side, literal, at)) {
            at = side.indexOf(literal, at + 1);
        }
        return at;
    }

    private static boolean whole(String side, String literal, int at) {
        int last = at + literal.length() - 1;
        boolean startOk = !Characters.isWordCharacter(literal.charAt(0)) || Characters.startsWord(side, at);
        boolean endOk = !Characters.isWordCharacter(literal.charAt(literal.length() - 1)) || Characters.endsWord(side, last);
        return startOk && endOk;
    }

    private static boolean excluded(String side, List<String> exclusions) {
        for (String exclusion : exclusions) {
            if (find(side, exclusion, 0) >= 0) {
                return true;
            }
        }
        return false;
    }

    private Prepared prepared() throws SQLException {
        long version = store.version();
        Prepared current = prepared;
        if (current != null && current.version() == version) {
            return current;
        }
        synchronized (this) {
            current = prepared;
            if (current == null || current.version() != version) {
                current = new Prepared(version, Units.of(store.all()));
                prepared = current;
            }
            return current;
        }
    }
}
