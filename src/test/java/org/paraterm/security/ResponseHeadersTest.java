package org.paraterm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;

/**
 * What every response says to the browser, and what a session leaves on the server: the session
 * id only in its HttpOnly cookie, never in a header a script could read or send; the security
 * headers on pages, API answers and errors; no session row for a visitor who only looks.
 */
class ResponseHeadersTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withStarterGlossary()
                .withAccount("lin", "lin password 123", Role.TERMINOLOGIST).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldSendTheSecurityHeadersWithPagesApiAnswersAndErrors() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        for (String path : List.of("/", "/login", "/entries/1", "/api/entries?q=恐怖", "/no-such-page", "/assets/paraterm.css")) {
            HttpResponse<String> response = visitor.get(path);

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                            .doesNotContain("unsafe-eval"));
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    @Test
    void shouldExposeNoFrameworkManagementRoutesEvenToASignedInUser() throws Exception {
        WebSession browser = new WebSession(server.getPort());
        browser.signIn("lin", "lin password 123");

        for (String path : List.of("/beans", "/routes", "/threaddump", "/flyway", "/info", "/loggers", "/env",
                "/refresh", "/token_info", "/caches", "/metrics")) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(browser.uri(path))
                    .header("Accept", "application/json"));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(browser.send(HttpRequest.newBuilder(browser.uri("/health"))).statusCode()).isIn(200, 503);
    }

    @Test
    void shouldKeepTheSessionIdOutOfHeadersAndRefuseItInXAuthToken() throws Exception {
        WebSession browser = new WebSession(server.getPort());
        HttpResponse<String> login = browser.signIn("lin", "lin password 123");
        HttpResponse<String> account = browser.get("/account");

        assertThat(login.headers().firstValue("Authorization-Info")).isEmpty();
        assertThat(account.headers().firstValue("Authorization-Info")).isEmpty();
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("PARATERM_SESSION=").containsIgnoringCase("HttpOnly"));

        HttpResponse<String> byHeader = new WebSession(server.getPort()).send(HttpRequest.newBuilder(browser.uri("/account"))
                .header("X-Auth-Token", browser.sessionCookie()));
        assertThat(byHeader.statusCode()).isNotEqualTo(200);
    }

    @Test
    void shouldStoreNoSessionForVisitorsWhoOnlyOpenTheSignInFormOrAreSentThere() throws Exception {
        DatabaseSessionStore sessions = server.getApplicationContext().getBean(DatabaseSessionStore.class);
        int before = sessions.count();

        for (int i = 0; i < 50; i++) {
            HttpResponse<String> form = new WebSession(server.getPort()).get("/login");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("PARATERM_SESSION="));
            HttpResponse<String> review = new WebSession(server.getPort()).get("/review");
            assertThat(review.headers().firstValue("Location").orElseThrow()).startsWith("/login?next=");
        }

        assertThat(sessions.count()).isEqualTo(before);
    }
}
