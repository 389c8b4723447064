package org.paraterm.security;

import io.micronaut.core.convert.value.MutableConvertibleValues;
import io.micronaut.session.InMemorySession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A session read from or bound for the {@code web_session} table. It remembers whether anything was
 * put or removed since it was read, so that the session filter writes it back only then (the
 * in-memory session it extends counts only new sessions as modified, since it never needs saving).
 */
public final class DatabaseSession extends InMemorySession {

    private boolean modified;

    DatabaseSession(String id, Instant created, Duration maxInactiveInterval) {
        super(id, created, maxInactiveInterval);
    }

    /** Puts a value read from the database, which does not make the session modified. */
    void restore(Map<String, Object> values, Instant lastAccess) {
        attributeMap.putAll(values);
        this.lastAccessTime = lastAccess;
        setNew(false);
    }

    @Override
    public MutableConvertibleValues<Object> put(CharSequence key, Object value) {
        modified = true;
        return super.put(key, value);
    }

    @Override
    public MutableConvertibleValues<Object> remove(CharSequence key) {
        modified = true;
        return super.remove(key);
    }

    @Override
    public MutableConvertibleValues<Object> clear() {
        modified = true;
        return super.clear();
    }

    @Override
    public boolean isModified() {
        return modified || isNew();
    }

    /** The values as they are to be stored. */
    Map<String, Object> storedValues() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        attributeMap.forEach((name, value) -> values.put(name.toString(), value));
        return values;
    }

    void saved() {
        modified = false;
        setNew(false);
    }
}
