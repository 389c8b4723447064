package org.paraterm.concordance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.Footnote;
import org.paraterm.corpus.FootnoteMark;
import org.paraterm.corpus.MatchText;
import org.paraterm.corpus.Paragraph;

/**
 * The concordance's Lucene index, without a database: documents go in and out whole, and a
 * {@link View} searches one consistent state of it.
 *
 * <p>Each paragraph and each footnote is one Lucene document (a <em>unit</em>), tokenized one
 * position per character ({@link CharacterTokens}) in a bigram and a unigram field; its displayed
 * text is kept as binary doc values (UTF-16, so that a character is found at twice its offset
 * without decoding), and its place as numeric doc values. Each corpus document also has one
 * record document with its metadata in stored fields, read into memory when a view opens.
 */
public final class CorpusIndex implements AutoCloseable {

    /** Changes whenever what is indexed changes shape; an index of another format is rebuilt. */
    static final String FORMAT = "concordance-1";

    static final String BIGRAMS = "bi";
    static final String UNIGRAMS = "uni";
    static final String TEXT = "text";
    static final String DOCUMENT_ID = "docId";
    static final String UNIT = "unit";
    static final String UNIT_START = "start";
    static final String PARAGRAPH = "paragraph";
    private static final String DOC = "doc";
    private static final String KIND = "kind";
    private static final String RECORD = "document";

    private static final FieldType POSITIONS = new FieldType();

    static {
        POSITIONS.setTokenized(true);
        POSITIONS.setOmitNorms(true);
        POSITIONS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        POSITIONS.freeze();
    }

    /** One consistent state of the index: release it with {@link #close()}. */
    public final class View implements AutoCloseable {
        private final IndexSearcher searcher;
        private final Map<Long, IndexedDocument> documents;

        private View(IndexSearcher searcher, Map<Long, IndexedDocument> documents) {
            this.searcher = searcher;
            this.documents = documents;
        }

        public IndexSearcher searcher() {
            return searcher;
        }

        /** The indexed documents by database id. */
        public Map<Long, IndexedDocument> documents() {
            return documents;
        }

        /**
         * The version of the index this view reads: it changes with every change to the index, so
         * results computed from one view can be kept until it changes (see {@link org.paraterm.ResultCache}).
         */
        public long version() {
            return ((DirectoryReader) searcher.getIndexReader()).getVersion();
        }

        @Override
        public void close() throws IOException {
            manager.release(searcher);
        }
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager manager;
    /** The record documents of the searcher last opened, swapped whole on each refresh. */
    private volatile Map<Long, IndexedDocument> documents = Map.of();
    private volatile IndexSearcher documentsOf;

    private CorpusIndex(Directory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.manager = new SearcherManager(writer, null);
    }

    /**
     * Opens the index in a directory, creating it when there is none. An index written in another
     * format, or one that cannot be read, is emptied: the caller then indexes the corpus again.
     */
    public static CorpusIndex open(Directory directory) throws IOException {
        boolean usable = false;
        try {
            if (DirectoryReader.indexExists(directory)) {
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    usable = FORMAT.equals(reader.getIndexCommit().getUserData().get("format"));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            usable = false;
        }
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(usable ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(true);
        IndexWriter writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of("format", FORMAT).entrySet());
        return new CorpusIndex(directory, writer);
    }

    /** Adds a document's paragraphs and footnotes; call {@link #commit()} to make them visible. */
    public void add(long id, String hash, CleanDocument document) throws IOException {
        List<Document> units = new ArrayList<>(document.paragraphs().size() + document.footnotes().size() + 1);
        String match = document.matchText();
        int ordinal = 0;
        for (Paragraph paragraph : document.paragraphs()) {
            units.add(unit(id, ordinal++, paragraph.index(), paragraph.start(), paragraph.text(),
                    match.substring(paragraph.start(), paragraph.end())));
        }
        Map<Integer, Integer> anchors = new HashMap<>();
        for (Paragraph paragraph : document.paragraphs()) {
            for (FootnoteMark mark : paragraph.marks()) {
                anchors.putIfAbsent(mark.number(), mark.offset());
            }
        }
        for (Footnote footnote : document.footnotes()) {
            units.add(unit(id, ordinal++, -footnote.number(),
                    anchors.getOrDefault(footnote.number(), document.text().length()), footnote.text(),
                    MatchText.of(footnote.text())));
        }
        units.add(record(id, hash, document));
        writer.addDocuments(units);
    }

    /** Removes a document's units and record. */
    public void delete(long id) throws IOException {
        writer.deleteDocuments(new Term(DOC, Long.toString(id)));
    }

    /** Makes every change so far durable and visible to the next view. */
    public void commit() throws IOException {
        writer.commit();
        manager.maybeRefreshBlocking();
    }

    /** Empties the index (to rebuild it). */
    public void clear() throws IOException {
        writer.deleteAll();
    }

    public View view() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return new View(searcher, documentsOf(searcher));
        } catch (IOException | RuntimeException e) {
            manager.release(searcher);
            throw e;
        }
    }

    private synchronized Map<Long, IndexedDocument> documentsOf(IndexSearcher searcher) throws IOException {
        if (documentsOf != searcher) {
            documents = readRecords(searcher);
            documentsOf = searcher;
        }
        return documents;
    }

    private static Map<Long, IndexedDocument> readRecords(IndexSearcher searcher) throws IOException {
        Map<Long, IndexedDocument> records = new HashMap<>();
        Query query = new TermQuery(new Term(KIND, RECORD));
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            StoredFields stored = leaf.reader().storedFields();
            org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                Document record = stored.document(doc);
                IndexedDocument indexed = new IndexedDocument(record.getField("id").numericValue().longValue(),
                        record.get("hash"), record.get("source"), record.get("symbol"), record.get("title"),
                        record.get("body"), record.getField("year").numericValue().intValue(), record.get("language"),
                        record.getField("length").numericValue().intValue());
                records.put(indexed.id(), indexed);
            }
        }
        return Collections.unmodifiableMap(records);
    }

    private static Document unit(long id, int ordinal, int paragraph, int start, String text, String match) {
        String normalized = Characters.normalize(match);
        Document unit = new Document();
        unit.add(new StringField(DOC, Long.toString(id), Field.Store.NO));
        unit.add(new Field(BIGRAMS, new CharacterTokens(normalized, true), POSITIONS));
        unit.add(new Field(UNIGRAMS, new CharacterTokens(normalized, false), POSITIONS));
        unit.add(new NumericDocValuesField(DOCUMENT_ID, id));
        unit.add(new NumericDocValuesField(UNIT, ordinal));
        unit.add(new NumericDocValuesField(PARAGRAPH, paragraph));
        unit.add(new NumericDocValuesField(UNIT_START, start));
        unit.add(new BinaryDocValuesField(TEXT, new BytesRef(text.getBytes(StandardCharsets.UTF_16BE))));
        return unit;
    }

    private static Document record(long id, String hash, CleanDocument document) {
        Document record = new Document();
        record.add(new StringField(DOC, Long.toString(id), Field.Store.NO));
        record.add(new StringField(KIND, RECORD, Field.Store.NO));
        record.add(new StoredField("id", id));
        record.add(new StoredField("hash", hash));
        record.add(new StoredField("source", document.source()));
        if (document.symbol() != null) {
            record.add(new StoredField("symbol", document.symbol()));
        }
        if (document.title() != null) {
            record.add(new StoredField("title", document.title()));
        }
        if (document.body() != null) {
            record.add(new StoredField("body", document.body()));
        }
        record.add(new StoredField("year", document.date() == null ? 0 : document.date().getYear()));
        record.add(new StoredField("language", document.language() == null ? "" : document.language()));
        record.add(new StoredField("length", document.text().length()));
        return record;
    }

    /** The character at {@code index} of a unit's text as stored in {@link #TEXT}. */
    static char charAt(BytesRef text, int index) {
        int at = text.offset + 2 * index;
        return (char) (((text.bytes[at] & 0xFF) << 8) | (text.bytes[at + 1] & 0xFF));
    }

    /** Characters {@code [from, to)} of a unit's text as stored in {@link #TEXT}. */
    static String substring(BytesRef text, int from, int to) {
        return new String(text.bytes, text.offset + 2 * from, 2 * (to - from), StandardCharsets.UTF_16BE);
    }

    static int length(BytesRef text) {
        return text.length / 2;
    }

    @Override
    public void close() throws IOException {
        try {
            manager.close();
        } finally {
            try {
                writer.close();
            } finally {
                directory.close();
            }
        }
    }
}
