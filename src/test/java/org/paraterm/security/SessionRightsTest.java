package org.paraterm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;

/**
 * A session has the rights its account has now, not those it had at sign-in: demoting,
 * switching off, resetting or changing a password takes effect at the next request, on every
 * server sharing the database; a one-time password must be changed before anything else.
 * Two real servers on one database, the admin working on the first, the users on the second.
 */
class SessionRightsTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer first;
    private static EmbeddedServer second;
    private static UserStore users;

    @BeforeAll
    static void start() throws Exception {
        first = TestServer.in(temp).withStarterGlossary()
                .withAccount("boss", "boss password 12", Role.ADMIN)
                .withAccount("zhou", "zhou password 12", Role.TERMINOLOGIST)
                .withAccount("gao", "gao password 123", Role.TRANSLATOR)
                .withAccount("he", "he password 1234", Role.TRANSLATOR)
                .withAccount("ma", "ma password 1234", Role.TRANSLATOR)
                .start();
        second = TestServer.in(temp).start();
        users = first.getApplicationContext().getBean(UserStore.class);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void shouldTakeATerminologistsReviewRightsAwayAtTheNextRequestAfterAnAdminDemotesThem() throws Exception {
        WebSession zhou = new WebSession(second.getPort());
        zhou.signIn("zhou", "zhou password 12");
        assertThat(createEntry(zhou, "降级测试一").statusCode()).isEqualTo(201);

        admin("role", "zhou", Map.of("role", "TRANSLATOR"));

        assertThat(createEntry(zhou, "降级测试二").statusCode()).isEqualTo(403);
        assertThat(comment(zhou).statusCode()).isEqualTo(201);
    }

    @Test
    void shouldEndTheSessionsOfASwitchedOffAccount() throws Exception {
        WebSession gao = new WebSession(second.getPort());
        gao.signIn("gao", "gao password 123");
        assertThat(comment(gao).statusCode()).isEqualTo(201);

        admin("deactivate", "gao", Map.of());

        assertThat(comment(gao).statusCode()).isIn(401, 403);
        assertThat(gao.get("/account").statusCode()).isNotEqualTo(200);
    }

    @Test
    void shouldEndTheSessionsOfAnAccountWhosePasswordAnAdminReset() throws Exception {
        WebSession he = new WebSession(second.getPort());
        he.signIn("he", "he password 1234");
        assertThat(he.get("/account").statusCode()).isEqualTo(200);

        admin("reset", "he", Map.of());

        assertThat(he.get("/account").statusCode()).isNotEqualTo(200);
        assertThat(comment(he).statusCode()).isIn(401, 403);
    }

    @Test
    void shouldEndTheOtherSessionsButKeepThisOneWhenAUserChangesTheirPassword() throws Exception {
        WebSession laptop = new WebSession(second.getPort());
        laptop.signIn("ma", "ma password 1234");
        WebSession phone = new WebSession(first.getPort());
        phone.signIn("ma", "ma password 1234");

        String token = WebSession.token(laptop.get("/account").body());
        HttpResponse<String> changed = laptop.post("/account/password", Map.of("_csrf", token,
                "current", "ma password 1234", "password", "ma new password 1", "repeat", "ma new password 1"));

        assertThat(changed.headers().firstValue("Location")).hasValue("/account?changed");
        assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
        assertThat(phone.get("/account").statusCode()).isNotEqualTo(200);
        assertThat(comment(laptop).statusCode()).isEqualTo(201);
    }

    @Test
    void shouldLetAOneTimePasswordDoNothingButChangeItself() throws Exception {
        users.create("new-user", "one time password", Role.TERMINOLOGIST, true);
        WebSession fresh = new WebSession(second.getPort());

        assertThat(fresh.signIn("new-user", "one time password").headers().firstValue("Location")).hasValue("/account");
        assertThat(comment(fresh).statusCode()).isEqualTo(403);
        assertThat(createEntry(fresh, "一次性密码测试").statusCode()).isEqualTo(403);
        HttpResponse<String> review = fresh.get("/review");
        assertThat(review.statusCode()).isIn(303, 403);

        String token = WebSession.token(fresh.get("/account").body());
        fresh.post("/account/password", Map.of("_csrf", token, "current", "one time password",
                "password", "a password of mine", "repeat", "a password of mine"));

        assertThat(comment(fresh).statusCode()).isEqualTo(201);
        assertThat(fresh.get("/review").statusCode()).isEqualTo(200);
    }

    private static void admin(String action, String user, Map<String, String> extra) throws Exception {
        WebSession boss = new WebSession(first.getPort());
        boss.signIn("boss", "boss password 12");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", WebSession.token(boss.get("/admin/users").body()));
        form.put("do", action);
        form.put("username", user);
        form.putAll(extra);
        HttpResponse<String> done = boss.post("/admin/users", form);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).doesNotContain("problem");
    }

    private static HttpResponse<String> createEntry(WebSession session, String term) throws Exception {
        return json(session, "/api/entries", "{\"terms\": [{\"lang\": \"zh\", \"text\": \"" + term + "\"}]}");
    }

    private static HttpResponse<String> comment(WebSession session) throws Exception {
        return json(session, "/api/entries/1/comments", "{\"text\": \"请核对英文译名。\"}");
    }

    private static HttpResponse<String> json(WebSession session, String path, String body) throws Exception {
        String page = session.get("/account").body();
        String token = page.contains("name=\"_csrf\"") ? WebSession.token(page) : "none";
        return session.send(HttpRequest.newBuilder(session.uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header(Csrf.HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
