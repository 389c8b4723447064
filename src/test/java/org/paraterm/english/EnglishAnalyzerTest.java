package org.paraterm.english;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.paraterm.UnpcDev;

class EnglishAnalyzerTest {

    private final EnglishAnalyzer analyzer = EnglishAnalyzer.shared();

    @Test
    void shouldTagAndLemmatiseAUnSentenceWithOffsetsIntoTheText() {
        String text = "The Security Council calls upon Member States to prevent the movement of foreign "
                + "terrorist fighters.";
        List<EnglishToken> tokens = analyzer.tokens(text);
        EnglishToken fighters = tokens.get(tokens.size() - 2);
        assertEquals("fighters", fighters.text());
        assertEquals("fighters", text.substring(fighters.start(), fighters.end()));
        assertEquals("NOUN", fighters.pos());
        assertEquals("fighter", fighters.lemma());
        assertEquals("PROPN", tokens.get(1).pos());
        assertEquals("PUNCT", tokens.get(tokens.size() - 1).pos());
    }

    @Test
    void shouldSplitSentencesKeepingOffsetsOfTheWholeText() {
        String text = "The Committee adopted the report. It was issued as document A/69/767.";
        List<EnglishSentence> sentences = analyzer.analyze(text);
        assertEquals(2, sentences.size());
        EnglishSentence second = sentences.get(1);
        assertEquals("It was issued as document A/69/767.", text.substring(second.start(), second.end()));
        EnglishToken it = second.tokens().get(0);
        assertEquals("It", text.substring(it.start(), it.end()));
    }

    @Test
    void shouldGiveTheSameAnalysisFromManyThreads() throws Exception {
        List<String> lines = UnpcDev.units().subList(0, 200).stream().map(unit -> unit.en()).toList();
        List<List<EnglishToken>> alone = lines.stream().map(analyzer::tokens).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<EnglishToken>>> together = lines.stream()
                    .map(line -> pool.submit(() -> analyzer.tokens(line))).toList();
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(alone.get(i), together.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
