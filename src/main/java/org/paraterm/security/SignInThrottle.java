package org.paraterm.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * Slows down password guessing, per account and per client address, with its counts in the
 * database so that every instance serving it agrees.
 *
 * <p>Within a window (15 minutes by default) an account may fail {@code accountAttempts} times and
 * an address {@code addressAttempts} times. Each failure beyond that blocks the account or the
 * address for twice as long as the one before — 1 s, 2 s, 4 s … up to the longest block
 * (15 minutes). While blocked, a sign-in is refused at once, without looking at the password, so a
 * flood of guesses costs the server nothing and learns nothing, even when it holds the right one.
 * A successful sign-in clears its account's count; an address's count runs out with its window.
 *
 * <p>A block only ever grows until it ends, so each instance keeps the blocks it has seen in memory
 * and refuses them without asking the database again.
 */
@Singleton
public class SignInThrottle {

    private final DataSource dataSource;
    private final int accountAttempts;
    private final int addressAttempts;
    private final Duration window;
    private final Duration longestBlock;
    private final LongSupplier clock;
    private final Map<String, Long> knownBlocks = new ConcurrentHashMap<>();

    public SignInThrottle(DataSource dataSource,
                          @Value("${paraterm.sign-in.account-attempts:5}") int accountAttempts,
                          @Value("${paraterm.sign-in.address-attempts:20}") int addressAttempts,
                          @Value("${paraterm.sign-in.window:15m}") Duration window,
                          @Value("${paraterm.sign-in.longest-block:15m}") Duration longestBlock) {
        this(dataSource, accountAttempts, addressAttempts, window, longestBlock, System::currentTimeMillis);
    }

    SignInThrottle(DataSource dataSource, int accountAttempts, int addressAttempts, Duration window,
                   Duration longestBlock, LongSupplier clock) {
        this.dataSource = dataSource;
        this.accountAttempts = accountAttempts;
        this.addressAttempts = addressAttempts;
        this.window = window;
        this.longestBlock = longestBlock;
        this.clock = clock;
    }

    /** How long sign-ins for this account from this address stay refused, if they are. */
    public Optional<Duration> blocked(String username, String address) throws SQLException {
        long now = clock.getAsLong();
        long until = Math.max(knownBlock(accountKey(username), now), knownBlock(addressKey(address), now));
        if (until > now) {
            return Optional.of(Duration.ofMillis(until - now));
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT subject, blocked_until FROM sign_in_failure WHERE subject IN (?, ?)")) {
            select.setString(1, accountKey(username));
            select.setString(2, addressKey(address));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    remember(row.getString(1), row.getLong(2), now);
                    until = Math.max(until, row.getLong(2));
                }
            }
        }
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    /** Counts a failed sign-in against the account and the address. */
    public void failed(String username, String address) throws SQLException {
        long now = clock.getAsLong();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                count(connection, accountKey(username), accountAttempts, now);
                count(connection, addressKey(address), addressAttempts, now);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** A right password: the account starts afresh (its address's count runs out with its window). */
    public void succeeded(String username) throws SQLException {
        knownBlocks.remove(accountKey(username));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM sign_in_failure WHERE subject = ?")) {
            delete.setString(1, accountKey(username));
            delete.executeUpdate();
        }
    }

    private void count(Connection connection, String subject, int freeAttempts, long now) throws SQLException {
        int failures = 0;
        long windowStart = now;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT failures, window_start FROM sign_in_failure WHERE subject = ? FOR UPDATE")) {
            select.setString(1, subject);
            try (ResultSet row = select.executeQuery()) {
                if (row.next() && now - row.getLong(2) < window.toMillis()) {
                    failures = row.getInt(1);
                    windowStart = row.getLong(2);
                }
            }
        }
        failures++;
        long blockedUntil = failures > freeAttempts ? now + block(failures - freeAttempts) : 0;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sign_in_failure SET failures = ?, window_start = ?, blocked_until = ? WHERE subject = ?")) {
            update.setInt(1, failures);
            update.setLong(2, windowStart);
            update.setLong(3, blockedUntil);
            update.setString(4, subject);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sign_in_failure"
                        + " (failures, window_start, blocked_until, subject) VALUES (?, ?, ?, ?)")) {
                    insert.setInt(1, failures);
                    insert.setLong(2, windowStart);
                    insert.setLong(3, blockedUntil);
                    insert.setString(4, subject);
                    insert.executeUpdate();
                }
            }
        }
        remember(subject, blockedUntil, now);
    }

    /** 1 s for the first failure over the limit, doubling with each one, never longer than the longest block. */
    private long block(int overLimit) {
        long millis = 1000L << Math.min(overLimit - 1, 30);
        return Math.min(millis, longestBlock.toMillis());
    }

    private long knownBlock(String subject, long now) {
        Long until = knownBlocks.get(subject);
        if (until != null && until <= now) {
            knownBlocks.remove(subject, until);
            return 0;
        }
        return until == null ? 0 : until;
    }

    private void remember(String subject, long blockedUntil, long now) {
        if (blockedUntil > now) {
            knownBlocks.merge(subject, blockedUntil, Math::max);
        }
    }

    private static String accountKey(String username) {
        return clip("user:" + UserStore.normalizedForLookup(username));
    }

    private static String addressKey(String address) {
        return clip("addr:" + (address == null ? "unknown" : address));
    }

    private static String clip(String subject) {
        return subject.length() <= 200 ? subject : subject.substring(0, 200);
    }
}
