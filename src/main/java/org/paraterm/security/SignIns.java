package org.paraterm.security;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user name and password, the one way every sign-in goes (the login form, HTTP Basic,
 * the current password on a password change): throttled per account and per address
 * ({@link SignInThrottle}), and as slow for a name without an account as for one with.
 */
@Singleton
public class SignIns {

    private static final Logger LOG = LoggerFactory.getLogger(SignIns.class);

    /** What came of an attempt. */
    public sealed interface Outcome permits Accepted, Refused, Blocked {
    }

    /** The name and password match an active account. */
    public record Accepted(UserStore.User user) implements Outcome {
    }

    /** No such active account, or a wrong password: the answer does not say which. */
    public record Refused() implements Outcome {
    }

    /** Too many failures for this account or from this address: refused without looking at the password. */
    public record Blocked(Duration retryAfter) implements Outcome {

        /** Whole seconds, at least 1, as a Retry-After header and messages give them. */
        public long seconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;

    public SignIns(UserStore users, PasswordHasher hasher, SignInThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /** One attempt from a client address (null when unknown). Slow: never call it on the event loop. */
    public Outcome attempt(String username, String password, String address) throws SQLException {
        if (username == null || password == null) {
            return new Refused();
        }
        Optional<Duration> blocked = throttle.blocked(username, address);
        if (blocked.isPresent()) {
            return new Blocked(blocked.get());
        }
        Optional<UserStore.Stored> stored = users.stored(username);
        boolean matches;
        if (stored.isPresent() && stored.get().user().active()) {
            matches = hasher.matches(password, stored.get().passwordHash());
        } else {
            hasher.spendAsLong(password);
            matches = false;
        }
        if (matches) {
            throttle.succeeded(username);
            return new Accepted(stored.get().user());
        }
        throttle.failed(username, address);
        LOG.info("failed sign-in for '{}' from {}", printable(username), address);
        return new Refused();
    }

    /** A name as it may go into the log: no line breaks or control characters, at most 100 characters. */
    private static String printable(String username) {
        String clean = username.codePoints().filter(c -> !Character.isISOControl(c) && c != 0x2028 && c != 0x2029)
                .limit(100).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean;
    }
}
