package org.paraterm.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords under a slow, salted hash: PBKDF2 with HMAC-SHA-256, 600,000 iterations by default
 * (OWASP Password Storage Cheat Sheet, 2023). A stored hash names its own iteration count, so the
 * count can rise later without breaking old passwords. Format: {@code pbkdf2-sha256$N$salt$hash}.
 */
@Singleton
public class PasswordHasher {

    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    /** A hash of no one's password, checked for names that have no account so that they cost as much. */
    private final String decoy;

    public PasswordHasher(@Value("${paraterm.security.hash-iterations:600000}") int iterations) {
        if (iterations < 1000) {
            throw new IllegalArgumentException("paraterm.security.hash-iterations must be at least 1000");
        }
        this.iterations = iterations;
        this.decoy = hash(randomPassword());
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return PREFIX + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    public boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    /**
     * Spends as long as checking a password against a stored hash, and matches nothing: a sign-in
     * with an unknown user name (or a switched-off account) takes as long as one with a known name,
     * so the time of an answer does not tell which names exist.
     */
    public void spendAsLong(String password) {
        matches(password, decoy);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    /** A random password of 20 letters and digits, for a first admin or a reset. */
    public static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
