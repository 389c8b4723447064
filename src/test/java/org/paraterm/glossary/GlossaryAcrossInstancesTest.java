package org.paraterm.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.security.WebSession;

/**
 * Two paraterm servers on one database, as behind a load balancer. Each keeps an entry page's
 * related entries between requests and asks the database whether the glossary changed at most
 * once a second, so an entry added through the first must reach the second's pages within about
 * that second, while the first shows it on its very next page.
 */
class GlossaryAcrossInstancesTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer first;
    private static EmbeddedServer second;

    @BeforeAll
    static void start() throws Exception {
        Path database = Files.createDirectories(temp.resolve("shared"));
        first = TestServer.in(database).withStarterGlossary().start();
        second = TestServer.in(database).start();
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void shouldShowAnEntryAddedThroughTheFirstServerOnTheSecondServersPagesWithoutARestart() throws Exception {
        WebSession onFirst = new WebSession(first.getPort());
        WebSession onSecond = new WebSession(second.getPort());
        String terrorism = onSecond.get("/entries?q=" + URLEncoder.encode("恐怖主义", StandardCharsets.UTF_8))
                .headers().firstValue("Location").orElseThrow();
        assertThat(onSecond.get(terrorism).body()).doesNotContain("恐怖主义罪行");
        assertThat(onFirst.get(terrorism).body()).doesNotContain("恐怖主义罪行");

        first.getApplicationContext().getBean(GlossaryStore.class).create(new Entry(0, null, null, null, null,
                EntryStatus.APPROVED, null, true,
                List.of(Term.of("zh", "恐怖主义罪行", TermType.FULL_FORM, UsageStatus.PREFERRED),
                        Term.of("en", "terrorist offences", TermType.FULL_FORM, UsageStatus.PREFERRED)),
                List.of(), "test", Instant.now(), "test", Instant.now(), 0), "test", "created");
        long added = System.nanoTime();

        assertThat(onFirst.get(terrorism).body()).as("the server that made the change").contains("恐怖主义罪行");
        // Asked again every 100 ms for at most a minute: a generous deadline, not a measure (the
        // change shows within about a second; how soon depends on the machine, so it is printed).
        String page = onSecond.get(terrorism).body();
        while (!page.contains("恐怖主义罪行") && System.nanoTime() - added < TimeUnit.MINUTES.toNanos(1)) {
            Thread.sleep(100);
            page = onSecond.get(terrorism).body();
        }
        System.out.println("the second server's entry page listed the new entry after "
                + (System.nanoTime() - added) / 1_000_000 + " ms");
        assertThat(page).contains("恐怖主义罪行");
    }
}
