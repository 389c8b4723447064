package org.paraterm.english;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.lemmatizer.ThreadSafeLemmatizerME;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.ThreadSafePOSTaggerME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * English sentences, tokens with character offsets, Universal Dependencies part-of-speech tags and
 * lemmas, from Apache OpenNLP's UD English Web Treebank models (1.3). One instance is shared by the
 * whole process ({@link #shared()}); it loads its models on first use (about 2 MB, well under a
 * second) and may be called from any number of threads, since it uses OpenNLP's
 * {@code ThreadSafe*ME} wrappers (one decoder per thread over the shared models).
 */
public final class EnglishAnalyzer {

    /*
     * Each model jar carries a root model.properties and only one survives shading into the fat jar,
     * so every model is opened by its own .bin resource name, never through the jars' properties.
     */
    private static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final String LEMMA_MODEL = "/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

    private final ThreadSafeSentenceDetectorME sentences;
    private final ThreadSafeTokenizerME tokenizer;
    private final ThreadSafePOSTaggerME tagger;
    private final ThreadSafeLemmatizerME lemmatizer;

    private EnglishAnalyzer() {
        try {
            sentences = new ThreadSafeSentenceDetectorME(new SentenceModel(open(SENTENCE_MODEL)));
            tokenizer = new ThreadSafeTokenizerME(new TokenizerModel(open(TOKEN_MODEL)));
            tagger = new ThreadSafePOSTaggerME(new POSModel(open(POS_MODEL)), POSTagFormat.UD);
            lemmatizer = new ThreadSafeLemmatizerME(new LemmatizerModel(open(LEMMA_MODEL)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenNLP English models", e);
        }
    }

    private static final class Holder {
        static final EnglishAnalyzer INSTANCE = new EnglishAnalyzer();
    }

    /** The process's analyser, its models loaded on the first call. */
    public static EnglishAnalyzer shared() {
        return Holder.INSTANCE;
    }

    /** The sentences of {@code text} as half-open character ranges, trimmed of surrounding space. */
    public List<org.paraterm.corpus.Span> sentenceSpans(String text) {
        List<org.paraterm.corpus.Span> spans = new ArrayList<>();
        for (Span span : sentences.sentPosDetect(text)) {
            spans.add(new org.paraterm.corpus.Span(span.getStart(), span.getEnd()));
        }
        return spans;
    }

    /** The tokens of {@code text} (one sentence or a short passage) with tags and lemmas. */
    public List<EnglishToken> tokens(String text) {
        return tokens(text, 0, text.length());
    }

    /**
     * The tokens of {@code text} with tags but without the statistical lemmatiser, whose decoding is
     * about four fifths of {@link #tokens}' time: each lemma is the lower-cased word. For callers that
     * normalise words themselves (org.paraterm.suggest tags English candidates on demand).
     */
    public List<EnglishToken> taggedTokens(String text) {
        Span[] spans = tokenizer.tokenizePos(text);
        if (spans.length == 0) {
            return List.of();
        }
        String[] words = Span.spansToStrings(spans, text);
        String[] tags = tagger.tag(words);
        List<EnglishToken> tokens = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            tokens.add(new EnglishToken(words[i], spans[i].getStart(), spans[i].getEnd(), tags[i],
                    words[i].toLowerCase(java.util.Locale.ROOT)));
        }
        return tokens;
    }

    /** {@code text} split into sentences, each tokenised, tagged and lemmatised. */
    public List<EnglishSentence> analyze(String text) {
        List<EnglishSentence> result = new ArrayList<>();
        for (Span span : sentences.sentPosDetect(text)) {
            result.add(new EnglishSentence(span.getStart(), span.getEnd(),
                    tokens(text, span.getStart(), span.getEnd())));
        }
        return result;
    }

    /** Tokens of {@code text[start, end)}, their offsets counted in the whole {@code text}. */
    private List<EnglishToken> tokens(String text, int start, int end) {
        String piece = text.substring(start, end);
        Span[] spans = tokenizer.tokenizePos(piece);
        if (spans.length == 0) {
            return List.of();
        }
        String[] words = Span.spansToStrings(spans, piece);
        String[] tags = tagger.tag(words);
        String[] lemmas = lemmatizer.lemmatize(words, tags);
        List<EnglishToken> tokens = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            tokens.add(new EnglishToken(words[i], start + spans[i].getStart(), start + spans[i].getEnd(),
                    tags[i], lemma(words[i], lemmas[i])));
        }
        return tokens;
    }

    /** The model answers "O" for words it cannot lemmatise; the lower-cased word is then the lemma. */
    private static String lemma(String word, String modelLemma) {
        return modelLemma == null || modelLemma.equals("O") || modelLemma.isEmpty()
                ? word.toLowerCase(java.util.Locale.ROOT) : modelLemma;
    }

    static InputStream open(String resource) throws IOException {
        InputStream in = EnglishAnalyzer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("the model " + resource + " is not on the class path");
        }
        return in;
    }
}
