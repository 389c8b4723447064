package org.paraterm.check;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.TermType;
import org.paraterm.glossary.UsageStatus;

/**
 * The term index of each scope, built when first needed and again whenever the glossary has
 * changed since, as {@link GlossaryStore#fingerprint()} tells, whoever made the change and in
 * whichever process.
 */
@Singleton
public class TermIndexCache {

    private record Built(String fingerprint, TermIndex index) {
    }

    private final DataSource dataSource;
    private final GlossaryStore glossary;
    private final Map<Scope, Built> built = new EnumMap<>(Scope.class);

    public TermIndexCache(DataSource dataSource, GlossaryStore glossary) {
        this.dataSource = dataSource;
        this.glossary = glossary;
    }

    TermIndex index(Scope scope) throws SQLException {
        String fingerprint = glossary.fingerprint();
        synchronized (built) {
            Built current = built.get(scope);
            if (current != null && current.fingerprint().equals(fingerprint)) {
                return current.index();
            }
        }
        // Built outside the lock: a check of the other scope need not wait for this one.
        TermIndex index = TermIndex.of(entries(scope));
        synchronized (built) {
            built.put(scope, new Built(fingerprint, index));
        }
        return index;
    }

    /**
     * The entries of a scope with their terms, in two queries rather than one per entry: only
     * what matching needs (no evidence, no history).
     */
    private List<Entry> entries(Scope scope) throws SQLException {
        String visible = scope == Scope.PUBLISHED ? "e.published = TRUE"
                : "(e.published = TRUE OR e.status = 'APPROVED')";
        Map<Long, List<Term>> terms = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT t.entry_id, t.language, t.text,"
                     + " t.term_type, t.usage_status, t.note FROM entry_term t JOIN entry e ON e.id = t.entry_id"
                     + " WHERE e.deleted = FALSE AND " + visible + " ORDER BY t.entry_id, t.idx");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                terms.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new Term(row.getString(2),
                        row.getString(3), TermType.valueOf(row.getString(4)), UsageStatus.valueOf(row.getString(5)),
                        row.getString(6), null, null));
            }
        }
        // Only the id and the terms are read by the index; the rest of each entry is not loaded, and
        // these stand-ins never leave this class.
        List<Entry> entries = new ArrayList<>(terms.size());
        Instant unknown = Instant.EPOCH;
        terms.forEach((id, list) -> entries.add(new Entry(id, null, null, null, null, EntryStatus.APPROVED, null,
                true, list, List.of(), null, unknown, null, unknown, 0)));
        return entries;
    }
}
