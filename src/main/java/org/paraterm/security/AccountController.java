package org.paraterm.security;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.HttpSessionFilter;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Signing in and out, and one's own account: the only sign-in path (Micronaut's own login and
 * logout endpoints are switched off). A successful sign-in starts a new session (the old one, and
 * its id, are dropped: no session fixation) holding the account's name, the credential it signed
 * in with and a new CSRF token; the rights themselves are read per request ({@link RequestRights}).
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class AccountController {

    public static final String EXPIRED = "/expired";

    /** The login form's fields. */
    @io.micronaut.serde.annotation.Serdeable
    public record LoginForm(@Nullable String username, @Nullable String password, @Nullable String _csrf,
                            @Nullable String next) {
    }

    @io.micronaut.serde.annotation.Serdeable
    public record PasswordForm(@Nullable String current, @Nullable String password, @Nullable String repeat,
                               @Nullable String _csrf) {
    }

    private final UserStore users;
    private final SignIns signIns;
    private final Csrf csrf;
    private final SessionStore<Session> sessions;
    private final HttpClientAddressResolver addresses;

    public AccountController(UserStore users, SignIns signIns, Csrf csrf, SessionStore<Session> sessions,
                             HttpClientAddressResolver addresses) {
        this.users = users;
        this.signIns = signIns;
        this.csrf = csrf;
        this.sessions = sessions;
        this.addresses = addresses;
    }

    /** The sign-in form. It creates no session: its token travels in a cookie of its own ({@link SignInToken}). */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/login")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<Map<String, Object>>> loginPage(HttpRequest<?> request,
                                                                     @Nullable @QueryValue String error,
                                                                     @Nullable @QueryValue String wait,
                                                                     @Nullable @QueryValue String next) {
        String token = SignInToken.of(request);
        Map<String, Object> model = new HashMap<>();
        model.put("signInToken", token);
        model.put("failed", error != null && !"blocked".equals(error));
        model.put("blockedSeconds", "blocked".equals(error) ? seconds(wait) : null);
        model.put("next", safeNext(next));
        return HttpResponse.ok(new ModelAndView<>("account/login", model)).cookie(SignInToken.cookie(token));
    }

    /** Signing in by form: a new session, never the one the visitor had before (no session fixation). */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> login(HttpRequest<?> request, @Body LoginForm form) throws SQLException {
        SignIns.Outcome outcome = signIn(request, form);
        String next = safeNext(form.next());
        String again = "/".equals(next) ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        if (outcome instanceof SignIns.Blocked blocked) {
            return HttpResponse.seeOther(URI.create("/login?error=blocked&wait=" + blocked.seconds() + again));
        }
        if (!(outcome instanceof SignIns.Accepted accepted)) {
            return HttpResponse.seeOther(URI.create("/login?error" + again));
        }
        return HttpResponse.seeOther(URI.create(accepted.user().mustChangePassword() ? "/account" : next));
    }

    /**
     * Signing in with JSON (for scripts that want a session rather than HTTP Basic): the same
     * checks and the same new session as the form, the sign-in token in the {@value Csrf#HEADER} header.
     */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> loginJson(HttpRequest<?> request, @Body LoginForm form) throws SQLException {
        SignIns.Outcome outcome = signIn(request, form);
        if (outcome instanceof SignIns.Blocked blocked) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(blocked.seconds()))
                    .body(Map.of("error", "too many failed sign-ins; try again in " + blocked.seconds() + " s"));
        }
        if (!(outcome instanceof SignIns.Accepted accepted)) {
            return HttpResponse.unauthorized().body(Map.of("error", "the user name or password is wrong"));
        }
        Authentication now = RequestRights.of(accepted.user());
        return HttpResponse.ok(Map.of("username", now.getName(), "roles", now.getRoles(),
                "mustChangePassword", accepted.user().mustChangePassword()));
    }

    /** One attempt from the request's address; an accepted one starts the new session. */
    private SignIns.Outcome signIn(HttpRequest<?> request, LoginForm form) throws SQLException {
        SignIns.Outcome outcome = signIns.attempt(form.username(), form.password(), addresses.resolve(request));
        if (outcome instanceof SignIns.Accepted accepted) {
            startSession(request, accepted.user());
        }
        return outcome;
    }

    private void startSession(HttpRequest<?> request, UserStore.User user) {
        request.getAttribute(HttpSessionFilter.SESSION_ATTRIBUTE, Session.class)
                .ifPresent(old -> sessions.deleteSession(old.getId()));
        Session fresh = sessions.newSession();
        fresh.put(SecurityFilter.AUTHENTICATION.toString(), RequestRights.signIn(user));
        csrf.token(fresh);
        request.setAttribute(HttpSessionFilter.SESSION_ATTRIBUTE, fresh);
    }

    /** Signing out ends the session on every instance. */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/logout")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> logout(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
        request.getAttribute(HttpSessionFilter.SESSION_ATTRIBUTE, Session.class)
                .ifPresent(session -> {
                    session.remove(SecurityFilter.AUTHENTICATION.toString());
                    sessions.deleteSession(session.getId());
                });
        return HttpResponse.seeOther(URI.create("/"));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/account")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> account(Session session, Authentication authentication,
                                                     @Nullable @QueryValue String changed,
                                                     @Nullable @QueryValue String problem) throws SQLException {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.token(session));
        model.put("user", users.find(authentication.getName()).orElseThrow());
        model.put("changed", changed != null);
        model.put("problem", problem);
        return new ModelAndView<>("account/page", model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> changePassword(HttpRequest<?> request, Session session, Authentication authentication,
                                          @Body PasswordForm form) throws SQLException {
        SignIns.Outcome current = signIns.attempt(authentication.getName(), form.current(), addresses.resolve(request));
        if (current instanceof SignIns.Blocked) {
            return HttpResponse.seeOther(URI.create("/account?problem=blocked"));
        }
        if (!(current instanceof SignIns.Accepted)) {
            return HttpResponse.seeOther(URI.create("/account?problem=current"));
        }
        if (form.password() == null || !form.password().equals(form.repeat())) {
            return HttpResponse.seeOther(URI.create("/account?problem=repeat"));
        }
        if (form.password().length() < UserStore.SHORTEST_PASSWORD) {
            return HttpResponse.seeOther(URI.create("/account?problem=short"));
        }
        users.changePassword(authentication.getName(), form.password());
        // Every other session of this account ends (its credential no longer matches); this one goes on.
        users.find(authentication.getName())
                .ifPresent(user -> session.put(SecurityFilter.AUTHENTICATION.toString(), RequestRights.signIn(user)));
        return HttpResponse.seeOther(URI.create("/account?changed"));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(EXPIRED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<Map<String, Object>>> expired() {
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.FORBIDDEN)
                .body(new ModelAndView<>("errors/page", Map.of("status", 403, "message",
                        "该表单已过期或并非来自本站，请重新加载页面后再试。"
                                + " This form has expired or did not come from paraterm: reload the page and try again.")));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/forbidden")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<Map<String, Object>>> forbidden(@Nullable Authentication authentication) {
        boolean mustChange = authentication != null
                && Boolean.TRUE.equals(authentication.getAttributes().get(RequestRights.MUST_CHANGE));
        String message = mustChange
                ? "请先在“账户”页面设置您自己的密码。 Set a password of your own on the Account page (/account) first."
                : "您的角色无权执行此操作。 Your role does not allow this.";
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.FORBIDDEN)
                .body(new ModelAndView<>("errors/page", Map.of("status", 403, "message", message)));
    }

    /**
     * Only a path on this site, never another host (no open redirect), and nothing that cannot go
     * into a Location header as it is: no spaces, control characters or line separators.
     */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.length() > 2000 || next.codePoints().anyMatch(AccountController::unsafeInAddress)) {
            return "/";
        }
        try {
            return URI.create(next).toASCIIString();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static boolean unsafeInAddress(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.UNASSIGNED
                || Character.getType(c) == Character.PRIVATE_USE || Character.getType(c) == Character.SURROGATE;
    }

    private static Long seconds(String wait) {
        try {
            return wait == null ? 1L : Math.max(1L, Long.parseLong(wait));
        } catch (NumberFormatException e) {
            return 1L;
        }
    }
}
