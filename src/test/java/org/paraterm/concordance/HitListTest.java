package org.paraterm.concordance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.DocumentReader;
import org.paraterm.corpus.Footnote;
import org.paraterm.corpus.MatchText;
import org.paraterm.corpus.Paragraph;

/**
 * The concordance's hits on the five bundled documents, in an index built once for the class,
 * checked against a plain scan of the same cleaned text (paragraphs and footnotes).
 */
class HitListTest {

    private static CorpusIndex index;
    private static final Map<Long, CleanDocument> DOCUMENTS = new LinkedHashMap<>();

    @BeforeAll
    static void build() throws Exception {
        index = CorpusIndex.open(new ByteBuffersDirectory());
        long id = 1;
        for (CleanDocument document : CorpusLoader.readAll(Path.of("glossary", "corpus", "un-zh"), refused -> { })) {
            DOCUMENTS.put(id, document);
            index.add(id, "hash" + id, document);
            id++;
        }
        CleanDocument english = new DocumentReader().read("english.txt", """
                United Nations A/RES/75/999
                General Assembly

                Resolution adopted by the General Assembly on 1 December 2020

                1. Calls upon Member States to strengthen their cooperation, and urges every member state to act;

                2. Requests the Secretary-General to report on the statement of Member States.

                3. Notes the names 𠮷野家 and 𠮷田, written with a character outside the basic plane.
                """.getBytes(StandardCharsets.UTF_8));
        DOCUMENTS.put(id, english);
        index.add(id, "hash" + id, english);
        index.commit();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static HitList find(String query, ConcordanceFilter filter) throws Exception {
        try (CorpusIndex.View view = index.view()) {
            return HitList.find(view, ConcordanceQuery.parse(query), filter);
        }
    }

    private static int count(String query) throws Exception {
        return find(query, ConcordanceFilter.ALL).total();
    }

    /** Every paragraph and footnote of the Chinese documents in match form, for scanning. */
    private static List<String> units() {
        List<String> units = new ArrayList<>();
        for (CleanDocument document : DOCUMENTS.values()) {
            for (Paragraph paragraph : document.paragraphs()) {
                units.add(document.matchText().substring(paragraph.start(), paragraph.end()));
            }
            for (Footnote footnote : document.footnotes()) {
                units.add(MatchText.of(footnote.text()));
            }
        }
        return units;
    }

    private static int scan(String text, String term) {
        int count = 0;
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length())) {
            count++;
        }
        return count;
    }

    private static int scan(String term) {
        return units().stream().mapToInt(unit -> scan(unit, term)).sum();
    }

    @Test
    void shouldCountEveryOccurrenceOnceInBodyAndFootnotes() throws Exception {
        assertThat(count("毒品和犯罪问题办公室")).isEqualTo(142);
        assertThat(count("会员国")).isEqualTo(251);
        assertThat(count("边境安全")).isEqualTo(11);
        assertThat(count("外国恐怖主义作战人员")).isEqualTo(21);
        assertThat(count("偷运移民")).isEqualTo(20);
    }

    @Test
    void shouldFindATermTheLinkListUnderAPageHadSplit() throws Exception {
        // S/2020/754: "毒品和犯|" ended a page, four undocs.org links, then "罪问题办公室继续加强…".
        HitList hits = find("毒品和犯罪问题办公室", ConcordanceFilter.ALL);
        List<KwicLine> lines = hits.lines(hits.sorted(ConcordanceSort.DOC), 0, hits.total(), 12);

        assertThat(lines).anySatisfy(line -> {
            assertThat(line.left()).endsWith("恐怖主义网络。");
            assertThat(line.right()).startsWith("继续加强海关和执法人员");
            assertThat(line.symbol()).isEqualTo("S/2020/754");
        });
    }

    @Test
    void shouldAgreeWithAScanOnRandomStringsOfTheText() throws Exception {
        List<String> units = units();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            String unit = units.get(random.nextInt(units.size()));
            if (unit.length() < 8) {
                continue;
            }
            int length = 1 + random.nextInt(7);
            int start = random.nextInt(unit.length() - length);
            String term = unit.substring(start, start + length);
            if (term.isBlank() || term.strip().length() != term.length() || term.matches(".*[|*\"\\s].*")
                    || term.startsWith("-") || term.chars().anyMatch(c -> Characters.isWordCharacter((char) c))) {
                continue;
            }
            assertThat(count(term)).as(term).isEqualTo(scan(term));
        }
    }

    @Test
    void shouldFindTwoStringsWithABoundedGapBetween() throws Exception {
        Pattern gap = Pattern.compile("打击.{0," + ConcordanceQuery.GAP + "}?犯罪");
        int expected = 0;
        for (String unit : units()) {
            Matcher matcher = gap.matcher(unit);
            while (matcher.find()) {
                expected++;
            }
        }
        HitList hits = find("打击*犯罪", ConcordanceFilter.ALL);

        assertThat(expected).isGreaterThan(10);
        assertThat(hits.total()).isEqualTo(expected);
        assertThat(hits.lines(hits.sorted(ConcordanceSort.DOC), 0, hits.total(), 5)).allSatisfy(line -> {
            assertThat(line.match()).startsWith("打击").endsWith("犯罪");
            assertThat(line.match().length()).isLessThanOrEqualTo(4 + ConcordanceQuery.GAP);
        });
        assertThat(ConcordanceQuery.parse("打击*犯罪").description())
                .isEqualTo("searched 打击…犯罪 with up to 10 characters between");
    }

    @Test
    void shouldFindAnyOfSeveralStrings() throws Exception {
        assertThat(count("偷运移民 | 贩运人口")).isEqualTo(scan("偷运移民") + scan("贩运人口"));
        // 会员国 inside 会员国的: overlapping alternatives count each stretch of text once.
        assertThat(count("会员国|会员国的")).isEqualTo(251);
    }

    @Test
    void shouldLeaveOutParagraphsThatContainAnExcludedString() throws Exception {
        int expected = units().stream().filter(unit -> !unit.contains("安全理事会"))
                .mapToInt(unit -> scan(unit, "会员国")).sum();

        assertThat(expected).isLessThan(251);
        assertThat(count("会员国 -安全理事会")).isEqualTo(expected);
        assertThat(ConcordanceQuery.parse("会员国 -安全理事会").description())
                .contains("leaving out paragraphs and footnotes with 安全理事会");
    }

    @Test
    void shouldFilterByDocumentBodyAndYear() throws Exception {
        HitList all = find("会员国", ConcordanceFilter.ALL);
        int sum = 0;
        for (HitList.DocumentCount row : all.byDocument()) {
            assertThat(find("会员国", new ConcordanceFilter(row.doc(), null, null)).total()).isEqualTo(row.count());
            sum += row.count();
        }
        assertThat(sum).isEqualTo(251);
        int council = all.byDocument().stream().filter(r -> "Security Council".equals(r.body()))
                .mapToInt(HitList.DocumentCount::count).sum();
        assertThat(find("会员国", new ConcordanceFilter(null, "Security Council", null)).total()).isEqualTo(council);
        assertThat(find("会员国", new ConcordanceFilter(null, null, 2019)).total())
                .isEqualTo(all.byYear().getOrDefault(2019, 0)).isPositive();
    }

    @Test
    void shouldSortByRightContextAndByLeftContextReadLeftwards() throws Exception {
        HitList hits = find("会员国", ConcordanceFilter.ALL);
        List<KwicLine> right = hits.lines(hits.sorted(ConcordanceSort.RIGHT), 0, hits.total(), HitList.SORT_KEY);
        List<KwicLine> left = hits.lines(hits.sorted(ConcordanceSort.LEFT), 0, hits.total(), HitList.SORT_KEY);

        for (int i = 1; i < right.size(); i++) {
            assertThat(right.get(i - 1).right().compareTo(right.get(i).right())).isLessThanOrEqualTo(0);
            String before = new StringBuilder(left.get(i - 1).left()).reverse().toString();
            String after = new StringBuilder(left.get(i).left()).reverse().toString();
            assertThat(before.compareTo(after)).isLessThanOrEqualTo(0);
        }
        assertThat(right).hasSize(251);
    }

    @Test
    void shouldSortByDocumentSymbolThenTextOrder() throws Exception {
        HitList hits = find("会员国", ConcordanceFilter.ALL);
        List<KwicLine> lines = hits.lines(hits.sorted(ConcordanceSort.DOC), 0, hits.total(), 5);

        for (int i = 1; i < lines.size(); i++) {
            KwicLine a = lines.get(i - 1);
            KwicLine b = lines.get(i);
            assertThat(a.symbol().compareTo(b.symbol())).isLessThanOrEqualTo(0);
            if (a.symbol().equals(b.symbol()) && a.footnote() == null && b.footnote() == null) {
                assertThat(a.offset()).isLessThan(b.offset());
            }
        }
    }

    @Test
    void shouldPointEachLineAtItsParagraphAndOffset() throws Exception {
        HitList hits = find("外国恐怖主义作战人员", ConcordanceFilter.ALL);
        for (KwicLine line : hits.lines(hits.sorted(ConcordanceSort.DOC), 0, hits.total(), 8)) {
            CleanDocument document = DOCUMENTS.get(line.doc());
            String text = line.footnote() == null ? document.text()
                    : document.footnotes().stream().filter(f -> f.number() == line.footnote()).findFirst()
                            .orElseThrow().text();
            assertThat(text.substring(line.offset(), line.offset() + line.match().length())).isEqualTo(line.match());
            if (line.paragraph() != null) {
                assertThat(document.paragraphs().get(line.paragraph()).span().contains(line.offset())).isTrue();
                assertThat(line.href()).isEqualTo("/documents/" + line.doc() + "?hl=" + line.offset() + "-10#p"
                        + line.paragraph());
            }
        }
    }

    @Test
    void shouldMatchEnglishWholeWordsInAnyCaseAndPhrases() throws Exception {
        assertThat(count("member states")).isEqualTo(2);
        assertThat(count("MEMBER")).isEqualTo(3);
        assertThat(count("state")).isEqualTo(1);
        assertThat(count("statement of")).isEqualTo(1);
        assertThat(count("member states | secretary-general")).isEqualTo(3);
    }

    @Test
    void shouldFindCharactersOutsideTheBasicPlaneExactly() throws Exception {
        assertThat(count("𠮷")).isEqualTo(2);
        assertThat(count("𠮷野")).isEqualTo(1);
        assertThat(count("𠮷田")).isEqualTo(1);
        assertThat(count("\uDFB7田")).isEqualTo(1);
    }

    @Test
    void shouldRefuseQueriesItCannotRead() {
        assertThatThrownBy(() -> ConcordanceQuery.parse("  ")).hasMessageContaining("empty query");
        assertThatThrownBy(() -> ConcordanceQuery.parse("会".repeat(201))).hasMessageContaining("too long");
        assertThatThrownBy(() -> ConcordanceQuery.parse("打击*")).hasMessageContaining("both sides");
        assertThatThrownBy(() -> ConcordanceQuery.parse("-会员国")).hasMessageContaining("nothing to search");
        assertThatThrownBy(() -> ConcordanceQuery.parse("\"会员国")).hasMessageContaining("not closed");
    }
}
