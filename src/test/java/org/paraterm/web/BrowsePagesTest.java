package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.paraterm.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.glossary.Browse;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.TermType;
import org.paraterm.glossary.UsageStatus;
import org.paraterm.security.WebSession;
import org.w3c.dom.Document;

/** Reading the starter glossary by pinyin, A to Z, subject and recent change, and its Atom feed. */
class BrowsePagesTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withStarterGlossary().start();
        server.getApplicationContext().getBean(GlossaryStore.class).create(new Entry(0, "crime", null, null, null,
                EntryStatus.IN_REVIEW, null, false,
                List.of(Term.of("zh", "未发布的词条", TermType.FULL_FORM, UsageStatus.PREFERRED)), List.of(),
                null, null, null, null, 0), "wang", "create");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldListChineseTermsInPinyinOrderUnderTheirInitialLetter() throws Exception {
        String page = new WebSession(server.getPort()).get("/browse").body();

        assertThat(order(page, "安全理事会", "暴力极端主义", "贩运人口", "偷运移民", "外国恐怖主义作战人员", "资助恐怖主义"))
                .isSorted();
        String underT = new WebSession(server.getPort()).get("/browse?letter=T").body();
        assertThat(underT).contains("偷运移民").doesNotContain("外国恐怖主义作战人员", "安全理事会");
        assertThat(Browse.pinyinInitial("执法机构")).isEqualTo("Z");
        assertThat(Browse.pinyinInitial("2030年议程")).isEqualTo("#");
    }

    @Test
    void shouldListEnglishTermsFromAToZ() throws Exception {
        String page = new WebSession(server.getPort()).get("/browse?order=alphabet&letter=S").body();

        assertThat(order(page, "Secretary-General", "Security Council", "small arms and light weapons",
                "smuggling of migrants")).isSorted();
        assertThat(page).doesNotContain("foreign terrorist fighters");
    }

    @Test
    void shouldShowVisitorsOnlyPublishedEntries() throws Exception {
        assertThat(new WebSession(server.getPort()).get("/browse").body()).contains("45 条 entries")
                .doesNotContain("未发布的词条");
    }

    @Test
    void shouldIgnoreAnUnknownFilterValueRatherThanFail() throws Exception {
        assertThat(new WebSession(server.getPort()).get("/browse?type=nonsense&status=nonsense").body())
                .contains("45 条 entries");
    }

    @Test
    void shouldFilterByTermType() throws Exception {
        String page = new WebSession(server.getPort()).get("/browse?type=abbreviation").body();

        assertThat(page).contains("联合国毒品和犯罪问题办公室", "国际刑事警察组织").doesNotContain("偷运移民");
    }

    @Test
    void shouldFeedRecentlyApprovedPublishedEntriesAsWellFormedAtom() throws Exception {
        String feed = new WebSession(server.getPort()).get("/browse/recent.atom").body();

        Document atom = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(45);
        assertThat(feed).contains("外国恐怖主义作战人员 — foreign terrorist fighters").doesNotContain("未发布的词条");
    }

    private static List<Integer> order(String page, String... terms) {
        return java.util.Arrays.stream(terms).map(t -> {
            int at = page.indexOf(">" + t + "<");
            assertThat(at).as(t).isPositive();
            return at;
        }).toList();
    }
}
