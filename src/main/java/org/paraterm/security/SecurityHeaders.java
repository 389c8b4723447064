package org.paraterm.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers every response carries, so that a browser confines what a page can do even if an
 * injection slipped through escaping: scripts, styles and everything else only from paraterm
 * itself (no inline scripts; inline style attributes are allowed for the bar charts' widths), no
 * framing by other sites, no type sniffing, no full addresses sent to other sites.
 *
 * <p>It also turns the 401 of a request whose HTTP Basic sign-in was refused by the throttle into
 * a 429 with {@code Retry-After}, so a script knows to wait rather than to fix its password.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders implements Ordered {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Frame-Options", "DENY");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        request.getAttribute(RequestRights.BLOCKED_SECONDS, Long.class).ifPresent(seconds -> {
            if (response.getStatus() == HttpStatus.UNAUTHORIZED) {
                response.status(HttpStatus.TOO_MANY_REQUESTS);
                response.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            }
        });
    }

    /** Outermost, so that it sees every response last, the security filter's refusals included. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
