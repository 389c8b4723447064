package org.paraterm.glossary;

import java.util.List;

/**
 * The longest text each short field of an entry may hold: the sizes of the columns that store it
 * (migration V4). Checked where entries come in (the JSON API and the forms, TBX and CSV imports)
 * so that the person is told which field, and once more by the store before anything is written,
 * so that no path reaches the database with a value it would refuse. Definitions, notes and
 * evidence texts have no limit.
 */
public final class EntryLimits {

    public static final int SUBJECT = 200;
    public static final int LANGUAGE = 10;
    public static final int TERM = 400;
    public static final int SOURCE = 200;
    public static final int PARAGRAPH = 40;
    public static final int EVIDENCE_SYMBOL = 200;
    public static final int EVIDENCE_PARAGRAPH = 40;

    private EntryLimits() {
    }

    /** The first field of {@code entry} longer than its column ("terms[2].source: longer than 200 characters"), or null. */
    public static String problem(Entry entry) {
        String problem = tooLong("subject", entry.subject(), SUBJECT);
        List<Term> terms = entry.terms();
        for (int i = 0; problem == null && i < terms.size(); i++) {
            Term term = terms.get(i);
            String where = "terms[" + i + "].";
            problem = first(tooLong(where + "lang", term.language(), LANGUAGE),
                    tooLong(where + "text", term.text(), TERM),
                    tooLong(where + "source", term.source(), SOURCE),
                    tooLong(where + "paragraph", term.paragraph(), PARAGRAPH));
        }
        List<Evidence> evidence = entry.evidence();
        for (int i = 0; problem == null && i < evidence.size(); i++) {
            String where = "evidence[" + i + "].";
            problem = first(tooLong(where + "symbol", evidence.get(i).symbol(), EVIDENCE_SYMBOL),
                    tooLong(where + "paragraph", evidence.get(i).paragraph(), EVIDENCE_PARAGRAPH));
        }
        return problem;
    }

    /** Refuses an entry with a field longer than its column, naming the field. */
    public static void check(Entry entry) {
        String problem = problem(entry);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String tooLong(String field, String value, int length) {
        return value != null && value.length() > length
                ? field + ": longer than " + length + " characters (" + value.length() + ")" : null;
    }

    private static String first(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
