package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.paraterm.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.security.Role;

/**
 * A terminologist in a real browser: signs in, approves a mined candidate from the review queue,
 * publishes the new entry, and a visitor without login reads it. Screenshots go to
 * target/screenshots/.
 */
class BrowserReviewTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withMinedCorpus().withParallelCorpus()
                .withAccount("wang", "terminologist secret", Role.TERMINOLOGIST).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldTakeACandidateFromTheQueueToAPublishedEntryInTheBrowser() throws Exception {
        String site = "http://localhost:" + server.getPort();
        Path shots = Path.of("target", "screenshots");
        try (Browser browser = Browser.start()) {
            browser.open(site + "/login");
            browser.type("input[name=username]", "wang");
            browser.type("input[name=password]", "terminologist secret");
            browser.clickAndWait("form.stacked button[type=submit]");
            assertThat(browser.url()).isEqualTo(site + "/");

            browser.open(site + "/review");
            String card = "article[data-term='偷运移民']";
            browser.type(card + " input[name=english]", "smuggling of migrants");
            browser.screenshot(shots.resolve("review-queue.png"));
            browser.clickAndWait(card + " form.approve button[type=submit]");
            assertThat(browser.source()).contains("approved 偷运移民");

            browser.open(site + "/entries?q=偷运移民");
            assertThat(browser.url()).as("a search for a term lands on its entry").matches(".*/entries/\\d+\\?q=.*");
            assertThat(browser.source()).contains("smuggling of migrants", "未发布 not published");
            browser.clickAndWait("section.actions button[value=publish]");
            assertThat(browser.source()).contains("已发布 published");
            String entryPage = browser.url().replaceAll("\\?.*", "");
            browser.screenshot(shots.resolve("entry-published.png"));

            browser.clickAndWait("header .account form button[type=submit]");
            assertThat(browser.source()).contains("登录 Sign in");
            browser.open(entryPage);
            String asVisitor = browser.source();
            assertThat(asVisitor).contains("偷运移民", "smuggling of migrants", "登录 Sign in").doesNotContain("编辑 Edit");
            browser.screenshot(shots.resolve("entry-as-visitor.png"));
        }
        assertThat(shots.resolve("entry-as-visitor.png")).isNotEmptyFile();
    }

    @Test
    void shouldApproveACandidateWithASuggestedRenderingInOneClick() throws Exception {
        String site = "http://localhost:" + server.getPort();
        try (Browser browser = Browser.start()) {
            browser.open(site + "/login");
            browser.type("input[name=username]", "wang");
            browser.type("input[name=password]", "terminologist secret");
            browser.clickAndWait("form.stacked button[type=submit]");

            browser.open(site + "/review?q=安全理事会");
            String card = "article[data-term='安全理事会']";
            browser.click(card + " .renderings details summary");
            browser.screenshot(Path.of("target", "screenshots", "review-suggested-renderings.png"));
            browser.clickAndWait(card + " .renderings button[name=accept]");
            assertThat(browser.source()).contains("approved 安全理事会");

            browser.open(site + "/entries?q=安全理事会");
            assertThat(browser.source()).contains("Security Council");
        }
    }
}
