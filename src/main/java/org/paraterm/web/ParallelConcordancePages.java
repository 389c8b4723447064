package org.paraterm.web;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paraterm.concordance.ConcordanceQuery;
import org.paraterm.concordance.ParallelConcordance;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Term;
import org.paraterm.suggest.Rendering;

/**
 * The parallel concordance: a Chinese query lists the aligned units whose Chinese side holds it,
 * each with its English side and the rendering there highlighted (the glossary's English for the
 * term, else the best suggested rendering); an English query lists English hits with their Chinese
 * side, the glossary's Chinese terms for it highlighted. Everyone may read it.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class ParallelConcordancePages {

    private static final int PAGE_SIZE = 50;
    private static final int LARGEST_PAGE = 500;

    /** A stretch of a side: plain, the hit, or the rendering of the hit on the other side. */
    public record Piece(String text, String kind) {
    }

    /** One aligned unit as the page shows it. */
    public record Row(List<Piece> zh, List<Piece> en, String document, boolean found) {
    }

    private final ParallelConcordance concordance;
    private final GlossaryStore glossary;
    private final Renderings renderings;

    public ParallelConcordancePages(ParallelConcordance concordance, GlossaryStore glossary, Renderings renderings) {
        this.concordance = concordance;
        this.glossary = glossary;
        this.renderings = renderings;
    }

    @Get("/concordance/parallel")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(@Nullable @QueryValue String q, @Nullable @QueryValue String page,
                                @Nullable Authentication user) throws SQLException {
        Map<String, Object> model = new HashMap<>();
        model.put("q", q == null ? "" : q);
        model.put("longest", ConcordanceQuery.LONGEST);
        if (q == null || q.isBlank()) {
            return HttpResponse.ok(new ModelAndView<>("concordance/parallel", model));
        }
        ConcordanceQuery query;
        try {
            query = ConcordanceQuery.parse(q);
        } catch (ConcordanceQuery.InvalidQueryException e) {
            model.put("problem", e.getMessage());
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("concordance/parallel", model));
        }
        int wanted = Math.max(1, number(page, 1));
        Found found = find(query, (wanted - 1) * PAGE_SIZE, PAGE_SIZE, user);
        int pages = Math.max(1, (found.result().total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.put("description", query.description());
        model.put("english", found.result().english());
        model.put("total", found.result().total());
        model.put("rows", found.rows());
        model.put("renderings", found.otherSide());
        model.put("page", wanted);
        model.put("pages", pages);
        String base = "/concordance/parallel?q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8);
        model.put("pageHref", base + "&page=");
        model.put("apiHref", "/api/concordance/parallel?q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8));
        model.put("documentsHref", "/concordance?q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8));
        return HttpResponse.ok(new ModelAndView<>("concordance/parallel", model));
    }

    @Get("/api/concordance/parallel")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> api(@Nullable @QueryValue String q, @Nullable @QueryValue String page,
                               @Nullable @QueryValue String size, @Nullable Authentication user) throws SQLException {
        ConcordanceQuery query;
        try {
            query = ConcordanceQuery.parse(q);
        } catch (ConcordanceQuery.InvalidQueryException e) {
            return HttpResponse.badRequest(Map.of("error", e.getMessage()));
        }
        int wanted = Math.max(1, number(page, 1));
        int pageSize = Math.min(LARGEST_PAGE, Math.max(1, number(size, PAGE_SIZE)));
        Found found = find(query, (wanted - 1) * pageSize, pageSize, user);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (int i = 0; i < found.result().hits().size(); i++) {
            ParallelConcordance.Hit hit = found.result().hits().get(i);
            Row row = found.rows().get(i);
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("zh", hit.unit().zh());
            pair.put("en", hit.unit().en());
            pair.put("document", hit.unit().document());
            pair.put("zhHits", offsets(row.zh(), hit.english() ? "rendering" : "hit"));
            pair.put("enHits", offsets(row.en(), hit.english() ? "hit" : "rendering"));
            pairs.add(pair);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("query", query.description());
        json.put("side", found.result().english() ? "en" : "zh");
        json.put("total", found.result().total());
        json.put("page", wanted);
        json.put("size", pageSize);
        json.put("renderings", found.otherSide());
        json.put("pairs", pairs);
        return HttpResponse.ok(json);
    }

    private record Found(ParallelConcordance.Result result, List<Row> rows, List<String> otherSide) {
    }

    private Found find(ConcordanceQuery query, int from, int size, Authentication user) throws SQLException {
        ParallelConcordance.Result result = concordance.search(query, from, size);
        List<String> otherSide = otherSide(query, result.english(), user);
        List<String> normalizedOtherSide = otherSide.stream().map(ParallelConcordance::matchForm).toList();
        List<Row> rows = new ArrayList<>();
        for (ParallelConcordance.Hit hit : result.hits()) {
            String other = result.english() ? hit.unit().zh() : hit.unit().en();
            List<ParallelConcordance.Span> renderingSpans = ParallelConcordance.spans(
                    ParallelConcordance.matchForm(other), normalizedOtherSide.stream().map(List::of).toList());
            List<Piece> searched = pieces(result.english() ? hit.unit().en() : hit.unit().zh(), hit.spans(), "hit");
            List<Piece> rendered = pieces(other, renderingSpans, "rendering");
            rows.add(result.english() ? new Row(rendered, searched, hit.unit().document(), !renderingSpans.isEmpty())
                    : new Row(searched, rendered, hit.unit().document(), !renderingSpans.isEmpty()));
        }
        return new Found(result, rows, otherSide);
    }

    /**
     * What to highlight on the side that was not searched, longest first: for one Chinese string,
     * the English terms of the glossary entries that hold it and the best suggested rendering (with
     * its singular or plural); for one English string, the Chinese terms of the entries that hold it.
     */
    private List<String> otherSide(ConcordanceQuery query, boolean english, Authentication user) throws SQLException {
        if (query.alternatives().size() != 1 || query.alternatives().get(0).size() != 1) {
            return List.of();
        }
        String searched = query.alternatives().get(0).get(0);
        boolean terminologist = EntryApiController.isTerminologist(user);
        Set<String> forms = new LinkedHashSet<>();
        for (Entry entry : glossary.search(new GlossaryStore.Query(searched, null, terminologist ? null : true, false, 1, 20))
                .entries()) {
            if (entry.terms().stream().anyMatch(t -> ParallelConcordance.matchForm(t.text()).equals(searched))) {
                entry.terms(english ? "zh" : "en").stream().map(Term::text).forEach(forms::add);
            }
        }
        if (!english) {
            renderings.top(searched).stream().limit(1).map(Rendering::english).forEach(forms::add);
            for (String form : List.copyOf(forms)) {
                forms.add(form.endsWith("s") ? form.substring(0, form.length() - 1) : form + "s");
            }
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.removeIf(String::isBlank);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    /** A side cut into plain stretches and marked ones. */
    static List<Piece> pieces(String text, List<ParallelConcordance.Span> spans, String kind) {
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (ParallelConcordance.Span span : spans) {
            if (span.start() > at) {
                pieces.add(new Piece(text.substring(at, span.start()), ""));
            }
            pieces.add(new Piece(text.substring(span.start(), span.end()), kind));
            at = span.end();
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), ""));
        }
        return pieces;
    }

    private static List<List<Integer>> offsets(List<Piece> pieces, String kind) {
        List<List<Integer>> offsets = new ArrayList<>();
        int at = 0;
        for (Piece piece : pieces) {
            if (piece.kind().equals(kind)) {
                offsets.add(List.of(at, at + piece.text().length()));
            }
            at += piece.text().length();
        }
        return offsets;
    }

    private static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
