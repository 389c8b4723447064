package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.TermType;
import org.paraterm.glossary.UsageStatus;
import org.paraterm.security.WebSession;

/**
 * An entry page lists the entries whose terms contain its Chinese term or lie inside it. The list
 * is kept between requests, so a glossary change must show on the very next page.
 */
class RelatedEntriesTest {

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
    void shouldListANewlyPublishedRelatedEntryAtOnceAndDropItWhenDeleted() throws Exception {
        GlossaryStore glossary = server.getApplicationContext().getBean(GlossaryStore.class);
        WebSession visitor = new WebSession(server.getPort());
        String terrorism = visitor.get("/entries?q=" + URLEncoder.encode("恐怖主义", StandardCharsets.UTF_8))
                .headers().firstValue("Location").orElseThrow();
        String before = visitor.get(terrorism).body();

        Entry added = glossary.create(new Entry(0, null, null, null, null, EntryStatus.APPROVED, null, true,
                List.of(Term.of("zh", "恐怖主义行为", TermType.FULL_FORM, UsageStatus.PREFERRED),
                        Term.of("en", "terrorist acts", TermType.FULL_FORM, UsageStatus.PREFERRED)),
                List.of(), "test", Instant.now(), "test", Instant.now(), 0), "test", "created");
        String afterAdding = visitor.get(terrorism).body();
        glossary.setDeleted(added.id(), added.version(), true, "test");
        String afterDeleting = visitor.get(terrorism).body();

        assertThat(before).contains(">资助恐怖主义<").doesNotContain("恐怖主义行为");
        assertThat(afterAdding).contains(">资助恐怖主义<", "恐怖主义行为");
        assertThat(afterDeleting).contains(">资助恐怖主义<").doesNotContain("恐怖主义行为");
    }
}
