package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.paraterm.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A translator in a real browser, without an account: looks up a variant in the search box on the
 * home page, lands on its entry told what to use instead, then checks a paragraph of a UN resolution
 * against the glossary. Screenshots go to target/screenshots/.
 */
class BrowserTranslatorTest {

    /** A sentence of A/RES/75/10 as the reader cleans it, with the variant 外国恐怖主义战斗人员. */
    private static final String PARAGRAPH = "应成员国请求协助它们执行《联合国全球反恐战略》，包括通过分享关于外国恐怖主义战斗人员"
            + "(包括回返或重新安置人员)以及改进边境安全的信息，并在这方面表示赞赏地注意到联合国反恐怖主义中心-国际刑警组织开展的联合项目。";

    @TempDir
    static Path temp;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withStarterGlossary().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldLookUpAVariantLandOnItsEntryAndCheckAPastedParagraph() throws Exception {
        String site = "http://localhost:" + server.getPort();
        Path shots = Path.of("target", "screenshots");
        try (Browser browser = Browser.start()) {
            browser.open(site + "/");
            browser.type("header .nav-search input[name=q]", "外国恐怖主义战斗人员");
            browser.clickAndWait("header .nav-search button[type=submit]");

            assertThat(browser.url()).matches(site + "/entries/\\d+\\?q=.*");
            String entry = browser.source();
            assertThat(entry).contains("请用 use", "<strong>外国恐怖主义作战人员</strong>", "foreign terrorist fighters");
            browser.screenshot(shots.resolve("translator-variant-entry.png"));

            browser.open(site + "/check");
            browser.type("#check-text", PARAGRAPH);
            browser.clickAndWait("form.check-form button[type=submit]");

            String checked = browser.source();
            assertThat(checked).contains("class=\"flagged\"", "→ 外国恐怖主义作战人员", "United Nations Global Counter-Terrorism Strategy",
                    "border security");
            browser.script("document.getElementById('summary').scrollIntoView(); return null;");
            browser.screenshot(shots.resolve("translator-text-check.png"));
        }
        assertThat(shots.resolve("translator-text-check.png")).isNotEmptyFile();
    }
}
