package org.paraterm.security;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.session.Session;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Admins manage the accounts: create one with a one-time password (shown once, to be changed at
 * the first sign-in), change a role, switch an account off or on, reset a password.
 */
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/admin/users")
public class AdminController {

    private static final String FLASH_USER = "paraterm.flash.user";
    private static final String FLASH_PASSWORD = "paraterm.flash.password";

    private final UserStore users;

    public AdminController(UserStore users) {
        this.users = users;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(@Nullable @QueryValue String done, @Nullable @QueryValue String problem,
                                                  Session session) throws SQLException {
        // A one-time password travels to this page in the session, once, never in a URL.
        String user = session.get(FLASH_USER, String.class).orElse(null);
        String password = session.get(FLASH_PASSWORD, String.class).orElse(null);
        session.remove(FLASH_USER);
        session.remove(FLASH_PASSWORD);
        Map<String, Object> model = new HashMap<>();
        model.put("users", users.list());
        model.put("roles", Role.values());
        model.put("done", done);
        model.put("problem", problem);
        model.put("newUser", user);
        model.put("oneTime", password);
        return new ModelAndView<>("account/users", model);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> change(@Body Map<String, String> form, Authentication admin, Session session)
            throws SQLException {
        String username = form.getOrDefault("username", "").strip().toLowerCase(Locale.ROOT);
        try {
            switch (form.getOrDefault("do", "")) {
                case "create" -> {
                    String oneTime = PasswordHasher.randomPassword();
                    users.create(username, oneTime, role(form.get("role")), true);
                    return showOnce(session, username, oneTime);
                }
                case "role" -> {
                    refuseSelf(username, admin, "change your own role");
                    users.changeRole(username, role(form.get("role")));
                }
                case "deactivate" -> {
                    refuseSelf(username, admin, "switch off your own account");
                    users.setActive(username, false);
                }
                case "activate" -> users.setActive(username, true);
                case "reset" -> {
                    String oneTime = PasswordHasher.randomPassword();
                    users.resetPassword(username, oneTime);
                    return showOnce(session, username, oneTime);
                }
                default -> throw new IllegalArgumentException("unknown action");
            }
            return HttpResponse.seeOther(URI.create("/admin/users?done=" + encode(form.get("do") + " " + username)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.seeOther(URI.create("/admin/users?problem=" + encode(e.getMessage())));
        }
    }

    private static HttpResponse<?> showOnce(Session session, String username, String oneTime) {
        session.put(FLASH_USER, username);
        session.put(FLASH_PASSWORD, oneTime);
        return HttpResponse.seeOther(URI.create("/admin/users"));
    }

    private static void refuseSelf(String username, Authentication admin, String what) {
        if (username.equals(admin.getName())) {
            throw new IllegalArgumentException("you cannot " + what + "; ask another admin");
        }
    }

    private static Role role(String value) {
        try {
            return Role.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("choose a role");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
