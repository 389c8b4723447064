package org.paraterm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in and out by form, over a real server: tokens, new sessions, one-time passwords. */
class SignInTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static UserStore users;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> properties = new HashMap<>(org.paraterm.TestDatabase.properties(temp));
        properties.put("micronaut.server.port", -1);
        properties.put("paraterm.security.hash-iterations", 1000);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        users = server.getApplicationContext().getBean(UserStore.class);
        users.create("wang", "correct horse battery", Role.TERMINOLOGIST, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldSignInWithTheFormIntoANewSessionAndShowTheAccount() throws Exception {
        WebSession browser = new WebSession(server.getPort());
        browser.get("/login");
        String before = browser.sessionCookie();

        HttpResponse<String> login = browser.signIn("Wang", "correct horse battery");

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/");
        assertThat(browser.sessionCookie()).isNotNull().isNotEqualTo(before);
        String account = browser.get("/account").body();
        assertThat(account).contains("wang", "terminologist");
        assertThat(browser.get("/").body()).contains("退出 Sign out");
    }

    @Test
    void shouldRefuseAWrongPasswordWithoutSayingWhichPartWasWrong() throws Exception {
        WebSession browser = new WebSession(server.getPort());

        HttpResponse<String> login = browser.signIn("wang", "wrong horse battery");

        assertThat(login.headers().firstValue("Location")).hasValue("/login?error");
        assertThat(browser.get("/login?error").body()).contains("The user name or password is wrong");
        assertThat(browser.get("/account").statusCode()).isIn(302, 303, 401);
    }

    @Test
    void shouldRefuseALoginPostWithoutTheFormsToken() throws Exception {
        WebSession browser = new WebSession(server.getPort());
        browser.get("/login");

        HttpResponse<String> forged = browser.post("/login",
                Map.of("username", "wang", "password", "correct horse battery"));

        assertThat(forged.statusCode()).isEqualTo(303);
        assertThat(forged.headers().firstValue("Location")).hasValue("/expired");
        assertThat(browser.get("/account").statusCode()).isNotEqualTo(200);
        assertThat(browser.get("/expired").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldSignOutOnlyWithTheToken() throws Exception {
        WebSession browser = new WebSession(server.getPort());
        browser.signIn("wang", "correct horse battery");

        browser.post("/logout", Map.of());
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);

        String token = WebSession.token(browser.get("/account").body());
        browser.post("/logout", Map.of("_csrf", token));
        assertThat(browser.get("/account").statusCode()).isNotEqualTo(200);
    }

    @Test
    void shouldSignOutFromAnErrorPageToo() throws Exception {
        WebSession browser = new WebSession(server.getPort());
        browser.signIn("wang", "correct horse battery");

        java.net.http.HttpResponse<String> missing = browser.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        browser.post("/logout", Map.of("_csrf", WebSession.token(missing.body())));
        assertThat(browser.get("/account").statusCode()).isNotEqualTo(200);
    }

    @Test
    void shouldSendAUserWithAOneTimePasswordToChangeItFirst() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path other = temp.resolve("fresh");
        Map<String, Object> properties = new HashMap<>(org.paraterm.TestDatabase.properties(other));
        properties.put("micronaut.server.port", -1);
        properties.put("paraterm.security.hash-iterations", 1000);
        try (EmbeddedServer fresh = ApplicationContext.run(EmbeddedServer.class, properties)) {
            UserStore freshUsers = fresh.getApplicationContext().getBean(UserStore.class);
            FirstAdmin.ensure(freshUsers, name -> null, new PrintStream(printed, true, StandardCharsets.UTF_8));
            String line = printed.toString(StandardCharsets.UTF_8).strip();
            String oneTime = line.substring(line.lastIndexOf(' ') + 1);

            WebSession browser = new WebSession(fresh.getPort());
            HttpResponse<String> login = browser.signIn("admin", oneTime);

            assertThat(login.headers().firstValue("Location")).hasValue("/account");
            assertThat(browser.get("/account").body()).contains("Please set a password of your own first");
            String token = WebSession.token(browser.get("/account").body());
            browser.post("/account/password", Map.of("_csrf", token, "current", oneTime,
                    "password", "a much longer secret", "repeat", "a much longer secret"));
            assertThat(freshUsers.find("admin").orElseThrow().mustChangePassword()).isFalse();
            assertThat(freshUsers.authenticate("admin", oneTime)).isEmpty();
        }
    }

    @Test
    void shouldTakeTheFirstAdminsPasswordFromTheEnvironmentAndNeverTwice() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, Object> properties = new HashMap<>(org.paraterm.TestDatabase.properties(temp.resolve("env")));
        properties.put("micronaut.server.port", -1);
        properties.put("paraterm.security.hash-iterations", 1000);
        try (EmbeddedServer fresh = ApplicationContext.run(EmbeddedServer.class, properties)) {
            UserStore freshUsers = fresh.getApplicationContext().getBean(UserStore.class);
            Map<String, String> environment = Map.of("PARATERM_ADMIN_USER", "chief",
                    "PARATERM_ADMIN_PASSWORD", "set by the operator");
            FirstAdmin.ensure(freshUsers, environment::get, new PrintStream(printed, true, StandardCharsets.UTF_8));
            FirstAdmin.ensure(freshUsers, environment::get, new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(freshUsers.list()).extracting(UserStore.User::username).containsExactly("chief");
            assertThat(freshUsers.authenticate("chief", "set by the operator")).isPresent();
            assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("set by the operator");
        }
    }

    @Test
    void shouldHashPasswordsSlowlyWithSaltAndNeverStoreThem() {
        PasswordHasher hasher = new PasswordHasher(600_000);
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");

        assertThat(first).startsWith("pbkdf2-sha256$600000$").doesNotContain("correct").isNotEqualTo(second);
        assertThat(hasher.matches("correct horse battery", first)).isTrue();
        assertThat(hasher.matches("correct horse batterY", first)).isFalse();
    }
}
