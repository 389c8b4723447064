package org.paraterm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admins manage accounts; nobody else can. */
class AdminPagesTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static UserStore users;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> properties = new HashMap<>(org.paraterm.DataFolder.databaseProperties(temp));
        properties.put("micronaut.server.port", -1);
        properties.put("paraterm.security.hash-iterations", 1000);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        users = server.getApplicationContext().getBean(UserStore.class);
        users.create("chief", "admin password 1", Role.ADMIN, false);
        users.create("wang", "terminologist secret", Role.TERMINOLOGIST, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldCreateAnAccountWithAOneTimePasswordShownOnceThatWorks() throws Exception {
        WebSession chief = new WebSession(server.getPort());
        chief.signIn("chief", "admin password 1");
        String page = chief.get("/admin/users").body();

        HttpResponse<String> created = chief.post("/admin/users", Map.of("_csrf", WebSession.token(page),
                "username", "zhao", "role", "TRANSLATOR", "do", "create"));

        assertThat(created.headers().firstValue("Location")).hasValue("/admin/users");
        String shown = chief.get("/admin/users").body();
        Matcher password = Pattern.compile("<code>([^<]+)</code>").matcher(shown);
        assertThat(password.find()).isTrue();
        assertThat(chief.get("/admin/users").body()).doesNotContain(password.group(1));
        assertThat(users.authenticate("zhao", password.group(1))).isPresent()
                .hasValueSatisfying(u -> assertThat(u.mustChangePassword()).isTrue());
    }

    @Test
    void shouldKeepEveryoneButAdminsOut() throws Exception {
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");
        String token = WebSession.token(wang.get("/account").body());

        assertThat(wang.get("/admin/users").headers().firstValue("Location")).hasValue("/forbidden");
        HttpResponse<String> promote = wang.post("/admin/users", Map.of("_csrf", token, "username", "wang",
                "role", "ADMIN", "do", "role"));
        assertThat(promote.headers().firstValue("Location")).hasValue("/forbidden");
        assertThat(users.find("wang").orElseThrow().role()).isEqualTo(Role.TERMINOLOGIST);
        assertThat(new WebSession(server.getPort()).get("/admin/users").headers().firstValue("Location").orElseThrow())
                .startsWith("/login");
    }

    @Test
    void shouldSwitchAnAccountOffSoItCannotSignIn() throws Exception {
        users.create("temp", "temporary secret", Role.EDITOR, false);
        WebSession chief = new WebSession(server.getPort());
        chief.signIn("chief", "admin password 1");

        chief.post("/admin/users", Map.of("_csrf", WebSession.token(chief.get("/admin/users").body()),
                "username", "temp", "do", "deactivate"));

        assertThat(new WebSession(server.getPort()).signIn("temp", "temporary secret").headers()
                .firstValue("Location")).hasValue("/login?error");
    }
}
