package org.paraterm.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.session.InMemorySessionStore;
import io.micronaut.session.SessionConfiguration;
import io.micronaut.session.SessionIdGenerator;
import io.micronaut.session.SessionStore;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in the {@code web_session} table (V6) instead of one server's memory: a sign-in on one
 * paraterm instance, and its CSRF token, are valid on every instance serving the same database,
 * and signing out on one ends the session everywhere. Why a table and not a signed cookie:
 * docs/09-postgresql.md.
 *
 * <p>A session is read once per request that carries the cookie (one primary-key lookup) and
 * written only when it is new or a value changed. Its expiry moves on with use, at most once a
 * minute; expired rows are deleted whenever a new session is saved, at most every five minutes.
 * Reads and writes run on the blocking executor, never on Netty's event loop that asks for them.
 */
@Singleton
@Replaces(InMemorySessionStore.class)
public class DatabaseSessionStore implements SessionStore<DatabaseSession> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSessionStore.class);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(5);

    private final DataSource dataSource;
    private final ExecutorService blocking;
    private final SessionIdGenerator ids;
    private final Duration maxInactive;
    private final SessionAttributes attributes;
    private final AtomicLong lastCleaned = new AtomicLong();

    public DatabaseSessionStore(DataSource dataSource, SessionIdGenerator ids, SessionConfiguration configuration,
                                ObjectMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.dataSource = dataSource;
        this.blocking = blocking;
        this.ids = ids;
        this.maxInactive = configuration.getMaxInactiveInterval();
        this.attributes = new SessionAttributes(json);
    }

    @Override
    public DatabaseSession newSession() {
        return new DatabaseSession(ids.generateId(), Instant.now(), maxInactive);
    }

    /** Read on the blocking executor: the session filter asks on Netty's event loop. */
    @Override
    public CompletableFuture<Optional<DatabaseSession>> findSession(String id) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return find(id);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, blocking);
    }

    @Override
    public CompletableFuture<Boolean> deleteSession(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM web_session WHERE id = ?")) {
            delete.setString(1, key(id));
            return CompletableFuture.completedFuture(delete.executeUpdate() > 0);
        } catch (SQLException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Written on the blocking executor, like {@link #findSession}. */
    @Override
    public CompletableFuture<DatabaseSession> save(DatabaseSession session) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                write(session);
                return session;
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, blocking);
    }

    /** How many sessions are stored and not expired (for tests and the docs' figures). */
    public int count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM web_session WHERE expires_at > ?")) {
            query.setLong(1, System.currentTimeMillis());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private Optional<DatabaseSession> find(String id) throws SQLException {
        long now = System.currentTimeMillis();
        String key = key(id);
        try (Connection connection = dataSource.getConnection()) {
            String stored;
            long created;
            long lastAccess;
            try (PreparedStatement query = connection.prepareStatement("SELECT attributes, created_at, last_access,"
                    + " expires_at FROM web_session WHERE id = ?")) {
                query.setString(1, key);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next() || row.getLong(4) <= now) {
                        return Optional.empty();
                    }
                    stored = row.getString(1);
                    created = row.getLong(2);
                    lastAccess = row.getLong(3);
                }
            }
            Map<String, Object> values;
            try {
                values = attributes.read(stored);
            } catch (IOException | RuntimeException e) {
                // A row this code did not write: treat the visitor as having no session.
                LOG.warn("a stored session cannot be read and is ignored: {}", e.getMessage());
                return Optional.empty();
            }
            if (now - lastAccess >= TOUCH_EVERY.toMillis()) {
                try (PreparedStatement touch = connection.prepareStatement(
                        "UPDATE web_session SET last_access = ?, expires_at = ? WHERE id = ?")) {
                    touch.setLong(1, now);
                    touch.setLong(2, now + maxInactive.toMillis());
                    touch.setString(3, key);
                    touch.executeUpdate();
                }
                lastAccess = now;
            }
            DatabaseSession session = new DatabaseSession(id, Instant.ofEpochMilli(created), maxInactive);
            session.restore(values, Instant.ofEpochMilli(lastAccess));
            return Optional.of(session);
        }
    }

    /**
     * A new session is inserted; a known one is updated, and only if it is still there — a session
     * signed out meanwhile (on this instance or another) is not brought back by a late write.
     */
    private void write(DatabaseSession session) throws SQLException {
        long now = System.currentTimeMillis();
        String values = attributes.write(session.storedValues());
        try (Connection connection = dataSource.getConnection()) {
            if (session.isNew()) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO web_session (id, attributes,"
                        + " created_at, last_access, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, key(session.getId()));
                    insert.setString(2, values);
                    insert.setLong(3, session.getCreationTime().toEpochMilli());
                    insert.setLong(4, now);
                    insert.setLong(5, now + maxInactive.toMillis());
                    insert.executeUpdate();
                }
                cleanIfDue(connection, now);
            } else {
                try (PreparedStatement update = connection.prepareStatement("UPDATE web_session SET attributes = ?,"
                        + " last_access = ?, expires_at = ? WHERE id = ?")) {
                    update.setString(1, values);
                    update.setLong(2, now);
                    update.setLong(3, now + maxInactive.toMillis());
                    update.setString(4, key(session.getId()));
                    update.executeUpdate();
                }
            }
        }
        session.saved();
    }

    private void cleanIfDue(Connection connection, long now) throws SQLException {
        long last = lastCleaned.get();
        if (now - last < CLEAN_EVERY.toMillis() || !lastCleaned.compareAndSet(last, now)) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM web_session WHERE expires_at <= ?")) {
            delete.setLong(1, now);
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.debug("deleted {} expired sessions", deleted);
            }
        }
    }

    /** The stored key of a session: the SHA-256 of its cookie value, in hexadecimal. */
    static String key(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
