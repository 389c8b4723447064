package org.paraterm.security;

import io.micronaut.session.Session;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchronizer tokens against cross-site request forgery: one random token per session, written
 * into every form as {@value #FIELD} (or sent by scripts as the {@value #HEADER} header) and
 * checked by {@link CsrfFilter} on every state-changing request.
 */
@Singleton
public class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String SESSION_KEY = "paraterm.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The session's token, created on first use. */
    public String token(Session session) {
        return session.get(SESSION_KEY, String.class).orElseGet(() -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.put(SESSION_KEY, token);
            return token;
        });
    }

    public boolean valid(Session session, String given) {
        String expected = session.get(SESSION_KEY, String.class).orElse(null);
        return expected != null && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
    }
}
