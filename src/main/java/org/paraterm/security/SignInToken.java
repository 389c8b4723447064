package org.paraterm.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The sign-in form's CSRF token, kept in a cookie of its own (a "double-submit" token) instead of
 * a session: showing the form to an anonymous visitor stores nothing on the server, so a flood of
 * {@code GET /login} leaves no rows behind. A forged sign-in from another site cannot know the
 * cookie's value, which the form must repeat.
 */
final class SignInToken {

    static final String COOKIE = "PARATERM_SIGN_IN";
    private static final Duration LIFETIME = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignInToken() {
    }

    /** The visitor's token if the request carries one, otherwise a new one. */
    static String of(HttpRequest<?> request) {
        return given(request).orElseGet(() -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }

    /** The cookie that carries the token: only to /login, never to scripts or other sites. */
    static Cookie cookie(String token) {
        return Cookie.of(COOKIE, token).path("/login").httpOnly(true).sameSite(SameSite.Strict).maxAge(LIFETIME);
    }

    static boolean valid(HttpRequest<?> request, String formValue) {
        Optional<String> expected = given(request);
        return expected.isPresent() && formValue != null && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), formValue.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> given(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(value -> value.length() >= 40 && value.length() <= 64 && value.matches("[A-Za-z0-9_-]+"));
    }
}
