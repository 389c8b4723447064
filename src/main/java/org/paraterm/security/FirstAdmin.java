package org.paraterm.security;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The first account of an installation. With no users yet, an admin is created from the
 * environment — {@code PARATERM_ADMIN_PASSWORD} (and optionally {@code PARATERM_ADMIN_USER}, default
 * {@code admin}) — or else with a random one-time password printed once at this start, which must
 * be changed at the first sign-in. No password works on every installation.
 */
public final class FirstAdmin {

    private FirstAdmin() {
    }

    public static void ensure(UserStore users, Function<String, String> environment, PrintStream out)
            throws SQLException {
        if (users.count() > 0) {
            return;
        }
        String username = environment.apply("PARATERM_ADMIN_USER");
        if (username == null || username.isBlank()) {
            username = "admin";
        }
        String password = environment.apply("PARATERM_ADMIN_PASSWORD");
        if (password != null && !password.isBlank()) {
            users.create(username, password, Role.ADMIN, false);
            out.println("first admin '" + username + "' created with the password from PARATERM_ADMIN_PASSWORD");
            return;
        }
        String oneTime = PasswordHasher.randomPassword();
        users.create(username, oneTime, Role.ADMIN, true);
        out.println("first admin '" + username + "' created; one-time password (shown only now, change it at"
                + " the first sign-in): " + oneTime);
    }
}
