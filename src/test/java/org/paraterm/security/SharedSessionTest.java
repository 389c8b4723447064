package org.paraterm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.GlossaryStore;

/**
 * Two paraterm servers on one database, as behind a load balancer without sticky sessions: the
 * session lives in the database (DatabaseSessionStore), so a sign-in and its CSRF token from one
 * server are good on the other, and signing out on one ends the session on both. On the
 * PostgreSQL run (TestDatabase) both servers share one PostgreSQL database; on H2 one file.
 */
class SharedSessionTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer first;
    private static EmbeddedServer second;

    @BeforeAll
    static void start() throws Exception {
        first = TestServer.in(temp).withStarterGlossary()
                .withAccount("wang", "terminologist secret", Role.TERMINOLOGIST).start();
        second = TestServer.in(temp).start();
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void shouldAcceptASignInAndItsTokenFromTheOtherServer() throws Exception {
        WebSession onFirst = new WebSession(first.getPort());
        onFirst.signIn("wang", "terminologist secret");
        WebSession onSecond = onFirst.at(second.getPort());
        Entry entry = entryFor("恐怖主义");

        String form = onFirst.get("/entries/" + entry.id() + "/edit").body();
        HttpResponse<String> saved = onSecond.post("/entries/" + entry.id() + "/edit", editForm(form, entry,
                "The use of violence against civilians for political ends."));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(entryFor("恐怖主义").definitionEn()).isEqualTo("The use of violence against civilians for political ends.");
        assertThat(entryFor("恐怖主义").modifiedBy()).isEqualTo("wang");
        assertThat(onSecond.get("/account").body()).contains("wang", "terminologist");
    }

    @Test
    void shouldEndTheSessionOnBothServersWhenSignedOutOnOne() throws Exception {
        WebSession onFirst = new WebSession(first.getPort());
        onFirst.signIn("wang", "terminologist secret");
        WebSession onSecond = onFirst.at(second.getPort());
        assertThat(onSecond.get("/account").statusCode()).isEqualTo(200);

        onSecond.post("/logout", Map.of("_csrf", WebSession.token(onSecond.get("/account").body())));

        assertThat(onFirst.get("/account").statusCode()).isNotEqualTo(200);
        assertThat(onSecond.get("/account").statusCode()).isNotEqualTo(200);
    }

    @Test
    void shouldRefuseATokenThatBelongsToAnotherSession() throws Exception {
        WebSession wang = new WebSession(first.getPort());
        wang.signIn("wang", "terminologist secret");
        WebSession visitor = new WebSession(second.getPort());
        String visitorsToken = WebSession.token(visitor.get("/login").body());
        Entry entry = entryFor("恐怖主义");
        Map<String, String> form = editForm(wang.get("/entries/" + entry.id() + "/edit").body(), entry, "forged");
        form.put("_csrf", visitorsToken);

        HttpResponse<String> forged = wang.at(second.getPort()).post("/entries/" + entry.id() + "/edit", form);

        assertThat(forged.headers().firstValue("Location")).hasValue("/expired");
        assertThat(entryFor("恐怖主义").definitionEn()).isNotEqualTo("forged");
    }

    private static Map<String, String> editForm(String page, Entry entry, String definitionEn) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", WebSession.token(page));
        form.put("version", String.valueOf(entry.version()));
        form.put("definitionEn", definitionEn);
        for (int i = 0; i < entry.terms().size(); i++) {
            form.put("t" + i + ".lang", entry.terms().get(i).language());
            form.put("t" + i + ".text", entry.terms().get(i).text());
            form.put("t" + i + ".type", entry.terms().get(i).type().label());
            form.put("t" + i + ".usage", entry.terms().get(i).usage().label());
        }
        return form;
    }

    private static Entry entryFor(String term) throws Exception {
        return second.getApplicationContext().getBean(GlossaryStore.class)
                .search(new GlossaryStore.Query(term, null, null, false, 1, 10)).entries().stream()
                .filter(e -> e.terms().stream().anyMatch(t -> t.text().equals(term))).findFirst().orElseThrow();
    }
}
