package org.paraterm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;

/**
 * What an attacker tries against signing in, over a real server: floods of wrong passwords by
 * form and by HTTP Basic, unknown names, a planted session id, a Basic header used to skip the
 * CSRF check, curl's defaults, and hostile sign-in addresses.
 */
class SignInAttacksTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static RecordingHasher hasher;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).with("test.record-hashing", true)
                .with("paraterm.sign-in.account-attempts", 3)
                .with("paraterm.sign-in.address-attempts", 1000)
                .withAccount("admin", "admin password 1", Role.ADMIN)
                .withAccount("li", "li password 123", Role.TRANSLATOR)
                .withAccount("sun", "sun password 123", Role.TRANSLATOR)
                .withAccount("zhao", "zhao password 12", Role.TERMINOLOGIST)
                .withAccount("qian", "qian password 12", Role.TERMINOLOGIST)
                .withAccount("wu", "wu password 1234", Role.TRANSLATOR)
                .withAccount("zheng", "zheng password 1", Role.TRANSLATOR)
                .start();
        hasher = (RecordingHasher) server.getApplicationContext().getBean(PasswordHasher.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldCheckBasicPasswordsOffNettysEventLoopAndRefuseWrongOnesEvenOnPublicRoutes() throws Exception {
        int before = hasher.checks().size();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> search = basic("/api/entries?q=" + i, "admin", "wrong guess " + i);
            assertThat(search.statusCode()).isEqualTo(401);
        }
        assertThat(basic("/api/entries?q=x", "admin", "admin password 1").statusCode()).isEqualTo(200);

        List<String> threads = hasher.checks().subList(before, hasher.checks().size());
        assertThat(threads).hasSize(4).allSatisfy(thread -> assertThat(thread)
                .startsWith("paraterm-sign-in-").doesNotContainIgnoringCase("eventloop"));
    }

    @Test
    void shouldRefuseFurtherGuessesAtAnAccountWithoutCheckingThemEvenTheRightOne() throws Exception {
        WebSession browser = new WebSession(server.getPort());
        for (int i = 0; i < 4; i++) {
            assertThat(browser.signIn("li", "guess number " + i).headers().firstValue("Location"))
                    .hasValue("/login?error");
        }
        int checks = hasher.checks().size();

        HttpResponse<String> right = browser.signIn("li", "li password 123");
        HttpResponse<String> basic = basic("/api/entries/1/history", "li", "li password 123");

        assertThat(right.headers().firstValue("Location").orElseThrow()).startsWith("/login?error=blocked&wait=");
        assertThat(browser.get(right.headers().firstValue("Location").orElseThrow()).body())
                .contains("Too many failed sign-ins");
        assertThat(basic.statusCode()).isEqualTo(429);
        assertThat(basic.headers().firstValue("Retry-After")).isPresent();
        assertThat(basic.body()).contains("too many failed sign-ins");
        assertThat(hasher.checks()).hasSize(checks);
    }

    @Test
    void shouldLetTheRightPasswordInOnceTheBlockHasEnded() throws Exception {
        // The throttle of the server, with a clock the test moves instead of waiting for the block.
        AtomicLong now = new AtomicLong(System.currentTimeMillis());
        SignInThrottle throttle = new SignInThrottle(server.getApplicationContext().getBean(DataSource.class), 3, 1000,
                Duration.ofMinutes(15), Duration.ofMinutes(15), now::get);
        SignIns signIns = new SignIns(server.getApplicationContext().getBean(UserStore.class), hasher, throttle);
        for (int i = 0; i < 4; i++) {
            assertThat(signIns.attempt("zheng", "guess number " + i, "192.0.2.7")).isInstanceOf(SignIns.Refused.class);
        }

        SignIns.Outcome blocked = signIns.attempt("zheng", "zheng password 1", "192.0.2.7");
        assertThat(blocked).isInstanceOf(SignIns.Blocked.class);
        now.addAndGet(((SignIns.Blocked) blocked).retryAfter().toMillis() + 1);

        assertThat(signIns.attempt("zheng", "zheng password 1", "192.0.2.7")).isInstanceOf(SignIns.Accepted.class);
    }

    @Test
    void shouldSpendAPasswordCheckOnANameWithoutAnAccountAsOnAName() throws Exception {
        WebSession browser = new WebSession(server.getPort());
        int before = hasher.checks().size();

        browser.signIn("nobody-here", "some password 12");
        browser.signIn("sun", "some password 12");

        assertThat(hasher.checks()).hasSize(before + 2);
    }

    @Test
    void shouldStartANewSessionOnAJsonSignInAndEndThePlantedOne() throws Exception {
        WebSession victim = new WebSession(server.getPort());
        victim.signIn("wu", "wu password 1234");
        String planted = victim.sessionCookie();
        String page = victim.get("/login").body();
        String token = WebSession.token(page.substring(page.indexOf("action=\"/login\"")));

        HttpResponse<String> json = victim.send(HttpRequest.newBuilder(victim.uri("/login"))
                .header("Content-Type", "application/json").header("Accept", "*/*").header(Csrf.HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"zhao\", \"password\": \"zhao password 12\"}")));

        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains("\"username\":\"zhao\"", "TERMINOLOGIST");
        assertThat(victim.sessionCookie()).isNotNull().isNotEqualTo(planted);
        HttpResponse<String> withPlanted = new WebSession(server.getPort()).send(
                HttpRequest.newBuilder(victim.uri("/account")).header("Cookie", "PARATERM_SESSION=" + planted));
        assertThat(withPlanted.statusCode()).isNotEqualTo(200);
        assertThat(victim.get("/account").body()).contains("zhao");
    }

    @Test
    void shouldAnswerSignInAndSignOutWithCurlsDefaultAcceptAndEndTheSession() throws Exception {
        WebSession curl = new WebSession(server.getPort());
        String token = WebSession.token(curl.get("/login").body());

        HttpResponse<String> login = curl.send(form("/login", curl, token,
                "username=qian&password=qian+password+12"));
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(curl.get("/account").statusCode()).isEqualTo(200);

        String sessionToken = WebSession.token(curl.get("/account").body());
        HttpResponse<String> logout = curl.send(form("/logout", curl, sessionToken, ""));
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(curl.get("/account").statusCode()).isNotEqualTo(200);
    }

    @Test
    void shouldNotLetAnInvalidBasicHeaderSkipTheCsrfCheckOfASignedInSession() throws Exception {
        WebSession browser = new WebSession(server.getPort());
        browser.signIn("zhao", "zhao password 12");
        String entry = "{\"terms\": [{\"lang\": \"zh\", \"text\": \"伪造请求测试\"}]}";

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(browser.uri("/api/entries"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("x:x".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(entry)));
        String token = WebSession.token(browser.get("/account").body());
        HttpResponse<String> real = browser.send(HttpRequest.newBuilder(browser.uri("/api/entries"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header(Csrf.HEADER, token).POST(HttpRequest.BodyPublishers.ofString(entry)));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(real.statusCode()).isEqualTo(201);
    }

    @Test
    void shouldSendASignInWithAnUnsafeNextAddressHomeInsteadOfFailing() throws Exception {
        for (String next : List.of("/entries?q=a b", "/entries\t", "/a\r\nSet-Cookie: x=y", "/a\u2028b", "/a\u0000b")) {
            WebSession browser = new WebSession(server.getPort());
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("_csrf", WebSession.token(browser.get("/login").body()));
            fields.put("username", "sun");
            fields.put("password", "sun password 123");
            fields.put("next", next);

            HttpResponse<String> login = browser.post("/login", fields);

            assertThat(login.statusCode()).as(next).isEqualTo(303);
            assertThat(login.headers().firstValue("Location")).as(next).hasValue("/");
            assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        }
        assertThat(AccountController.safeNext("/entries?q=洗钱")).isEqualTo("/entries?q=%E6%B4%97%E9%92%B1");
    }

    private static HttpResponse<String> basic(String path, String user, String password) throws Exception {
        WebSession client = new WebSession(server.getPort());
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(client.uri(path)).header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json"));
    }

    /** A form post as curl sends it: Accept: *&#47;*. */
    private static HttpRequest.Builder form(String path, WebSession session, String token, String fields) {
        String body = "_csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (fields.isEmpty() ? "" : "&" + fields);
        return HttpRequest.newBuilder(session.uri(path)).header("Accept", "*/*")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
