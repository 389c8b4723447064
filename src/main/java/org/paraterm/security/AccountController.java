package org.paraterm.security;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.HttpSessionFilter;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out by form, and one's own account. A successful login starts a new session
 * (the old one, and its id, are dropped: no session fixation) holding the authentication and a
 * new CSRF token.
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
    private final Csrf csrf;
    private final SessionStore<Session> sessions;

    public AccountController(UserStore users, Csrf csrf, SessionStore<Session> sessions) {
        this.users = users;
        this.csrf = csrf;
        this.sessions = sessions;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/login")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> loginPage(Session session, @Nullable @QueryValue String error,
                                                       @Nullable @QueryValue String next) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf.token(session));
        model.put("failed", error != null);
        model.put("next", safeNext(next));
        return new ModelAndView<>("account/login", model);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> login(HttpRequest<?> request, @Body LoginForm form) throws SQLException {
        Optional<UserStore.User> user = users.authenticate(form.username(), form.password());
        if (user.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login?error"));
        }
        request.getAttribute(HttpSessionFilter.SESSION_ATTRIBUTE, Session.class)
                .ifPresent(old -> sessions.deleteSession(old.getId()));
        Session fresh = sessions.newSession();
        fresh.put(SecurityFilter.AUTHENTICATION.toString(),
                Authentication.build(user.get().username(), user.get().role().granted()));
        csrf.token(fresh);
        request.setAttribute(HttpSessionFilter.SESSION_ATTRIBUTE, fresh);
        String target = user.get().mustChangePassword() ? "/account" : safeNext(form.next());
        return HttpResponse.seeOther(URI.create(target));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> logout(HttpRequest<?> request, @Body Map<String, String> form) {
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
    public HttpResponse<?> changePassword(Authentication authentication, @Body PasswordForm form) throws SQLException {
        if (users.authenticate(authentication.getName(), form.current()).isEmpty()) {
            return HttpResponse.seeOther(URI.create("/account?problem=current"));
        }
        if (form.password() == null || !form.password().equals(form.repeat())) {
            return HttpResponse.seeOther(URI.create("/account?problem=repeat"));
        }
        if (form.password().length() < UserStore.SHORTEST_PASSWORD) {
            return HttpResponse.seeOther(URI.create("/account?problem=short"));
        }
        users.changePassword(authentication.getName(), form.password());
        return HttpResponse.seeOther(URI.create("/account?changed"));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(EXPIRED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<Map<String, Object>>> expired() {
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(io.micronaut.http.HttpStatus.FORBIDDEN)
                .body(new ModelAndView<>("errors/page", Map.of("status", 403, "message",
                        "该表单已过期或并非来自本站，请重新加载页面后再试。"
                                + " This form has expired or did not come from paraterm: reload the page and try again.")));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/forbidden")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<Map<String, Object>>> forbidden() {
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(io.micronaut.http.HttpStatus.FORBIDDEN)
                .body(new ModelAndView<>("errors/page", Map.of("status", 403, "message",
                        "您的角色无权执行此操作。 Your role does not allow this.")));
    }

    /** Only a path on this site, never another host: no open redirect. */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/";
        }
        return next;
    }
}
