package org.paraterm.web;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paraterm.concordance.ConcordanceQuery;
import org.paraterm.ResultCache;
import org.paraterm.concordance.ParallelConcordance;
import org.paraterm.glossary.ConcurrentEditException;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Review;
import org.paraterm.glossary.ReviewException;
import org.paraterm.glossary.SearchMatch;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.TermType;
import org.paraterm.glossary.UsageStatus;
import org.paraterm.mining.CandidateStore;
import org.paraterm.security.AccountController;

/**
 * The glossary and the review workflow as pages: the review queue, entry pages, the edit form and
 * the browse list. Every form posts with the session's CSRF token and comes back to a page
 * (post, redirect, get); refusals and conflicts are said on the page.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class GlossaryPages {

    private static final int QUEUE_SIZE = 20;
    private static final int EXTRA_TERM_ROWS = 3;

    /**
     * A candidate in the review queue with the entries it might duplicate and the English renderings
     * the parallel corpus suggests for it.
     */
    public record QueueItem(CandidateStore.Detail candidate, String href, List<Entry> similar,
                            List<Renderings.View> renderings) {
    }

    private final GlossaryStore glossary;
    private final CandidateStore candidates;
    private final Review review;
    private final EntryUsage usage;
    private final Renderings renderings;
    private final ParallelConcordance parallel;
    /** Entries related to a Chinese term, kept until the glossary changes (a scan of every term otherwise). */
    private final ResultCache<String, List<Entry>> relatedCache = new ResultCache<>(2000);

    public GlossaryPages(GlossaryStore glossary, CandidateStore candidates, Review review, EntryUsage usage,
                         Renderings renderings, ParallelConcordance parallel) {
        this.parallel = parallel;
        this.glossary = glossary;
        this.candidates = candidates;
        this.review = review;
        this.usage = usage;
        this.renderings = renderings;
    }

    // --- review queue ---------------------------------------------------------------------

    @Secured(EntryApiController.TERMINOLOGIST)
    @Get("/review")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> queue(@Nullable @QueryValue String q, @Nullable @QueryValue Integer minFreq,
                                                   @Nullable @QueryValue Integer page, @Nullable @QueryValue String done,
                                                   @Nullable @QueryValue String problem) throws SQLException {
        CandidateStore.Filter filter = new CandidateStore.Filter(q, minFreq == null ? 0 : minFreq, 0, 0, 0,
                CandidateStore.Status.OPEN, null, "rank", page == null ? 1 : page, QUEUE_SIZE, true);
        CandidateStore.Page open = candidates.page(filter);
        List<QueueItem> items = new ArrayList<>();
        for (CandidateStore.Row row : open.rows()) {
            Optional<CandidateStore.Detail> detail = candidates.find(row.term(), true);
            if (detail.isPresent()) {
                items.add(new QueueItem(detail.get(), CandidateController.href(row.term()),
                        glossary.similar(row.term(), 3), renderings.views(row.term())));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        model.put("total", open.total());
        model.put("setAside", open.setAside());
        model.put("filter", filter);
        model.put("q", q == null ? "" : q);
        model.put("back", queueLink(q, minFreq, filter.page()));
        model.put("next", filter.page() * QUEUE_SIZE < open.total() ? queueLink(q, minFreq, filter.page() + 1) : null);
        model.put("done", done);
        model.put("problem", problem);
        model.put("usages", List.of("admitted", "deprecated", "preferred", "obsolete", "omit"));
        return new ModelAndView<>("glossary/review", model);
    }

    @Secured(EntryApiController.TERMINOLOGIST)
    @Post("/review/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> approve(@Body Map<String, String> form, Authentication user) throws SQLException {
        String back = backTo(form);
        try {
            Map<String, String> variants = new LinkedHashMap<>();
            form.forEach((key, value) -> {
                if (key.startsWith("variant.")) {
                    variants.put(key.substring("variant.".length()), value);
                }
            });
            // An accepted suggestion (the button's value) wins over the typed English.
            String english = form.get("accept") != null && !form.get("accept").isBlank() ? form.get("accept")
                    : form.get("english");
            Entry entry = review.approve(EntryApiController.approval(new EntryApiController.Approve(form.get("term"),
                    english, form.get("subject"), variants)), user.getName());
            if ("edit".equals(form.get("then"))) {
                return HttpResponse.seeOther(URI.create("/entries/" + entry.id() + "/edit"));
            }
            return redirect(back, "done", "approved " + form.get("term") + " → entry " + entry.id());
        } catch (ReviewException | EntryJson.BadInput | IllegalArgumentException e) {
            return redirect(back, "problem", e.getMessage());
        }
    }

    @Secured(EntryApiController.TERMINOLOGIST)
    @Post("/review/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> reject(@Body Map<String, String> form, Authentication user) throws SQLException {
        String back = backTo(form);
        try {
            review.reject(form.getOrDefault("term", ""), form.get("reason"), user.getName());
            return redirect(back, "done", "rejected " + form.get("term"));
        } catch (ReviewException e) {
            return redirect(back, "problem", e.getMessage());
        }
    }

    @Secured(EntryApiController.TERMINOLOGIST)
    @Post("/review/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> merge(@Body Map<String, String> form, Authentication user) throws SQLException {
        String back = backTo(form);
        try {
            long entryId = Long.parseLong(form.getOrDefault("entry", "0"));
            int version = Integer.parseInt(form.getOrDefault("version", "0"));
            Entry entry = review.merge(form.getOrDefault("term", ""), entryId, version, TermType.VARIANT,
                    EntryJson.usage(form.getOrDefault("usage", "admitted"), "usage"), user.getName());
            return redirect(back, "done", "merged " + form.get("term") + " into entry " + entry.id());
        } catch (ReviewException | ConcurrentEditException | EntryJson.BadInput | NumberFormatException e) {
            return redirect(back, "problem", e instanceof NumberFormatException ? "which entry?" : e.getMessage());
        }
    }

    /** Adds an accepted English rendering to an entry that already exists (a decided candidate's entry). */
    @Secured(EntryApiController.TERMINOLOGIST)
    @Post("/review/rendering")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> addRendering(@Body Map<String, String> form, Authentication user) throws SQLException {
        String back = backTo(form);
        try {
            long entryId = Long.parseLong(form.getOrDefault("entry", "0"));
            int version = Integer.parseInt(form.getOrDefault("version", "0"));
            String english = form.getOrDefault("accept", form.get("english"));
            Entry entry = review.addRendering(entryId, version, english, user.getName());
            return redirect(back, "done", "added " + english.strip() + " to entry " + entry.id());
        } catch (ReviewException | ConcurrentEditException | IllegalArgumentException e) {
            return redirect(back, "problem", e instanceof NumberFormatException ? "which entry?" : e.getMessage());
        }
    }

    /** Approves or rejects every candidate ticked in the queue. */
    @Secured(EntryApiController.TERMINOLOGIST)
    @Post("/review/bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> bulk(@Body Map<String, List<String>> form, Authentication user) throws SQLException {
        String back = AccountController.safeNext(first(form, "back"));
        String action = first(form, "action");
        List<String> terms = form.getOrDefault("selected", List.of());
        if (terms.isEmpty()) {
            return redirect(back, "problem", "tick the candidates first");
        }
        int done = 0;
        List<String> failed = new ArrayList<>();
        for (String term : terms) {
            try {
                if ("approve".equals(action)) {
                    review.approve(new Review.Approval(term, null, null, Map.of()), user.getName());
                } else if ("reject".equals(action)) {
                    review.reject(term, first(form, "reason"), user.getName());
                } else {
                    return redirect(back, "problem", "approve or reject?");
                }
                done++;
            } catch (ReviewException e) {
                failed.add(term + ": " + e.getMessage());
            }
        }
        return failed.isEmpty() ? redirect(back, "done", action + "d " + done + " candidates")
                : redirect(back, "problem", action + "d " + done + "; not done: " + String.join("; ", failed));
    }

    // --- entries ----------------------------------------------------------------------------

    @Get("/entries")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> entries(@Nullable @QueryValue String q, @Nullable @QueryValue String status,
                                   @Nullable @QueryValue Integer page, @Nullable @QueryValue String deleted,
                                   @Nullable @QueryValue String list, @Nullable Authentication user)
            throws SQLException {
        boolean terminologist = EntryApiController.isTerminologist(user);
        EntryStatus wanted = null;
        if (terminologist && status != null && !status.isBlank()) {
            try {
                wanted = EntryJson.status(status);
            } catch (EntryJson.BadInput ignored) {
                wanted = null;
            }
        }
        GlossaryStore.Query query = terminologist
                ? new GlossaryStore.Query(q, wanted, null, deleted != null, page == null ? 1 : page, 50)
                : new GlossaryStore.Query(q, null, true, false, page == null ? 1 : page, 50);
        GlossaryStore.Page result = glossary.search(query);
        Map<Long, SearchMatch> matches = new HashMap<>();
        for (Entry entry : result.entries()) {
            SearchMatch.of(entry, q).ifPresent(match -> matches.put(entry.id(), match));
        }
        Optional<Entry> landing = landing(result, matches);
        if (landing.isPresent() && list == null && query.page() == 1) {
            return HttpResponse.seeOther(UriBuilder.of("/entries/" + landing.get().id()).queryParam("q", q.strip())
                    .build());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("matches", matches);
        model.put("q", q == null ? "" : q);
        model.put("status", wanted == null ? "" : wanted.label());
        model.put("deleted", deleted != null);
        model.put("terminologist", terminologist);
        model.put("statuses", EntryStatus.values());
        return HttpResponse.ok(new ModelAndView<>("glossary/entries", model));
    }

    /**
     * Entries with a term that contains this entry's preferred Chinese term or lies inside it: the
     * broader and narrower concepts a translator meets beside it
     * (恐怖主义 → 资助恐怖主义, 外国恐怖主义作战人员).
     */
    private List<Entry> related(Entry entry, boolean terminologist) throws SQLException, java.io.IOException {
        String chinese = entry.preferred("zh").map(Term::text).orElse(null);
        if (chinese == null) {
            return List.of();
        }
        return relatedCache.get(chinese, glossary.fingerprint(), () -> glossary.containing(chinese, 13)).stream()
                .filter(e -> e.id() != entry.id() && (terminologist || e.published()))
                .limit(12).toList();
    }

    /**
     * The entry a search lands on: the only entry with a term exactly equal to the search string.
     * Results come ranked exact matches first, so looking at the first two is enough.
     */
    private static Optional<Entry> landing(GlossaryStore.Page result, Map<Long, SearchMatch> matches) {
        List<Entry> exact = result.entries().stream().limit(2)
                .filter(e -> matches.containsKey(e.id()) && matches.get(e.id()).isExact()).toList();
        return exact.size() == 1 ? Optional.of(exact.get(0)) : Optional.empty();
    }

    @Get("/entries/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> entry(@PathVariable String id, @Nullable @QueryValue String done,
                                 @Nullable @QueryValue String problem, @Nullable @QueryValue String q,
                                 @Nullable Authentication user) throws SQLException, java.io.IOException {
        boolean terminologist = EntryApiController.isTerminologist(user);
        Optional<Entry> stored = parse(id).flatMap(this::findAny);
        boolean deleted = stored.isPresent() && deleted(stored.get());
        Optional<Entry> found = stored.filter(e -> terminologist || (e.published() && !deleted));
        if (found.isEmpty()) {
            return notFound();
        }
        Entry entry = found.get();
        Map<String, Object> model = new HashMap<>();
        model.put("entry", entry);
        model.put("zh", entry.terms("zh"));
        model.put("en", entry.terms("en"));
        model.put("others", entry.terms().stream().filter(t -> !t.language().equals("zh") && !t.language().equals("en"))
                .toList());
        model.put("preferredZh", entry.preferred("zh").map(Term::text).orElse(""));
        model.put("preferredEn", entry.preferred("en").map(Term::text).orElse(""));
        model.put("deleted", deleted);
        model.put("terminologist", terminologist);
        model.put("signedIn", user != null);
        model.put("history", user == null ? List.of() : glossary.history(entry.id()));
        model.put("comments", glossary.comments(entry.id()));
        model.put("done", done);
        model.put("problem", problem);
        // Arriving from a search: say which term was found and, when it is not the one to use, which is.
        Optional<SearchMatch> lookedUp = SearchMatch.of(entry, q).filter(SearchMatch::isExact);
        model.put("lookedUp", lookedUp.orElse(null));
        model.put("related", related(entry, terminologist));
        model.put("usage", usage.of(entry).orElse(null));
        String preferredZh = entry.preferred("zh").map(Term::text).orElse("");
        model.put("parallelPairs", preferredZh.isEmpty() || preferredZh.contains("\"") ? 0
                : parallel.count(ConcordanceQuery.parse('"' + preferredZh + '"')));
        model.put("parallelHref", "/concordance/parallel?q=" + URLEncoder.encode(preferredZh, StandardCharsets.UTF_8));
        model.put("chartWidth", org.paraterm.concordance.ConcordanceCharts.WIDTH);
        model.put("chartRow", org.paraterm.concordance.ConcordanceCharts.ROW);
        model.put("q", q == null ? "" : q.strip());
        return HttpResponse.ok(new ModelAndView<>("glossary/entry", model));
    }

    @Secured(EntryApiController.TERMINOLOGIST)
    @Get("/entries/{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> editForm(@PathVariable String id) throws SQLException {
        Optional<Entry> found = parse(id).flatMap(this::findLive);
        return found.<HttpResponse<?>>map(e -> HttpResponse.ok(editPage(e, null, null))).orElseGet(GlossaryPages::notFound);
    }

    /** Saves the edit form; a save from an older version is refused and the other change shown. */
    @Secured(EntryApiController.TERMINOLOGIST)
    @Post("/entries/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> edit(@PathVariable String id, @Body Map<String, String> form, Authentication user)
            throws SQLException {
        Optional<Entry> current = parse(id).flatMap(this::findLive);
        if (current.isEmpty()) {
            return notFound();
        }
        Entry edited;
        try {
            edited = fromForm(form, current.get());
        } catch (EntryJson.BadInput | NumberFormatException e) {
            return HttpResponse.badRequest(editPage(current.get(), null,
                    e instanceof NumberFormatException ? "the form is incomplete" : e.getMessage()));
        }
        try {
            Entry saved = review.save(edited, user.getName(), "edit");
            return redirect("/entries/" + saved.id(), "done", "saved as version " + saved.version());
        } catch (ConcurrentEditException conflict) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.CONFLICT).body(editPage(edited, conflict,
                    "保存被拒绝：在您编辑期间，其他人已修改此条目。 Not saved: " + conflict.getMessage()
                            + ". Their change is shown below; your text is still in the form."));
        }
    }

    @Secured(EntryApiController.TERMINOLOGIST)
    @Post("/entries/{id}/action")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> action(@PathVariable String id, @Body Map<String, String> form, Authentication user)
            throws SQLException {
        Optional<Long> entryId = parse(id);
        if (entryId.isEmpty() || glossary.find(entryId.get(), true).isEmpty()) {
            return notFound();
        }
        String page = "/entries/" + entryId.get();
        try {
            int version = Integer.parseInt(form.getOrDefault("version", "0"));
            String by = user.getName();
            long entry = entryId.get();
            switch (form.getOrDefault("do", "")) {
                case "publish" -> review.publish(entry, version, true, by);
                case "withdraw" -> review.publish(entry, version, false, by);
                case "approve" -> review.setStatus(entry, version, EntryStatus.APPROVED, null, by);
                case "review" -> review.setStatus(entry, version, EntryStatus.IN_REVIEW, null, by);
                case "reject" -> review.setStatus(entry, version, EntryStatus.REJECTED, form.get("reason"), by);
                case "delete" -> glossary.setDeleted(entry, version, true, by);
                case "revive" -> {
                    Entry revived = glossary.setDeleted(entry, version, false, by);
                    if (revived.status() == EntryStatus.REJECTED) {
                        review.setStatus(entry, revived.version(), EntryStatus.IN_REVIEW, null, by);
                    }
                }
                case "restore" -> glossary.restore(entry, Integer.parseInt(form.getOrDefault("from", "0")), version, by);
                default -> {
                    return redirect(page, "problem", "unknown action");
                }
            }
            return redirect(page, "done", form.get("do"));
        } catch (ReviewException | ConcurrentEditException | IllegalArgumentException e) {
            return redirect(page, "problem", e instanceof NumberFormatException ? "the form is incomplete" : e.getMessage());
        }
    }

    @Secured(EntryApiController.SIGNED_IN)
    @Post("/entries/{id}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> comment(@PathVariable String id, @Body Map<String, String> form, Authentication user)
            throws SQLException {
        boolean terminologist = EntryApiController.isTerminologist(user);
        Optional<Entry> entry = parse(id).flatMap(this::findLive).filter(e -> terminologist || e.published());
        if (entry.isEmpty()) {
            return notFound();
        }
        String text = form.getOrDefault("text", "");
        if (text.isBlank() || text.length() > 5000) {
            return redirect("/entries/" + entry.get().id(), "problem", "a comment has 1 to 5000 characters");
        }
        glossary.comment(entry.get().id(), user.getName(), text);
        return HttpResponse.seeOther(URI.create("/entries/" + entry.get().id() + "#comments"));
    }

    /**
     * The glossary as a file: TBX-Basic or CSV. Visitors get the published entries, terminologists
     * every entry that is not deleted.
     */
    @Get("/glossary.{format}")
    @Produces({"application/x-tbx+xml", "text/csv", MediaType.TEXT_HTML, MediaType.ALL})
    public HttpResponse<?> download(@PathVariable String format, @Nullable Authentication user) throws SQLException,
            java.io.IOException {
        if (!format.equals("tbx") && !format.equals("csv")) {
            return notFound();
        }
        boolean terminologist = EntryApiController.isTerminologist(user);
        List<Entry> entries = new ArrayList<>();
        for (int page = 1; ; page++) {
            GlossaryStore.Page result = glossary.search(terminologist
                    ? new GlossaryStore.Query(null, null, null, false, page, 500)
                    : GlossaryStore.Query.published(null, page, 500));
            entries.addAll(result.entries());
            if (result.entries().isEmpty() || entries.size() >= result.total()) {
                break;
            }
        }
        entries.sort(java.util.Comparator.comparingLong(Entry::id));
        java.io.StringWriter text = new java.io.StringWriter();
        if (format.equals("csv")) {
            org.paraterm.glossary.Csv.write(entries, text);
        } else {
            org.paraterm.glossary.Tbx.write(entries, text);
        }
        return HttpResponse.ok(text.toString())
                .contentType(format.equals("csv") ? "text/csv;charset=utf-8" : "application/x-tbx+xml;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"paraterm-glossary." + format + "\"");
    }

    // --- helpers ----------------------------------------------------------------------------

    private ModelAndView<Map<String, Object>> editPage(Entry entry, ConcurrentEditException conflict, String problem) {
        List<Term> rows = new ArrayList<>(entry.terms());
        for (int i = 0; i < EXTRA_TERM_ROWS; i++) {
            rows.add(null);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("entry", entry);
        model.put("rows", rows);
        model.put("types", TermType.values());
        model.put("usages", UsageStatus.values());
        model.put("statuses", EntryStatus.values());
        model.put("conflict", conflict);
        model.put("problem", problem);
        return new ModelAndView<>("glossary/edit", model);
    }

    /** The edit form: fields, then numbered term rows {@code t0.lang, t0.text, t0.type, t0.usage, …}. */
    private static Entry fromForm(Map<String, String> form, Entry current) {
        List<EntryJson.TermInput> terms = new ArrayList<>();
        for (int i = 0; form.containsKey("t" + i + ".text"); i++) {
            String text = form.get("t" + i + ".text");
            if (text == null || text.isBlank()) {
                continue;
            }
            terms.add(new EntryJson.TermInput(form.get("t" + i + ".lang"), text, form.get("t" + i + ".type"),
                    form.get("t" + i + ".usage"), blank(form.get("t" + i + ".note")), blank(form.get("t" + i + ".source")),
                    blank(form.get("t" + i + ".paragraph"))));
        }
        EntryJson.EntryInput input = new EntryJson.EntryInput(blank(form.get("subject")), blank(form.get("definitionZh")),
                blank(form.get("definitionEn")), blank(form.get("note")), current.status().label(), terms,
                Integer.parseInt(form.getOrDefault("version", "")));
        return EntryJson.from(input, current.id(), current);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Optional<Entry> findAny(long id) {
        try {
            return glossary.find(id, true);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read entry " + id, e);
        }
    }

    private Optional<Entry> findLive(long id) {
        try {
            return glossary.find(id, false);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read entry " + id, e);
        }
    }

    private boolean deleted(Entry entry) {
        try {
            return glossary.isDeleted(entry.id());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read entry " + entry.id(), e);
        }
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String backTo(Map<String, String> form) {
        return AccountController.safeNext(form.get("back"));
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String queueLink(String q, Integer minFreq, int page) {
        StringBuilder link = new StringBuilder("/review?page=").append(page);
        if (q != null && !q.isBlank()) {
            link.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (minFreq != null && minFreq > 0) {
            link.append("&minFreq=").append(minFreq);
        }
        return link.toString();
    }

    private static HttpResponse<?> redirect(String path, String key, String message) {
        String separator = path.contains("?") ? "&" : "?";
        return HttpResponse.seeOther(URI.create(path + separator + key + "="
                + URLEncoder.encode(message, StandardCharsets.UTF_8)));
    }

    private static HttpResponse<?> notFound() {
        return HttpResponse.notFound(new ModelAndView<>("errors/page",
                Map.of("status", 404, "message", "没有这个条目 No such entry")));
    }
}
