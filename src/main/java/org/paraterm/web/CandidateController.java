package org.paraterm.web;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.paraterm.corpus.DocumentStore;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.mining.CandidateStore;
import org.paraterm.mining.GlossaryMark;
import org.paraterm.suggest.Rendering;
import org.paraterm.suggest.RenderingEvidence;

/**
 * Mined candidates for terminologists: the list with filters and sorting, a page per candidate
 * with all its evidence, and the same as JSON. Read-only: decisions come with the review workflow,
 * behind a login.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class CandidateController {

    private static final int PAGE_SIZE = 50;
    private static final int OCCURRENCE_PAGE = 100;
    private static final int LONGEST_QUERY = 200;

    /** A context cut at the term so the page can highlight it without building HTML. */
    public record Highlighted(String before, String term, String after) {
        static Highlighted of(String text, int start, int length) {
            if (text == null || text.isEmpty() || start < 0 || start + length > text.length()) {
                return new Highlighted(text == null ? "" : text, "", "");
            }
            return new Highlighted(text.substring(0, start), text.substring(start, start + length),
                    text.substring(start + length));
        }
    }

    /** A row of the list with its links: the candidate's page, and the paragraph of its best context. */
    public record ListRow(CandidateStore.Row row, String href, Highlighted context, String contextHref,
                          String contextSource) {
    }

    /** A way to sort the list: the parameter's value and its label. */
    public record Sort(String value, String label) {
    }

    private static final List<Sort> SORT_CHOICES = List.of(new Sort("rank", "排名 rank"), new Sort("freq", "频次 frequency"),
            new Sort("docs", "文件数 documents"), new Sort("term", "术语 term"), new Sort("length", "长度 length"));

    public record ContextRow(CandidateStore.ContextView context, String href, String source, Highlighted text) {
    }

    public record DocumentBar(CandidateStore.DocumentCount count, String href, int percent) {
    }

    private final CandidateStore candidates;
    private final DocumentStore documents;
    private final GlossaryStore glossary;
    private final Renderings renderings;

    public CandidateController(CandidateStore candidates, DocumentStore documents, GlossaryStore glossary,
                               Renderings renderings) {
        this.candidates = candidates;
        this.documents = documents;
        this.glossary = glossary;
        this.renderings = renderings;
    }

    @Get("/candidates")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String q, @Nullable @QueryValue String minFreq,
                                                  @Nullable @QueryValue String minDocs, @Nullable @QueryValue String minLength,
                                                  @Nullable @QueryValue String maxLength, @Nullable @QueryValue String status,
                                                  @Nullable @QueryValue String doc, @Nullable @QueryValue String sort,
                                                  @Nullable @QueryValue String page, @Nullable Authentication user)
            throws SQLException {
        CandidateStore.Filter filter = filter(q, minFreq, minDocs, minLength, maxLength, status, doc, sort, page,
                String.valueOf(PAGE_SIZE), user);
        CandidateStore.Page result = candidates.page(filter);
        List<ListRow> rows = new ArrayList<>();
        for (CandidateStore.Row row : result.rows()) {
            CandidateStore.ContextView context = row.context();
            rows.add(context == null ? new ListRow(row, href(row.term()), Highlighted.of("", 0, 0), null, null)
                    : new ListRow(row, href(row.term()), Highlighted.of(context.text(), context.termStart(),
                    row.term().length()), paragraphHref(context.document(), context.paragraph()), source(context)));
        }
        long pages = Math.max(1, (result.total() + filter.size() - 1) / filter.size());
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("q", filter.contains() == null ? "" : filter.contains());
        model.put("status", filter.status() == null ? "" : statusValue(filter.status()));
        model.put("setAside", result.setAside());
        model.put("rows", rows);
        model.put("total", result.total());
        model.put("pages", pages);
        model.put("previous", filter.page() > 1 ? pageLink(filter, filter.page() - 1) : null);
        model.put("next", filter.page() < pages ? pageLink(filter, filter.page() + 1) : null);
        model.put("documents", documents.list());
        model.put("sorts", SORT_CHOICES);
        model.put("lastRun", candidates.lastRun().orElse(null));
        return new ModelAndView<>("candidates/list", model);
    }

    @Get("/candidates/{term}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(@PathVariable String term, @Nullable @QueryValue String occurrences,
                                @Nullable @QueryValue String done, @Nullable @QueryValue String problem,
                                @Nullable Authentication user) throws SQLException {
        Optional<CandidateStore.Detail> found = term.length() > LONGEST_QUERY ? Optional.empty()
                : candidates.find(term, EntryApiController.isTerminologist(user));
        if (found.isEmpty()) {
            return HttpResponse.notFound();
        }
        CandidateStore.Detail detail = found.get();
        int occurrencePage = Math.max(1, number(occurrences, 1));
        int most = detail.byDocument().stream().mapToInt(CandidateStore.DocumentCount::occurrences).max().orElse(1);
        List<DocumentBar> bars = detail.byDocument().stream()
                .map(c -> new DocumentBar(c, "/documents/" + c.document(), 100 * c.occurrences() / most))
                .toList();
        List<ContextRow> contexts = detail.contexts().stream()
                .map(c -> new ContextRow(c, paragraphHref(c.document(), c.paragraph()), source(c),
                        Highlighted.of(c.text(), c.termStart(), term.length())))
                .toList();
        int occurrenceCount = candidates.countOccurrences(term);
        int occurrencePages = Math.max(1, (occurrenceCount + OCCURRENCE_PAGE - 1) / OCCURRENCE_PAGE);
        Map<String, Object> model = new HashMap<>();
        model.put("detail", detail);
        model.put("row", detail.row());
        model.put("bars", bars);
        model.put("contexts", contexts);
        model.put("occurrences", candidates.occurrences(term, occurrencePage, OCCURRENCE_PAGE));
        model.put("occurrenceCount", occurrenceCount);
        model.put("occurrencePage", occurrencePage);
        model.put("occurrencePages", occurrencePages);
        model.put("previousOccurrences", occurrencePage > 1
                ? href(term) + "?occurrences=" + (occurrencePage - 1) + "#occurrences" : null);
        model.put("nextOccurrences", occurrencePage < occurrencePages
                ? href(term) + "?occurrences=" + (occurrencePage + 1) + "#occurrences" : null);
        model.put("href", href(term));
        model.put("done", done);
        model.put("problem", problem);
        model.put("renderings", renderings.views(term));
        // Accepting a suggestion approves an open candidate with it, or adds it to the entry the
        // candidate became.
        Optional<CandidateStore.Decision> approved = detail.decision()
                .filter(d -> d.status() == CandidateStore.Status.APPROVED && d.entryId() != null);
        model.put("renderingEntry", approved.isEmpty() ? null
                : glossary.find(approved.get().entryId(), false).orElse(null));
        return HttpResponse.ok(new ModelAndView<>("candidates/page", model));
    }

    @Get("/api/candidates")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> listJson(@Nullable @QueryValue String q, @Nullable @QueryValue String minFreq,
                                        @Nullable @QueryValue String minDocs, @Nullable @QueryValue String minLength,
                                        @Nullable @QueryValue String maxLength, @Nullable @QueryValue String status,
                                        @Nullable @QueryValue String doc, @Nullable @QueryValue String sort,
                                        @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                                        @Nullable Authentication user) throws SQLException {
        CandidateStore.Filter filter = filter(q, minFreq, minDocs, minLength, maxLength, status, doc, sort, page,
                size == null ? String.valueOf(PAGE_SIZE) : size, user);
        CandidateStore.Page result = candidates.page(filter);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CandidateStore.Row row : result.rows()) {
            Map<String, Object> json = rowJson(row);
            json.put("context", row.context() == null ? null : contextJson(row.context()));
            rows.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", result.total());
        json.put("page", filter.page());
        json.put("size", filter.size());
        json.put("setAside", result.setAside());
        json.put("candidates", rows);
        return json;
    }

    /**
     * A candidate's evidence as JSON. Built from maps of plain values, so that what goes out is
     * exactly what is listed here.
     */
    @Get("/api/candidates/{term}")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> pageJson(@PathVariable String term, @Nullable Authentication user) throws SQLException {
        Optional<CandidateStore.Detail> found = term.length() > LONGEST_QUERY ? Optional.empty()
                : candidates.find(term, EntryApiController.isTerminologist(user));
        if (found.isEmpty()) {
            return HttpResponse.notFound();
        }
        CandidateStore.Detail detail = found.get();
        Map<String, Object> json = rowJson(detail.row());
        json.put("leftEntropy", detail.leftEntropy());
        json.put("rightEntropy", detail.rightEntropy());
        json.put("cohesion", detail.cohesion());
        detail.decision().ifPresent(decision -> {
            Map<String, Object> decided = new LinkedHashMap<>();
            decided.put("status", decision.status().name().toLowerCase(Locale.ROOT));
            decided.put("reason", decision.reason());
            decided.put("by", decision.decidedBy());
            decided.put("at", decision.decidedAt().toString());
            decided.put("entry", decision.entryId());
            json.put("decision", decided);
        });
        json.put("byDocument", detail.byDocument().stream().map(CandidateController::countJson).toList());
        List<Map<String, Object>> variants = new ArrayList<>();
        for (CandidateStore.VariantView variant : detail.variants()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("form", variant.form());
            v.put("relation", variant.relation());
            v.put("freq", variant.frequency());
            v.put("documents", variant.documents().stream().map(CandidateController::countJson).toList());
            variants.add(v);
        }
        json.put("variants", variants);
        json.put("contexts", detail.contexts().stream().map(CandidateController::contextJson).toList());
        json.put("occurrences", candidates.countOccurrences(term));
        json.put("renderings", renderings.top(term).stream().map(CandidateController::renderingJson).toList());
        return HttpResponse.ok(json);
    }

    /**
     * A candidate that is not there, in the form that was asked for: JSON for the API, a page for
     * a browser. Declared here because the site's global 404 page would otherwise answer both.
     */
    @Error(status = HttpStatus.NOT_FOUND)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return HttpResponse.notFound(Map.of("error", "no such candidate"))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.notFound(new ModelAndView<>("errors/page",
                Map.of("status", 404, "message", "没有这个候选术语 No such candidate")))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    private static Map<String, Object> rowJson(CandidateStore.Row row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rank", row.rank());
        json.put("term", row.term());
        json.put("freq", row.frequency());
        json.put("docs", row.documents());
        json.put("score", row.score());
        json.put("status", statusValue(row.status()));
        List<Map<String, Object>> variants = new ArrayList<>();
        for (CandidateStore.VariantForm variant : row.variants()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("form", variant.form());
            v.put("relation", variant.relation());
            v.put("freq", variant.frequency());
            variants.add(v);
        }
        json.put("variants", variants);
        json.put("glossary", glossaryJson(row.glossary()));
        return json;
    }

    /** A status as the API and the filter's parameter spell it: open, approved, rejected, inGlossary. */
    static String statusValue(CandidateStore.Status status) {
        return status == CandidateStore.Status.IN_GLOSSARY ? "inGlossary" : status.name().toLowerCase(Locale.ROOT);
    }

    /** The entry a candidate is already a term of, or null. */
    private static Map<String, Object> glossaryJson(GlossaryMark mark) {
        if (mark == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entry", mark.entryId());
        json.put("href", mark.href());
        json.put("term", mark.term());
        json.put("usage", mark.usage());
        json.put("preferred", mark.preferred());
        json.put("entryStatus", mark.entryStatus());
        json.put("published", mark.published());
        return json;
    }

    private static Map<String, Object> renderingJson(Rendering rendering) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("en", rendering.english());
        json.put("score", rendering.score());
        json.put("pairs", rendering.pairs());
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (RenderingEvidence pair : rendering.evidence()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("zh", pair.unit().zh());
            e.put("en", pair.unit().en());
            e.put("document", pair.unit().document());
            evidence.add(e);
        }
        json.put("evidence", evidence);
        return json;
    }

    private static Map<String, Object> countJson(CandidateStore.DocumentCount count) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("document", count.document());
        json.put("symbol", count.symbol());
        json.put("occurrences", count.occurrences());
        return json;
    }

    private static Map<String, Object> contextJson(CandidateStore.ContextView context) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("document", context.document());
        json.put("symbol", context.symbol());
        json.put("paragraph", context.paragraph());
        json.put("paragraphLabel", context.paragraphLabel());
        json.put("href", paragraphHref(context.document(), context.paragraph()));
        json.put("text", context.text());
        json.put("termStart", context.termStart());
        return json;
    }

    /** The paragraph on the document page, by the anchor templates/documents/page.html gives it. */
    static String paragraphHref(long document, int paragraph) {
        return "/documents/" + document + "#p" + paragraph;
    }

    /** "S/2020/754, 5.": the document's symbol and the paragraph's label when it has one. */
    static String source(CandidateStore.ContextView context) {
        return context.paragraphLabel() == null ? context.symbol() : context.symbol() + ", " + context.paragraphLabel();
    }

    static String href(String term) {
        return "/candidates/" + URLEncoder.encode(term, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static CandidateStore.Filter filter(String q, String minFreq, String minDocs, String minLength,
                                                String maxLength, String status, String doc, String sort, String page,
                                                String size, Authentication user) {
        String contains = q == null ? null : q.strip();
        if (contains != null && contains.length() > LONGEST_QUERY) {
            contains = contains.substring(0, LONGEST_QUERY);
        }
        CandidateStore.Status wanted = switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "open" -> CandidateStore.Status.OPEN;
            case "approved" -> CandidateStore.Status.APPROVED;
            case "rejected" -> CandidateStore.Status.REJECTED;
            case "inglossary", "in-glossary" -> CandidateStore.Status.IN_GLOSSARY;
            default -> null;
        };
        int document = number(doc, 0);
        return new CandidateStore.Filter(contains, number(minFreq, 0), number(minDocs, 0), number(minLength, 0),
                number(maxLength, 0), wanted, document > 0 ? (long) document : null, sort, number(page, 1),
                number(size, PAGE_SIZE), EntryApiController.isTerminologist(user));
    }

    /** A whole number from a query parameter; anything else is left out rather than an error page. */
    private static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String pageLink(CandidateStore.Filter filter, int page) {
        StringBuilder link = new StringBuilder("/candidates?page=").append(page).append("&sort=").append(filter.sort());
        if (filter.contains() != null && !filter.contains().isEmpty()) {
            link.append("&q=").append(URLEncoder.encode(filter.contains(), StandardCharsets.UTF_8));
        }
        appendIfSet(link, "minFreq", filter.minFrequency());
        appendIfSet(link, "minDocs", filter.minDocuments());
        appendIfSet(link, "minLength", filter.minLength());
        appendIfSet(link, "maxLength", filter.maxLength());
        if (filter.status() != null) {
            link.append("&status=").append(statusValue(filter.status()));
        }
        if (filter.document() != null) {
            link.append("&doc=").append(filter.document());
        }
        return link.toString();
    }

    private static void appendIfSet(StringBuilder link, String name, int value) {
        if (value > 0) {
            link.append('&').append(name).append('=').append(value);
        }
    }
}
