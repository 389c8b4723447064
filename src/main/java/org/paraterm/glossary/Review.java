package org.paraterm.glossary;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paraterm.mining.CandidateStore;

/**
 * The terminologists' review: a mined candidate becomes an entry (approve), is turned down with a
 * reason (reject), or joins an existing entry as another term (merge); and entries are edited,
 * published and withdrawn. Decisions on candidates are kept by term, so re-mining does not bring
 * a decided string back.
 */
@Singleton
public class Review {

    /** How a terminologist wants a candidate's variants kept when approving it. */
    public record Approval(String term, String english, String subject, Map<String, UsageStatus> variants) {
    }

    private final GlossaryStore glossary;
    private final CandidateStore candidates;
    private final boolean editsGoBackToReview;

    public Review(GlossaryStore glossary, CandidateStore candidates,
                  @Value("${paraterm.review.edits-go-back-to-review:true}") boolean editsGoBackToReview) {
        this.glossary = glossary;
        this.candidates = candidates;
        this.editsGoBackToReview = editsGoBackToReview;
    }

    /**
     * Creates an approved (not yet published) entry from a candidate: the candidate as preferred
     * Chinese term, its variants with the usage chosen for each (a variant not listed is admitted;
     * {@code null} leaves it out), its best contexts as evidence.
     *
     * @throws ReviewException when the candidate is unknown or an entry already holds the term
     */
    public Entry approve(Approval approval, String by) throws SQLException {
        CandidateStore.Detail candidate = candidates.find(approval.term())
                .orElseThrow(() -> new ReviewException("no candidate " + approval.term()));
        List<Entry> same = glossary.similar(approval.term(), 5).stream()
                .filter(e -> e.terms().stream().anyMatch(t -> t.text().equals(approval.term()))).toList();
        if (!same.isEmpty()) {
            throw new ReviewException("entry " + same.get(0).id() + " already holds " + approval.term()
                    + ": merge into it instead");
        }
        List<Term> terms = new ArrayList<>();
        CandidateStore.ContextView first = candidate.contexts().isEmpty() ? null : candidate.contexts().get(0);
        terms.add(new Term("zh", approval.term(), TermType.FULL_FORM, UsageStatus.PREFERRED, null,
                first == null ? null : first.symbol(), first == null ? null : first.paragraphLabel()));
        for (CandidateStore.VariantView variant : candidate.variants()) {
            Map<String, UsageStatus> chosen = approval.variants() == null ? Map.of() : approval.variants();
            if (chosen.containsKey(variant.form()) && chosen.get(variant.form()) == null) {
                continue;
            }
            UsageStatus usage = chosen.getOrDefault(variant.form(), UsageStatus.ADMITTED);
            terms.add(new Term("zh", variant.form(), typeOf(variant.relation()), usage, null,
                    variant.documents().isEmpty() ? null : variant.documents().get(0).symbol(), null));
        }
        if (approval.english() != null && !approval.english().isBlank()) {
            terms.add(Term.of("en", approval.english().strip(), TermType.FULL_FORM, UsageStatus.PREFERRED));
        }
        List<Evidence> evidence = candidate.contexts().stream()
                .map(c -> new Evidence(c.document(), c.symbol(), c.paragraphLabel(), c.text())).toList();
        Entry entry = glossary.create(new Entry(0, blankToNull(approval.subject()), null, null, null,
                EntryStatus.APPROVED, null, false, terms, evidence, by, null, by, null, 0), by, "approve candidate");
        candidates.decide(approval.term(), CandidateStore.Status.APPROVED, null, by, entry.id());
        return entry;
    }

    public void reject(String term, String reason, String by) throws SQLException {
        if (reason == null || reason.isBlank()) {
            throw new ReviewException("a rejection needs a reason");
        }
        if (candidates.find(term).isEmpty()) {
            throw new ReviewException("no candidate " + term);
        }
        candidates.decide(term, CandidateStore.Status.REJECTED, reason.strip(), by, null);
    }

    /** Adds a candidate to an existing entry as another Chinese term. */
    public Entry merge(String term, long entryId, int expectedVersion, TermType type, UsageStatus usage, String by)
            throws SQLException {
        if (candidates.find(term).isEmpty()) {
            throw new ReviewException("no candidate " + term);
        }
        Entry entry = glossary.find(entryId, false).orElseThrow(() -> new ReviewException("no entry " + entryId));
        if (entry.terms().stream().anyMatch(t -> t.text().equals(term))) {
            throw new ReviewException("entry " + entryId + " already holds " + term);
        }
        List<Term> terms = new ArrayList<>(entry.terms());
        terms.add(Term.of("zh", term, type == null ? TermType.VARIANT : type, usage == null ? UsageStatus.ADMITTED : usage));
        Entry saved = save(withVersion(entry, terms, expectedVersion), by, "merge candidate " + term);
        candidates.decide(term, CandidateStore.Status.APPROVED, "merged into entry " + entryId, by, entryId);
        return saved;
    }

    /**
     * Adds an English rendering to an entry: preferred when the entry has no English term yet,
     * admitted beside the preferred one otherwise.
     *
     * @throws ReviewException when the entry is unknown, the English is blank or already a term of the entry
     */
    public Entry addRendering(long entryId, int expectedVersion, String english, String by) throws SQLException {
        if (english == null || english.isBlank()) {
            throw new ReviewException("which English rendering?");
        }
        String text = english.strip();
        Entry entry = glossary.find(entryId, false).orElseThrow(() -> new ReviewException("no entry " + entryId));
        if (entry.terms("en").stream().anyMatch(t -> t.text().equalsIgnoreCase(text))) {
            throw new ReviewException("entry " + entryId + " already holds " + text);
        }
        List<Term> terms = new ArrayList<>(entry.terms());
        terms.add(Term.of("en", text, TermType.FULL_FORM,
                entry.terms("en").isEmpty() ? UsageStatus.PREFERRED : UsageStatus.ADMITTED));
        return save(withVersion(entry, terms, expectedVersion), by, "add English rendering " + text);
    }

    /**
     * Saves an edited entry. Changing an approved entry's terms or definitions sends it back to
     * review (unless {@code paraterm.review.edits-go-back-to-review=false}); its published flag stays
     * as it was, so translators keep seeing it while it is looked at again.
     */
    public Entry save(Entry edited, String by, String action) throws SQLException {
        Optional<Entry> current = glossary.find(edited.id(), true);
        Entry toSave = edited;
        if (editsGoBackToReview && current.isPresent() && current.get().status() == EntryStatus.APPROVED
                && edited.status() == EntryStatus.APPROVED && substanceChanged(current.get(), edited)) {
            toSave = withStatus(edited, EntryStatus.IN_REVIEW, null);
        }
        return glossary.update(toSave, by, action);
    }

    /** Approves, sends back to review, or rejects an entry (a rejection needs a reason). */
    public Entry setStatus(long id, int expectedVersion, EntryStatus status, String reason, String by)
            throws SQLException {
        if (status == EntryStatus.REJECTED && (reason == null || reason.isBlank())) {
            throw new ReviewException("a rejection needs a reason");
        }
        Entry entry = glossary.find(id, false).orElseThrow(() -> new ReviewException("no entry " + id));
        Entry changed = withStatus(new Entry(entry.id(), entry.subject(), entry.definitionZh(), entry.definitionEn(),
                entry.note(), entry.status(), entry.rejectionReason(),
                status == EntryStatus.APPROVED && entry.published(), entry.terms(), entry.evidence(), entry.createdBy(),
                entry.createdAt(), entry.modifiedBy(), entry.modifiedAt(), expectedVersion), status,
                status == EntryStatus.REJECTED ? reason.strip() : null);
        return glossary.update(changed, by, status.label());
    }

    /** Publishes an approved entry to translators, or withdraws it. */
    public Entry publish(long id, int expectedVersion, boolean published, String by) throws SQLException {
        Entry entry = glossary.find(id, false).orElseThrow(() -> new ReviewException("no entry " + id));
        if (published && entry.status() != EntryStatus.APPROVED) {
            throw new ReviewException("only an approved entry can be published");
        }
        return glossary.update(new Entry(entry.id(), entry.subject(), entry.definitionZh(), entry.definitionEn(),
                entry.note(), entry.status(), entry.rejectionReason(), published, entry.terms(), entry.evidence(),
                entry.createdBy(), entry.createdAt(), entry.modifiedBy(), entry.modifiedAt(), expectedVersion), by,
                published ? "publish" : "withdraw");
    }

    private static boolean substanceChanged(Entry before, Entry after) {
        return !GlossaryStore.describe(before.terms()).equals(GlossaryStore.describe(after.terms()))
                || !same(before.definitionZh(), after.definitionZh()) || !same(before.definitionEn(), after.definitionEn());
    }

    private static boolean same(String a, String b) {
        return java.util.Objects.equals(blankToNull(a), blankToNull(b));
    }

    static TermType typeOf(String relation) {
        return switch (relation) {
            case "short-form" -> TermType.SHORT_FORM;
            case "abbreviation" -> TermType.ABBREVIATION;
            default -> TermType.VARIANT;
        };
    }

    private static Entry withStatus(Entry e, EntryStatus status, String reason) {
        return new Entry(e.id(), e.subject(), e.definitionZh(), e.definitionEn(), e.note(), status, reason,
                e.published(), e.terms(), e.evidence(), e.createdBy(), e.createdAt(), e.modifiedBy(), e.modifiedAt(),
                e.version());
    }

    private static Entry withVersion(Entry e, List<Term> terms, int version) {
        return new Entry(e.id(), e.subject(), e.definitionZh(), e.definitionEn(), e.note(), e.status(),
                e.rejectionReason(), e.published(), terms, e.evidence(), e.createdBy(), e.createdAt(), e.modifiedBy(),
                e.modifiedAt(), version);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
