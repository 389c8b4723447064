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
        Map<String, Object> properties = new HashMap<>(org.paraterm.TestDatabase.properties(temp));
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
    void shouldLoadAnUploadedDocumentAndMineTheCorpusAgain() throws Exception {
        WebSession chief = new WebSession(server.getPort());
        chief.signIn("chief", "admin password 1");
        String token = WebSession.token(chief.get("/admin/corpus").body());
        byte[] document = java.nio.file.Files.readAllBytes(Path.of("glossary", "corpus", "un-zh",
                "004_9d7d9abcfa7e8f17.txt"));

        HttpResponse<String> loaded = upload(chief, token, "report.txt", document);
        HttpResponse<String> traversal = upload(chief, token, "../../escape.txt", document);
        HttpResponse<String> forged = upload(chief, "not-the-token", "other.txt", document);

        assertThat(java.net.URLDecoder.decode(loaded.headers().firstValue("Location").orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("loaded report.txt", "mined");
        assertThat(server.getApplicationContext().getBean(org.paraterm.corpus.DocumentStore.class).list())
                .extracting(org.paraterm.corpus.DocumentStore.Summary::symbol).contains("S/2020/754");
        assertThat(traversal.headers().firstValue("Location").orElseThrow()).contains("/admin/corpus");
        assertThat(temp.resolve("escape.txt")).doesNotExist();
        assertThat(forged.headers().firstValue("Location")).hasValue("/expired");
    }

    private static HttpResponse<String> upload(WebSession session, String token, String name, byte[] content)
            throws Exception {
        String boundary = "paraterm-test-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return session.send(java.net.http.HttpRequest.newBuilder(session.uri("/admin/corpus?_csrf=" + token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
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
