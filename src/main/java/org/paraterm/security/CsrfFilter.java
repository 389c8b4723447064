package org.paraterm.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.session.Session;
import io.micronaut.session.http.SessionForRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses every state-changing request (POST, PUT, PATCH, DELETE) that relies on the session
 * cookie without the session's CSRF token: in the form field {@value Csrf#FIELD}, the header
 * {@value Csrf#HEADER}, or — for file uploads, whose body is not read here — the query parameter
 * {@value Csrf#FIELD}. Requests with HTTP Basic credentials need no token: only those credentials
 * can authenticate them, never a cookie.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CsrfFilter implements Ordered {

    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    /**
     * POSTs that change nothing: a text check only reads the glossary. A forged one gains an
     * attacker nothing (the browser does not let another site read the answer), while visitors and
     * scripts, who have no session and so no token, must be able to check.
     */
    private static final Set<String> READ_ONLY = Set.of("/check", "/api/check");

    /** Signing in: checked against the sign-in form's own token ({@link SignInToken}), not a session's. */
    private static final String SIGN_IN = "/login";

    private final Csrf csrf;

    public CsrfFilter(Csrf csrf) {
        this.csrf = csrf;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body String body) {
        if (!STATE_CHANGING.contains(request.getMethod()) || READ_ONLY.contains(request.getPath())) {
            return null;
        }
        String authorization = request.getHeaders().get("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            // Safe only because a request with an Authorization header is never authenticated by its
            // session cookie (RequestRights): a wrong Basic header leaves it anonymous.
            return null;
        }
        if (SIGN_IN.equals(request.getPath())) {
            if (SignInToken.valid(request, given(request, body))) {
                return null;
            }
        } else {
            Optional<Session> session = SessionForRequest.find(request);
            if (session.isPresent() && csrf.valid(session.get(), given(request, body))) {
                return null;
            }
        }
        boolean json = request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.APPLICATION_JSON_TYPE))
                || request.getContentType().map(t -> t.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
        // A page says so (the filter runs before pages are rendered, so it sends the browser there).
        return json
                ? HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("error", "missing or wrong CSRF token"))
                : HttpResponse.seeOther(URI.create(AccountController.EXPIRED));
    }

    private static String given(HttpRequest<?> request, String body) {
        String header = request.getHeaders().get(Csrf.HEADER);
        if (header != null) {
            return header;
        }
        boolean form = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .orElse(false);
        if (form && body != null) {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(Csrf.FIELD)) {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
        boolean multipart = request.getContentType().map(t -> t.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
                .orElse(false);
        return multipart ? request.getParameters().get(Csrf.FIELD) : null;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
