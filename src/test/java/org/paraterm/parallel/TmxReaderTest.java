package org.paraterm.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TMX 1.4b translation memories built from UNPC development lines: languages, inline codes, refusals. */
class TmxReaderTest {

    static final Path EXCERPT = Path.of("src/test/resources/parallel/unpc-excerpt.tmx");
    static final Path BROKEN = Path.of("src/test/resources/parallel/unpc-broken.tmx");

    @Test
    void shouldReadEveryUnitWithSimplifiedChineseAndEnglishWhateverTheCaseOfTheCode() throws Exception {
        TmxReader.Result tmx = TmxReader.read(EXCERPT);

        assertThat(tmx.units()).hasSize(6);
        assertThat(tmx.skipped()).as("only Chinese, zh-TW, an English side of codes only").isEqualTo(3);
        assertThat(tmx.sourceLanguage()).isEqualTo("zh-CN");
        assertThat(tmx.units()).allSatisfy(unit -> {
            assertThat(unit.document()).isEqualTo("unpc-excerpt");
            assertThat(unit.confidentOneToOne()).isTrue();
        });
        assertThat(tmx.units().get(5)).isEqualTo(ParallelUnit.given("第六十九届会议", "Sixty-ninth session", "unpc-excerpt"));
    }

    @Test
    void shouldKeepTheTextOfHighlightsAndDropFormattingCodes() throws Exception {
        TmxReader.Result tmx = TmxReader.read(EXCERPT);

        assertThat(tmx.units().get(0).zh()).isEqualTo("迄今为止，该处一直采用几项具体指标，如毒品和犯罪问题办公室协助加入国际法律文书的国家数目的增加、"
                + "起草法律的受援国数目和获得培训的国家官员的人数。");
        assertThat(tmx.units().get(0).en()).contains("States assisted by UNODC becoming parties").doesNotContain("<b>");
        assertThat(tmx.units().get(1).zh()).startsWith("同被偷运移民和受害者的回返");
        assertThat(tmx.units().get(1).en()).contains("the return of smuggled migrants and victims");
        assertThat(tmx.units().get(2).en()).endsWith("(UNDP) and UNODC.");
        assertThat(tmx.units().get(2).zh()).endsWith("的合作赞助。");
    }

    @Test
    void shouldJoinLinesInsideASegmentWithoutASpaceBetweenChineseCharacters() throws Exception {
        TmxReader.Result tmx = TmxReader.read(EXCERPT);

        assertThat(tmx.units().get(3).zh()).isEqualTo("毒品和犯罪问题办公室还为检察官组办了一次关于性暴力和基于性别的暴力的对培训人员的培训课程，"
                + "随后由参加者在各地进行了同侪培训。");
        assertThat(tmx.units().get(3).en()).contains("on sexual and gender-based violence, followed by");
        assertThat(tmx.units().get(4).zh()).isEqualTo("联合国的任何改革都不应重新定义《宪章》的这些原则，也不应破坏这些原则的实行。");
    }

    @Test
    void shouldRefuseBrokenXmlWithTheLineOfTheProblem() {
        assertThatThrownBy(() -> TmxReader.read(BROKEN))
                .isInstanceOf(ParallelFormatException.class)
                .hasMessageStartingWith("unpc-broken.tmx:20: not well-formed XML")
                .satisfies(e -> assertThat(((ParallelFormatException) e).line()).isEqualTo(20));
    }

    @Test
    void shouldRefuseAFileWithoutBodyOrWithoutAnyChineseEnglishUnit(@TempDir Path temp) throws Exception {
        Path noBody = temp.resolve("no-body.tmx");
        Files.writeString(noBody, """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4">
                  <header srclang="zh" segtype="sentence" datatype="plaintext" adminlang="en" o-tmf="x"
                          creationtool="x" creationtoolversion="1"/>
                </tmx>
                """, StandardCharsets.UTF_8);
        Path noPair = temp.resolve("no-pair.tmx");
        Files.writeString(noPair, """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4">
                  <header srclang="zh"/>
                  <body>
                    <tu><tuv xml:lang="zh"><seg>第六十九届会议</seg></tuv><tuv xml:lang="fr"><seg>Soixante-neuvième session</seg></tuv></tu>
                  </body>
                </tmx>
                """, StandardCharsets.UTF_8);
        Path notTmx = temp.resolve("glossary.tmx");
        Files.writeString(notTmx, "<?xml version=\"1.0\"?>\n<martif type=\"TBX\"><text/></martif>\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TmxReader.read(noBody)).hasMessage("no-body.tmx:5: the TMX file has no <body>");
        assertThatThrownBy(() -> TmxReader.read(noPair)).hasMessageStartingWith("no-pair.tmx:4: no translation unit has"
                + " both a Chinese (zh, zh-CN, zh-Hans) and an English (en, en-*) segment (1 units skipped)");
        assertThatThrownBy(() -> TmxReader.read(notTmx)).hasMessageStartingWith("glossary.tmx:2: the root element is <martif>");
    }

    @Test
    void shouldNeitherFetchExternalEntitiesNorExpandThem(@TempDir Path temp) throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "联合国内部文件 internal");
        Path attack = temp.resolve("xxe.tmx");
        Files.writeString(attack, """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE tmx [ <!ENTITY secret SYSTEM "%s"> ]>
                <tmx version="1.4">
                  <header srclang="zh"/>
                  <body>
                    <tu><tuv xml:lang="zh"><seg>第六十九届会议&secret;</seg></tuv><tuv xml:lang="en"><seg>Sixty-ninth session</seg></tuv></tu>
                  </body>
                </tmx>
                """.formatted(secret.toUri()), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TmxReader.read(attack))
                .isInstanceOf(ParallelFormatException.class)
                .hasMessageStartingWith("xxe.tmx:6: not well-formed XML")
                .hasMessageNotContaining("internal");
    }

    @Test
    void shouldAcceptTheLanguageCodesOfSimplifiedChineseAndEnglishOnly() {
        assertThat(TmxReader.language("zh")).isEqualTo("zh");
        assertThat(TmxReader.language("ZH-cn")).isEqualTo("zh");
        assertThat(TmxReader.language("zh-Hans")).isEqualTo("zh");
        assertThat(TmxReader.language("zh_CN")).isEqualTo("zh");
        assertThat(TmxReader.language("zh-TW")).isNull();
        assertThat(TmxReader.language("zh-Hant")).isNull();
        assertThat(TmxReader.language("en")).isEqualTo("en");
        assertThat(TmxReader.language("EN-us")).isEqualTo("en");
        assertThat(TmxReader.language("en-GB")).isEqualTo("en");
        assertThat(TmxReader.language("fr")).isNull();
    }
}
