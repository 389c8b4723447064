package org.paraterm.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real password hasher, which also notes the thread of every password check, for tests that
 * must see where checks run and how many were made (started with {@code test.record-hashing=true}).
 */
@Singleton
@Replaces(PasswordHasher.class)
@Requires(property = "test.record-hashing", value = "true")
public class RecordingHasher extends PasswordHasher {

    private final List<String> threads = new CopyOnWriteArrayList<>();

    public RecordingHasher(@Value("${paraterm.security.hash-iterations:600000}") int iterations) {
        super(iterations);
    }

    @Override
    public boolean matches(String password, String stored) {
        threads.add(Thread.currentThread().getName());
        return super.matches(password, stored);
    }

    /** The threads of the checks so far, oldest first. */
    public List<String> checks() {
        return List.copyOf(threads);
    }
}
