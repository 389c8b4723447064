package org.paraterm.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.MediaType;
import io.micronaut.views.ModelAndView;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.paraterm.security.RequestRights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Error pages that say what went wrong for the user and never show internals. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
public class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final long maxRequestBytes;
    private final PageRenderer pages;

    public ErrorPages(@Value("${micronaut.server.max-request-size:10485760}") long maxRequestBytes, PageRenderer pages) {
        this.maxRequestBytes = maxRequestBytes;
        this.pages = pages;
    }

    /** What a request larger than the server takes is told, as JSON or on a page. */
    public static String tooLarge(long maxRequestBytes) {
        return "请求过大 The request is too large: the server takes requests of at most " + megabytes(maxRequestBytes)
                + " (micronaut.server.max-request-size); load larger documents with the ingest command";
    }

    static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20))
                : Math.max(1, bytes / 1024) + " KB";
    }

    /**
     * Not signed in: pages send the browser to the login form (and back afterwards), the API
     * answers 401. Signed in without the role: a page that says so, or 403.
     */
    @Error(global = true, exception = AuthorizationException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, AuthorizationException refusal) {
        boolean page = !request.getPath().startsWith("/api/") && acceptsHtml(request);
        if (refusal.isForbidden()) {
            return page ? HttpResponse.seeOther(URI.create("/forbidden"))
                    : HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("error", "your role does not allow this"));
        }
        Optional<Long> blocked = request.getAttribute(RequestRights.BLOCKED_SECONDS, Long.class);
        if (blocked.isPresent()) {
            // HTTP Basic refused by the sign-in throttle: wait, rather than fix the password.
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(blocked.get()))
                    .body(Map.of("error", "too many failed sign-ins; try again in " + blocked.get() + " s"));
        }
        if (page && request.getMethod() == HttpMethod.GET) {
            return HttpResponse.seeOther(URI.create("/login?next="
                    + URLEncoder.encode(request.getUri().toString(), StandardCharsets.UTF_8)));
        }
        return page ? HttpResponse.seeOther(URI.create("/login"))
                : HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "sign in first"));
    }

    /**
     * Everything else. A request the server cannot take (a bad parameter value, a missing one, an
     * unsupported content type) keeps its 4xx status and says which; anything else is a 500 that
     * says only that the server failed, with the cause in the log. The API answers JSON
     * {@code {"error": …}}, pages an error page.
     */
    @Error(global = true)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable error) {
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        String message = "服务器出错 Something went wrong on the server";
        if (error instanceof UnsatisfiedRouteException missing) {
            status = HttpStatus.BAD_REQUEST;
            message = "missing or bad parameter '" + missing.getArgument().getName() + "'";
        } else if (error instanceof ConversionErrorException conversion) {
            status = HttpStatus.BAD_REQUEST;
            message = "bad value for parameter '" + conversion.getArgument().getName() + "'";
        } else if (error instanceof ContentLengthExceededException) {
            status = HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            message = tooLarge(maxRequestBytes);
        } else if (error instanceof HttpStatusException refused && refused.getStatus().getCode() < 500) {
            status = refused.getStatus();
            message = refused.getMessage();
        }
        if (status.getCode() >= 500) {
            LOG.error("{} {} failed", request.getMethod(), request.getPath(), error);
        } else {
            LOG.debug("{} {} refused: {}", request.getMethod(), request.getPath(), message);
        }
        if (request.getPath().startsWith("/api/") || !acceptsHtml(request)) {
            return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("error", message));
        }
        if (error instanceof ContentLengthExceededException) {
            // Refused while the body was read: this answer does not pass the views filter, so the page is rendered here.
            return pages.respond(request, status, "errors/page", Map.of("status", status.getCode(), "message", message));
        }
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>("errors/page",
                Map.of("status", status.getCode(), "message", message)));
    }

    private static boolean acceptsHtml(HttpRequest<?> request) {
        return request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
    }
}
