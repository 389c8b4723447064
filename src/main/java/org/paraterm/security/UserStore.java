package org.paraterm.security;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** The accounts: user name, role and password hash. */
@Singleton
public class UserStore {

    /**
     * An account as it is now. {@code credential} is a fingerprint of the stored password hash: a
     * session remembers it at sign-in and ends when it no longer matches (the password was changed
     * or reset).
     */
    public record User(long id, String username, Role role, boolean active, boolean mustChangePassword,
                       String credential) {
    }

    /** An account with its stored password hash, for checking a password. */
    record Stored(User user, String passwordHash) {
    }

    private static final String COLUMNS = "id, username, role, active, must_change, password_hash";

    /** Letters, digits, dot, dash and underscore; 2 to 60 characters. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,60}");
    static final int SHORTEST_PASSWORD = 12;

    private final DataSource dataSource;
    private final PasswordHasher hasher;

    public UserStore(DataSource dataSource, PasswordHasher hasher) {
        this.dataSource = dataSource;
        this.hasher = hasher;
    }

    public User create(String username, String password, Role role, boolean mustChangePassword) throws SQLException {
        String name = normalized(username);
        checkPassword(password);
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("the user name " + name + " is taken");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO app_user (username, password_hash,"
                     + " role, active, must_change, created_at) VALUES (?, ?, ?, TRUE, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, hasher.hash(password));
            insert.setString(3, role.name());
            insert.setBoolean(4, mustChangePassword);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return find(name).orElseThrow();
    }

    /** The user whose name and password match, if the account is active. */
    public Optional<User> authenticate(String username, String password) throws SQLException {
        if (username == null || password == null) {
            return Optional.empty();
        }
        return stored(username).filter(s -> s.user().active() && hasher.matches(password, s.passwordHash()))
                .map(Stored::user);
    }

    public Optional<User> find(String username) throws SQLException {
        return stored(username).map(Stored::user);
    }

    Optional<Stored> stored(String username) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM app_user WHERE username = ?")) {
            select.setString(1, normalizedForLookup(username));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Stored(user(row), row.getString(6))) : Optional.empty();
            }
        }
    }

    public List<User> list() throws SQLException {
        List<User> users = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM app_user ORDER BY username");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                users.add(user(row));
            }
        }
        return users;
    }

    public int count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM app_user");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    public void changePassword(String username, String password) throws SQLException {
        checkPassword(password);
        update("UPDATE app_user SET password_hash = ?, must_change = FALSE WHERE username = ?",
                hasher.hash(password), normalized(username));
    }

    /** Sets a new one-time password that must be changed at the next sign-in. */
    public void resetPassword(String username, String oneTime) throws SQLException {
        checkPassword(oneTime);
        update("UPDATE app_user SET password_hash = ?, must_change = TRUE WHERE username = ?",
                hasher.hash(oneTime), normalized(username));
    }

    public void changeRole(String username, Role role) throws SQLException {
        update("UPDATE app_user SET role = ? WHERE username = ?", role.name(), normalized(username));
    }

    public void setActive(String username, boolean active) throws SQLException {
        update("UPDATE app_user SET active = ? WHERE username = ?", active, normalized(username));
    }

    private void update(String sql, Object value, String username) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, value);
            update.setString(2, username);
            if (update.executeUpdate() == 0) {
                throw new IllegalArgumentException("no user " + username);
            }
        }
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getLong(1), row.getString(2), Role.valueOf(row.getString(3)), row.getBoolean(4),
                row.getBoolean(5), credential(row.getString(6)));
    }

    /** The first 128 bits of the SHA-256 of a stored hash, in hexadecimal: it changes with every new password. */
    static String credential(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A user name as accounts are looked up: trimmed and in lower case ("" for none). */
    static String normalizedForLookup(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String normalized(String username) {
        String name = normalizedForLookup(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name has 2 to 60 letters, digits, dots, dashes or underscores");
        }
        return name;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < SHORTEST_PASSWORD) {
            throw new IllegalArgumentException("a password has at least " + SHORTEST_PASSWORD + " characters");
        }
    }
}
