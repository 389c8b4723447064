package org.paraterm;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A value read from the database, such as a table's fingerprint, that many requests ask for but
 * that changes rarely: it is read again at most once per interval, however many requests ask,
 * and at once after this process changed the data itself ({@link #changed()}). So a change made
 * through this instance shows at once, and one made through another instance sharing the database
 * within about the interval (docs/09-postgresql.md).
 *
 * @param <T> the value; compared by the caches that key on it, so it should have a meaningful equals
 */
public final class RecentReading<T> {

    /** Reads the current value from the database. */
    public interface Reader<T> {
        T read() throws SQLException;
    }

    /** A value as read, the count of local changes before the read, and when it was read (System.nanoTime). */
    private record Seen<T>(T value, long localChanges, long readAt) {
    }

    private final Reader<T> reader;
    private final long intervalNanos;
    private final AtomicLong localChanges = new AtomicLong();
    private volatile Seen<T> seen;

    public RecentReading(Duration interval, Reader<T> reader) {
        this.reader = reader;
        this.intervalNanos = interval.toNanos();
    }

    /** The value, read again when the last reading is older than the interval or a local change came after it. */
    public T get() throws SQLException {
        Seen<T> current = seen;
        long local = localChanges.get();
        if (fresh(current, local)) {
            return current.value();
        }
        synchronized (this) {
            current = seen;
            local = localChanges.get();
            if (fresh(current, local)) {
                return current.value();
            }
            // The count is taken before reading: a change committed during the read makes the next call read again.
            current = new Seen<>(reader.read(), local, System.nanoTime());
            seen = current;
            return current.value();
        }
    }

    /** The last value read, if any: for a caller that goes on with it when the database cannot be read. */
    public Optional<T> lastRead() {
        Seen<T> current = seen;
        return current == null ? Optional.empty() : Optional.of(current.value());
    }

    /** Records that this process has just changed the data: the next {@link #get()} reads it again. */
    public void changed() {
        localChanges.incrementAndGet();
    }

    /** How many changes this process has recorded. */
    public long localChanges() {
        return localChanges.get();
    }

    private boolean fresh(Seen<T> current, long local) {
        return current != null && current.localChanges() == local && System.nanoTime() - current.readAt() < intervalNanos;
    }
}
