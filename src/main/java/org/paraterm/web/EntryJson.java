package org.paraterm.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryLimits;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.Evidence;
import org.paraterm.glossary.SearchMatch;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.TermType;
import org.paraterm.glossary.UsageStatus;

/** Entries as the JSON API shows and accepts them; every bad field is named in the error. */
final class EntryJson {

    private EntryJson() {
    }

    @Serdeable
    record TermInput(@Nullable String lang, @Nullable String text, @Nullable String type, @Nullable String usage,
                     @Nullable String note, @Nullable String source, @Nullable String paragraph) {
    }

    @Serdeable
    record EntryInput(@Nullable String subject, @Nullable String definitionZh, @Nullable String definitionEn,
                      @Nullable String note, @Nullable String status, @Nullable List<TermInput> terms,
                      @Nullable Integer version) {
    }

    /** A request the API cannot take as it is; the message names the field. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    /**
     * The term a search found in an entry: its text, language, type and usage, how it matched
     * ({@code exact-preferred}, {@code exact}, {@code prefix}, {@code substring}), and the entry's
     * preferred Chinese and English terms, which a non-preferred match should be replaced with.
     */
    static Map<String, Object> match(Entry entry, SearchMatch match) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", match.term().text());
        json.put("lang", match.term().language());
        json.put("type", match.term().type().label());
        json.put("usage", match.term().usage().label());
        json.put("kind", match.kind().label());
        json.put("preferred", entry.preferred("zh").map(Term::text).orElse(null));
        json.put("en", entry.preferred("en").map(Term::text).orElse(null));
        return json;
    }

    static Map<String, Object> of(Entry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("status", entry.status().label());
        json.put("published", entry.published());
        json.put("version", entry.version());
        json.put("subject", entry.subject());
        json.put("definitionZh", entry.definitionZh());
        json.put("definitionEn", entry.definitionEn());
        json.put("note", entry.note());
        json.put("rejectionReason", entry.rejectionReason());
        List<Map<String, Object>> terms = new ArrayList<>();
        for (Term term : entry.terms()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("lang", term.language());
            t.put("text", term.text());
            t.put("type", term.type().label());
            t.put("usage", term.usage().label());
            t.put("note", term.note());
            t.put("source", term.source());
            t.put("paragraph", term.paragraph());
            terms.add(t);
        }
        json.put("terms", terms);
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (Evidence e : entry.evidence()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("document", e.document());
            x.put("symbol", e.symbol());
            x.put("paragraph", e.paragraph());
            x.put("text", e.text());
            evidence.add(x);
        }
        json.put("evidence", evidence);
        json.put("createdBy", entry.createdBy());
        json.put("createdAt", entry.createdAt() == null ? null : entry.createdAt().toString());
        json.put("modifiedBy", entry.modifiedBy());
        json.put("modifiedAt", entry.modifiedAt() == null ? null : entry.modifiedAt().toString());
        return json;
    }

    /** An entry from the request: new ({@code id} 0) or an edit of entry {@code id} at {@code version}. */
    static Entry from(EntryInput input, long id, Entry current) {
        if (input == null) {
            throw new BadInput("the request has no entry");
        }
        if (input.terms() == null || input.terms().isEmpty()) {
            throw new BadInput("terms: an entry needs at least one term");
        }
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < input.terms().size(); i++) {
            terms.add(term(input.terms().get(i), "terms[" + i + "]"));
        }
        EntryStatus status = input.status() == null
                ? (current == null ? EntryStatus.IN_REVIEW : current.status())
                : status(input.status());
        if (current != null && input.version() == null) {
            throw new BadInput("version: say which version you edited (optimistic locking)");
        }
        Entry entry = new Entry(id, input.subject(), input.definitionZh(), input.definitionEn(), input.note(), status,
                current == null ? null : current.rejectionReason(), current != null && current.published(), terms,
                current == null ? List.of() : current.evidence(), null, null, null, null,
                input.version() == null ? 0 : input.version());
        String tooLong = EntryLimits.problem(entry);
        if (tooLong != null) {
            throw new BadInput(tooLong);
        }
        return entry;
    }

    private static Term term(TermInput input, String where) {
        if (input == null || input.text() == null || input.text().isBlank()) {
            throw new BadInput(where + ".text: a term needs text");
        }
        if (input.text().length() > 400) {
            throw new BadInput(where + ".text: longer than 400 characters");
        }
        String lang = input.lang() == null ? "" : input.lang().strip().toLowerCase(Locale.ROOT);
        if (!lang.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*")) {
            throw new BadInput(where + ".lang: a language code such as zh or en, not '" + input.lang() + "'");
        }
        return new Term(lang, input.text().strip(), type(input.type(), where), usage(input.usage(), where),
                input.note(), input.source(), input.paragraph());
    }

    static TermType type(String value, String where) {
        if (value == null) {
            return TermType.FULL_FORM;
        }
        for (TermType type : TermType.values()) {
            if (type.label().equalsIgnoreCase(value) || type.name().equalsIgnoreCase(value)
                    || type.tbx().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new BadInput(where + ".type: one of full-form, abbreviation, short-form, variant, not '" + value + "'");
    }

    static UsageStatus usage(String value, String where) {
        if (value == null) {
            return UsageStatus.ADMITTED;
        }
        for (UsageStatus usage : UsageStatus.values()) {
            if (usage.label().equalsIgnoreCase(value) || usage.name().equalsIgnoreCase(value)
                    || usage.tbx().equalsIgnoreCase(value)) {
                return usage;
            }
        }
        throw new BadInput(where + ".usage: one of preferred, admitted, deprecated, obsolete, not '" + value + "'");
    }

    static EntryStatus status(String value) {
        for (EntryStatus status : EntryStatus.values()) {
            if (status.label().equalsIgnoreCase(value) || status.name().equalsIgnoreCase(value)) {
                return status;
            }
        }
        throw new BadInput("status: one of candidate, in-review, approved, rejected, not '" + value + "'");
    }
}
