package org.paraterm.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary input never makes the reader throw anything but a clear refusal, and whatever it
 * returns is consistent: offsets inside the text, the match text aligned.
 */
class ReaderRobustnessTest {

    private static final String PIECES = "的会员国《》（）()。，；、__ \n\n  https://undocs.org/ch/A/RES/1/2\n"
            + "A/C.3/74/L.18\n19-17644 2/18\n1 \n2\n\f\uD800\uDC00\uDBFF\u3000\uE000\uFFFD\t-abc 5. (a) 2 0 0 9 年";

    private final DocumentReader reader = new DocumentReader();

    @RepeatedTest(200)
    void shouldSurviveRandomText(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(3000);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(4) == 0) {
                text.append((char) random.nextInt(0x10000));
            } else {
                text.append(PIECES.charAt(random.nextInt(PIECES.length())));
            }
        }
        readWithoutSurprise(text.toString().getBytes(StandardCharsets.UTF_8));
        readWithoutSurprise(text.toString().getBytes(StandardCharsets.UTF_16));
    }

    @RepeatedTest(50)
    void shouldSurviveRandomBytes(RepetitionInfo repetition) {
        Random random = new Random(1000L + repetition.getCurrentRepetition());
        byte[] bytes = new byte[random.nextInt(5000)];
        random.nextBytes(bytes);
        readWithoutSurprise(bytes);
    }

    @RepeatedTest(40)
    void shouldSurviveARealDocumentWithLinesShuffledDroppedAndRepeated(RepetitionInfo repetition) {
        Random random = new Random(2000L + repetition.getCurrentRepetition());
        List<String> lines = new ArrayList<>(Excerpts.allLines(Excerpts.REPORT));
        for (int edit = 0; edit < 60; edit++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(4)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
                case 2 -> Collections.swap(lines, at, random.nextInt(lines.size()));
                default -> lines.set(at, lines.get(at).substring(0, random.nextInt(lines.get(at).length() + 1)));
            }
        }
        readWithoutSurprise(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldSurviveHugeLinesAndLoneSurrogates() {
        String huge = "联合国毒品和犯罪问题办公室(".repeat(40_000) + "\uD800" + "1 ".repeat(10_000) + "\uDC00。";
        readWithoutSurprise(huge.getBytes(StandardCharsets.UTF_8));
        readWithoutSurprise(("《".repeat(100_000) + "。" + "》".repeat(50_000)).getBytes(StandardCharsets.UTF_8));
        readWithoutSurprise((" \n".repeat(200_000) + "x").getBytes(StandardCharsets.UTF_8));
    }

    private void readWithoutSurprise(byte[] bytes) {
        CleanDocument document;
        try {
            document = reader.read("random.txt", bytes);
        } catch (UnreadableDocumentException refused) {
            assertThat(refused.getMessage()).startsWith("random.txt: ");
            return;
        }
        String text = document.text();
        assertThat(document.matchText()).hasSameSizeAs(text);
        for (Paragraph paragraph : document.paragraphs()) {
            assertThat(text.substring(paragraph.start(), paragraph.end())).isEqualTo(paragraph.text());
            for (Sentence sentence : paragraph.sentences()) {
                assertThat(sentence.span().end()).isLessThanOrEqualTo(text.length());
            }
            for (FootnoteMark mark : paragraph.marks()) {
                assertThat(mark.offset()).isBetween(paragraph.start(), paragraph.end());
            }
        }
        for (Reference reference : document.references()) {
            if (reference.span() != null) {
                assertThat(reference.span().end()).isLessThanOrEqualTo(text.length());
            }
        }
        assertThat(text).doesNotContainPattern("[\uE000-\uF8FF]");
        CleanPrinter.print(document);
    }
}
