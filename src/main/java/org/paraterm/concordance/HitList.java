package org.paraterm.concordance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Every hit of a query, exact and complete, held as parallel arrays of ints: the unit (Lucene
 * document) and the hit's range in it, plus where that unit sits (document, paragraph or footnote,
 * offset). Found from postings and doc values only; text is read only for the hits a page shows
 * and, for sorting by context, a short key per hit.
 */
public final class HitList {

    /** How many characters of context decide a sort by context; ties beyond fall back to document order. */
    static final int SORT_KEY = 24;

    private final CorpusIndex.View view;
    private final ConcordanceQuery query;
    private final int[] units;
    private final int[] starts;
    private final int[] ends;
    private final long[] documents;

    private HitList(CorpusIndex.View view, ConcordanceQuery query, int[] units, int[] starts, int[] ends,
                    long[] documents) {
        this.view = view;
        this.query = query;
        this.units = units;
        this.starts = starts;
        this.ends = ends;
        this.documents = documents;
    }

    /**
     * Finds every hit of a query in the documents a filter accepts. Per matching unit it reads one
     * doc value, the document id (for the filter, and to sort and count by document); where the
     * unit sits in its document is read later, and only for the hits that need it.
     */
    public static HitList find(CorpusIndex.View view, ConcordanceQuery query, ConcordanceFilter filter)
            throws IOException {
        IntList units = new IntList(64);
        IntList starts = new IntList(64);
        IntList ends = new IntList(64);
        long[] documentIds = new long[64];
        Map<Long, IndexedDocument> documents = view.documents();
        for (LeafReaderContext leaf : view.searcher().getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            LeafMatcher matcher = matcher(reader, query.alternatives());
            if (matcher == null) {
                continue;
            }
            List<LeafMatcher> exclusions = new ArrayList<>();
            for (String excluded : query.exclusions()) {
                LeafMatcher exclusion = ChainMatcher.of(reader, List.of(excluded), 0);
                if (exclusion != null) {
                    exclusions.add(exclusion);
                }
            }
            Bits live = reader.getLiveDocs();
            NumericDocValues documentValues = reader.getNumericDocValues(CorpusIndex.DOCUMENT_ID);
            long previousDocument = Long.MIN_VALUE;
            boolean accepted = true;
            for (int doc = matcher.nextDoc(); doc != LeafMatcher.NO_MORE_DOCS; doc = matcher.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (!documentValues.advanceExact(doc)) {
                    continue;
                }
                long documentId = documentValues.longValue();
                if (documentId != previousDocument) {
                    previousDocument = documentId;
                    accepted = filter.isAll() || filter.accepts(documents.get(documentId));
                }
                if (!accepted || excluded(exclusions, doc)) {
                    continue;
                }
                int before = starts.size();
                matcher.hits(starts, ends);
                if (documentIds.length < starts.size()) {
                    documentIds = Arrays.copyOf(documentIds, Math.max(starts.size(), documentIds.length * 2));
                }
                for (int i = before; i < starts.size(); i++) {
                    units.add(leaf.docBase + doc);
                    documentIds[i] = documentId;
                }
            }
        }
        return new HitList(view, query, units.toArray(), starts.toArray(), ends.toArray(),
                Arrays.copyOf(documentIds, starts.size()));
    }

    private static LeafMatcher matcher(LeafReader reader, List<List<String>> alternatives) throws IOException {
        List<LeafMatcher> matchers = new ArrayList<>();
        for (List<String> chain : alternatives) {
            LeafMatcher matcher = ChainMatcher.of(reader, chain, ConcordanceQuery.GAP);
            if (matcher != null) {
                matchers.add(matcher);
            }
        }
        if (matchers.isEmpty()) {
            return null;
        }
        return matchers.size() == 1 ? matchers.get(0) : new AnyMatcher(matchers);
    }

    private static boolean excluded(List<LeafMatcher> exclusions, int doc) throws IOException {
        for (LeafMatcher exclusion : exclusions) {
            int at = exclusion.docID() < doc ? exclusion.advance(doc) : exclusion.docID();
            if (at == doc) {
                return true;
            }
        }
        return false;
    }

    public ConcordanceQuery query() {
        return query;
    }

    /** The number of hits: exact, every occurrence once. */
    public int total() {
        return starts.length;
    }

    /** The hits' handles in a sort order. */
    public int[] sorted(ConcordanceSort sort) throws IOException {
        int[] order = new int[total()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        IntSorter.Comparator inDocuments = documentOrder(sort == ConcordanceSort.ORDER);
        switch (sort) {
            case DOC, ORDER -> IntSorter.sort(order, inDocuments);
            case LEFT, RIGHT -> {
                String[] keys = contextKeys(sort == ConcordanceSort.LEFT);
                // The first four characters of each key packed in a long decide most comparisons
                // without touching the strings: unsigned order of the packed chars is string order.
                long[] prefixes = new long[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    prefixes[i] = prefix(keys[i]);
                }
                IntSorter.sort(order, (a, b) -> {
                    int byPrefix = Long.compareUnsigned(prefixes[a], prefixes[b]);
                    if (byPrefix != 0) {
                        return byPrefix;
                    }
                    int byKey = keys[a].compareTo(keys[b]);
                    return byKey != 0 ? byKey : inDocuments.compare(a, b);
                });
            }
        }
        return order;
    }

    /**
     * The first four characters of a key, 16 bits each, the first the most significant. A key
     * shorter than four characters is padded with U+0000, which sorts before every character.
     */
    static long prefix(String key) {
        long packed = 0;
        for (int i = 0; i < 4; i++) {
            packed = (packed << 16) | (i < key.length() ? key.charAt(i) : 0);
        }
        return packed;
    }

    /** Compares hits by document (by symbol, or by load order), then place in the document. */
    private IntSorter.Comparator documentOrder(boolean loadOrder) {
        Map<Long, Integer> ranks = new java.util.HashMap<>();
        List<IndexedDocument> ranked = new ArrayList<>(view.documents().values());
        ranked.sort(loadOrder ? Comparator.comparingLong(IndexedDocument::id)
                : Comparator.comparing(IndexedDocument::label).thenComparing(IndexedDocument::source)
                        .thenComparingLong(IndexedDocument::id));
        for (int i = 0; i < ranked.size(); i++) {
            ranks.put(ranked.get(i).id(), i);
        }
        int[] rank = new int[total()];
        for (int i = 0; i < rank.length; i++) {
            // Hits come grouped by unit, so most share the previous hit's document.
            rank[i] = i > 0 && documents[i] == documents[i - 1] ? rank[i - 1]
                    : ranks.getOrDefault(documents[i], Integer.MAX_VALUE);
        }
        return (a, b) -> {
            if (rank[a] != rank[b]) {
                return Integer.compare(rank[a], rank[b]);
            }
            // A document's units are added as one block, and Lucene keeps a block's order through
            // merges: within a document, unit order is index order.
            if (units[a] != units[b]) {
                return Integer.compare(units[a], units[b]);
            }
            return Integer.compare(starts[a], starts[b]);
        };
    }

    /** A short key per hit: the text after it, or the text before it reversed. */
    private String[] contextKeys(boolean left) throws IOException {
        String[] keys = new String[total()];
        List<LeafReaderContext> leaves = view.searcher().getIndexReader().leaves();
        int leafIndex = -1;
        BinaryDocValues texts = null;
        LeafReaderContext leaf = null;
        int currentUnit = -1;
        BytesRef text = null;
        StringBuilder key = new StringBuilder(SORT_KEY);
        for (int i = 0; i < keys.length; i++) {
            if (units[i] != currentUnit) {
                currentUnit = units[i];
                int index = ReaderUtil.subIndex(currentUnit, leaves);
                if (index != leafIndex) {
                    leafIndex = index;
                    leaf = leaves.get(index);
                    texts = leaf.reader().getBinaryDocValues(CorpusIndex.TEXT);
                }
                texts.advanceExact(currentUnit - leaf.docBase);
                text = texts.binaryValue();
            }
            key.setLength(0);
            if (left) {
                for (int at = starts[i] - 1; at >= Math.max(0, starts[i] - SORT_KEY); at--) {
                    key.append(CorpusIndex.charAt(text, at));
                }
            } else {
                int length = CorpusIndex.length(text);
                for (int at = ends[i]; at < Math.min(length, ends[i] + SORT_KEY); at++) {
                    key.append(CorpusIndex.charAt(text, at));
                }
            }
            keys[i] = key.toString();
        }
        return keys;
    }

    /** The lines of hits {@code [from, from + size)} of an order, with {@code context} characters each side. */
    public List<KwicLine> lines(int[] order, int from, int size, int context) throws IOException {
        List<KwicLine> lines = new ArrayList<>();
        List<LeafReaderContext> leaves = view.searcher().getIndexReader().leaves();
        for (int k = from; k < Math.min(order.length, from + size); k++) {
            lines.add(line(order[k], leaves, context));
        }
        return lines;
    }

    private KwicLine line(int hit, List<LeafReaderContext> leaves, int context) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(units[hit], leaves));
        BinaryDocValues texts = leaf.reader().getBinaryDocValues(CorpusIndex.TEXT);
        texts.advanceExact(units[hit] - leaf.docBase);
        BytesRef text = texts.binaryValue();
        int length = CorpusIndex.length(text);
        String left = CorpusIndex.substring(text, Math.max(0, starts[hit] - context), starts[hit]);
        String match = CorpusIndex.substring(text, starts[hit], ends[hit]);
        String right = CorpusIndex.substring(text, ends[hit], Math.min(length, ends[hit] + context));
        NumericDocValues paragraphValues = leaf.reader().getNumericDocValues(CorpusIndex.PARAGRAPH);
        NumericDocValues startValues = leaf.reader().getNumericDocValues(CorpusIndex.UNIT_START);
        paragraphValues.advanceExact(units[hit] - leaf.docBase);
        startValues.advanceExact(units[hit] - leaf.docBase);
        int paragraph = (int) paragraphValues.longValue();
        int unitStart = (int) startValues.longValue();
        IndexedDocument document = view.documents().get(documents[hit]);
        String symbol = document == null ? "" : document.label();
        long id = documents[hit];
        int hitLength = ends[hit] - starts[hit];
        if (paragraph < 0) {
            int footnote = -paragraph;
            return new KwicLine(id, symbol, null, footnote, starts[hit], left, match, right,
                    "/documents/" + id + "?fn=" + footnote + "&hl=" + starts[hit] + "-" + hitLength + "#fn" + footnote);
        }
        int offset = unitStart + starts[hit];
        return new KwicLine(id, symbol, paragraph, null, offset, left, match, right,
                "/documents/" + id + "?hl=" + offset + "-" + hitLength + "#p" + paragraph);
    }

    /** A document and its number of hits. */
    public record DocumentCount(long doc, String symbol, String body, int year, int count) {
    }

    /** Hits per document, in the order of the document sort. */
    public List<DocumentCount> byDocument() {
        Map<Long, Integer> counts = new java.util.HashMap<>();
        for (long document : documents) {
            counts.merge(document, 1, Integer::sum);
        }
        List<DocumentCount> rows = new ArrayList<>();
        for (Map.Entry<Long, Integer> entry : counts.entrySet()) {
            IndexedDocument document = view.documents().get(entry.getKey());
            rows.add(document == null ? new DocumentCount(entry.getKey(), "", null, 0, entry.getValue())
                    : new DocumentCount(document.id(), document.label(), document.body(), document.year(),
                            entry.getValue()));
        }
        rows.sort(Comparator.comparing(DocumentCount::symbol).thenComparingLong(DocumentCount::doc));
        return rows;
    }

    /** Hits per year (0 for documents without a date), years ascending. */
    public Map<Integer, Integer> byYear() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (long document : documents) {
            IndexedDocument indexed = view.documents().get(document);
            counts.merge(indexed == null ? 0 : indexed.year(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Where each hit falls in its document, as a fraction of the document's length, by document:
     * a footnote's hits fall where the footnote is first marked.
     */
    public Map<Long, double[]> positions() throws IOException {
        Map<Long, IntList> offsets = new LinkedHashMap<>();
        List<LeafReaderContext> leaves = view.searcher().getIndexReader().leaves();
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        NumericDocValues paragraphValues = null;
        NumericDocValues startValues = null;
        int currentUnit = -1;
        boolean footnote = false;
        int unitStart = 0;
        IntList current = null;
        for (int i = 0; i < documents.length; i++) {
            if (units[i] != currentUnit) {
                currentUnit = units[i];
                int index = ReaderUtil.subIndex(currentUnit, leaves);
                if (index != leafIndex) {
                    leafIndex = index;
                    leaf = leaves.get(index);
                    paragraphValues = leaf.reader().getNumericDocValues(CorpusIndex.PARAGRAPH);
                    startValues = leaf.reader().getNumericDocValues(CorpusIndex.UNIT_START);
                }
                paragraphValues.advanceExact(currentUnit - leaf.docBase);
                startValues.advanceExact(currentUnit - leaf.docBase);
                footnote = paragraphValues.longValue() < 0;
                unitStart = (int) startValues.longValue();
                current = offsets.computeIfAbsent(documents[i], d -> new IntList(16));
            }
            current.add(footnote ? unitStart : unitStart + starts[i]);
        }
        Map<Long, double[]> positions = new LinkedHashMap<>();
        for (Map.Entry<Long, IntList> entry : offsets.entrySet()) {
            IndexedDocument document = view.documents().get(entry.getKey());
            double length = document == null ? 1 : Math.max(1, document.length());
            double[] fractions = new double[entry.getValue().size()];
            for (int i = 0; i < fractions.length; i++) {
                fractions[i] = Math.min(1, entry.getValue().get(i) / length);
            }
            positions.put(entry.getKey(), fractions);
        }
        return positions;
    }
}
