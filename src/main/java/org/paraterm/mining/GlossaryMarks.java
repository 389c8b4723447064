package org.paraterm.mining;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.paraterm.corpus.MatchText;

/**
 * Which mined candidates are already terms of glossary entries, read from the glossary's tables
 * for the candidate list ({@link CandidateStore}): the review queue sets them aside and the pages
 * mark them with their entry.
 */
final class GlossaryMarks {

    private final DataSource dataSource;

    GlossaryMarks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The ranks of the candidates of a run that are terms of glossary entries (of deleted entries
     * none, of unpublished ones only when {@code allEntries}): every candidate term and every term
     * of the entries counted are read once and compared in the search's normalized form, so the
     * cost is one pass over each per request, not a query per candidate.
     */
    Integer[] ranksInGlossary(long run, boolean allEntries) throws SQLException {
        Set<String> forms = new HashSet<>(query("SELECT DISTINCT t.match_text FROM entry_term t"
                + " JOIN entry e ON e.id = t.entry_id WHERE e.deleted = FALSE"
                + (allEntries ? "" : " AND e.published = TRUE"), List.of(), row -> row.getString(1)));
        List<Integer> ranks = new ArrayList<>();
        if (!forms.isEmpty()) {
            query("SELECT rank_no, term FROM candidate WHERE run_id = ?", List.of(run), row -> {
                if (forms.contains(MatchText.searchForm(row.getString(2)))) {
                    ranks.add(row.getInt(1));
                }
                return null;
            });
        }
        return ranks.toArray(Integer[]::new);
    }

    /**
     * The glossary's terms in their normalized form ({@code entry_term.match_text}), each with the
     * entry it belongs to: of deleted entries none, of unpublished ones only when {@code allEntries}.
     * A form in several entries is marked with the one where it is preferred, else the oldest entry.
     * Only the normalized forms given are looked up.
     */
    Map<String, GlossaryMark> marks(boolean allEntries, List<String> onlyForms) throws SQLException {
        if (onlyForms.isEmpty()) {
            return Map.of();
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT t.match_text, t.entry_id, t.text, t.usage_status, e.status,"
                + " e.published, (SELECT MIN(p.text) FROM entry_term p WHERE p.entry_id = t.entry_id"
                + " AND p.language = t.language AND p.usage_status = 'PREFERRED')"
                + " FROM entry_term t JOIN entry e ON e.id = t.entry_id WHERE e.deleted = FALSE");
        if (!allEntries) {
            sql.append(" AND e.published = TRUE");
        }
        sql.append(" AND t.match_text IN (").append(String.join(", ", Collections.nCopies(onlyForms.size(), "?")))
                .append(")");
        parameters.addAll(onlyForms);
        sql.append(" ORDER BY CASE WHEN t.usage_status = 'PREFERRED' THEN 0 ELSE 1 END, t.entry_id, t.idx");
        Map<String, GlossaryMark> forms = new HashMap<>();
        query(sql.toString(), parameters, row -> {
            String usage = row.getString(4).toLowerCase(Locale.ROOT);
            String preferred = row.getString(7);
            forms.putIfAbsent(row.getString(1), new GlossaryMark(row.getLong(2), row.getString(3), usage,
                    "preferred".equals(usage) ? null : preferred,
                    // the entries API's spelling of the status (EntryStatus.label), without depending on the glossary
                    row.getString(5).toLowerCase(Locale.ROOT).replace('_', '-'),
                    row.getBoolean(6)));
            return null;
        });
        return forms;
    }

    private <T> List<T> query(String sql, List<?> parameters, Rows.Reader<T> reader) throws SQLException {
        return Rows.query(dataSource, sql, parameters, reader);
    }
}
