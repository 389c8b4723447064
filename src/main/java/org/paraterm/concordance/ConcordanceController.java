package org.paraterm.concordance;

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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.paraterm.ResultCache;

/**
 * The concordance: the KWIC page, its export as CSV or TSV, and the JSON API. Everyone may read
 * it, visitors included; it only reads. All take the same parameters: {@code q} (the query, see
 * {@link ConcordanceQuery}), {@code context} (characters each side), {@code sort}
 * ({@code doc}, {@code order}, {@code left}, {@code right}), {@code doc} (a document id or
 * symbol), {@code body}, {@code year}, {@code page} (from 1) and {@code size}.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class ConcordanceController {

    static final int DEFAULT_CONTEXT = 30;
    static final int WIDEST_CONTEXT = 200;
    static final int DEFAULT_SIZE = 50;
    static final int LARGEST_SIZE = 1000;
    /** The largest page whose result is kept in the cache. */
    static final int CACHED_PAGE = 100;
    /** Searches whose results are kept: a few hundred pages of 50 lines take a few megabytes. */
    static final int CACHED_RESULTS = 500;

    /** A request's parameters, read and checked. */
    record Search(ConcordanceQuery query, ConcordanceFilter filter, ConcordanceSort sort, int context, int page,
                  int size) {

        int from() {
            return (page - 1) * size;
        }
    }

    private final ConcordanceIndex index;
    private final ParallelConcordance parallel;
    private final ResultCache<String, Found> results = new ResultCache<>(CACHED_RESULTS);

    public ConcordanceController(ConcordanceIndex index, ParallelConcordance parallel) {
        this.index = index;
        this.parallel = parallel;
    }

    @Get("/concordance")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(@Nullable @QueryValue String q, @Nullable @QueryValue String context,
                                @Nullable @QueryValue String sort, @Nullable @QueryValue String doc,
                                @Nullable @QueryValue String body, @Nullable @QueryValue String year,
                                @Nullable @QueryValue String page, @Nullable @QueryValue String size)
            throws IOException, SQLException {
        Map<String, Object> model = new HashMap<>();
        model.put("q", q == null ? "" : q);
        model.put("sorts", ConcordanceSort.values());
        model.put("gap", ConcordanceQuery.GAP);
        model.put("longest", ConcordanceQuery.LONGEST);
        try (CorpusIndex.View view = index.view()) {
            List<IndexedDocument> documents = byLabel(view);
            model.put("documents", documents);
            model.put("bodies", new TreeSet<>(documents.stream().map(IndexedDocument::body)
                    .filter(Objects::nonNull).toList()));
            model.put("years", new TreeSet<>(documents.stream().map(IndexedDocument::year).filter(y -> y > 0)
                    .toList()));
            model.put("context", DEFAULT_CONTEXT);
            model.put("sort", "doc");
            model.put("doc", doc == null ? "" : doc);
            model.put("body", body == null ? "" : body);
            model.put("year", year == null ? "" : year);
            if (q == null || q.isBlank()) {
                return HttpResponse.ok(new ModelAndView<>("concordance/page", model));
            }
            Search search;
            try {
                search = search(view, q, context, sort, doc, body, year, page, size);
            } catch (ConcordanceQuery.InvalidQueryException e) {
                model.put("problem", e.getMessage());
                return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("concordance/page", model));
            }
            Found found = found(view, search);
            String parameters = parameters(search, false);
            model.put("context", search.context());
            model.put("sort", search.sort().value());
            model.put("description", found.description());
            model.put("total", found.total());
            model.put("lines", found.lines());
            model.put("page", search.page());
            model.put("pages", Math.max(1, (found.total() + search.size() - 1) / search.size()));
            model.put("first", found.total() == 0 ? 0 : search.from() + 1);
            model.put("last", Math.min(found.total(), search.from() + search.size()));
            model.put("pageHref", "/concordance?" + parameters(search, true) + "&page=");
            model.put("csvHref", "/concordance.csv?" + parameters);
            model.put("tsvHref", "/concordance.tsv?" + parameters);
            model.put("apiHref", "/api/concordance?" + parameters);
            model.put("parallelHref", "/concordance/parallel?q=" + encode(q.strip()));
            model.put("parallelTotal", found.parallelTotal());
            model.put("documentBars", found.documentBars());
            model.put("yearBars", found.yearBars());
            model.put("strips", found.strips());
            model.put("chartWidth", ConcordanceCharts.WIDTH);
            model.put("row", ConcordanceCharts.ROW);
            return HttpResponse.ok(new ModelAndView<>("concordance/page", model));
        }
    }

    @Get("/concordance.csv")
    @Produces("text/csv; charset=utf-8")
    public HttpResponse<?> csv(@Nullable @QueryValue String q, @Nullable @QueryValue String context,
                               @Nullable @QueryValue String sort, @Nullable @QueryValue String doc,
                               @Nullable @QueryValue String body, @Nullable @QueryValue String year) throws IOException {
        return export(ConcordanceExport.Format.CSV, q, context, sort, doc, body, year);
    }

    @Get("/concordance.tsv")
    @Produces("text/tab-separated-values; charset=utf-8")
    public HttpResponse<?> tsv(@Nullable @QueryValue String q, @Nullable @QueryValue String context,
                               @Nullable @QueryValue String sort, @Nullable @QueryValue String doc,
                               @Nullable @QueryValue String body, @Nullable @QueryValue String year) throws IOException {
        return export(ConcordanceExport.Format.TSV, q, context, sort, doc, body, year);
    }

    private HttpResponse<?> export(ConcordanceExport.Format format, String q, String context, String sort, String doc,
                                   String body, String year) throws IOException {
        try (CorpusIndex.View view = index.view()) {
            Search search;
            try {
                search = search(view, q, context, sort, doc, body, year, null, null);
            } catch (ConcordanceQuery.InvalidQueryException e) {
                return HttpResponse.badRequest(e.getMessage()).contentType(MediaType.TEXT_PLAIN_TYPE);
            }
            HitList hits = HitList.find(view, search.query(), search.filter());
            int[] order = hits.sorted(search.sort());
            String table = ConcordanceExport.write(hits.lines(order, 0, hits.total(), search.context()), format);
            String extension = format == ConcordanceExport.Format.CSV ? "csv" : "tsv";
            return HttpResponse.ok(table)
                    .header("Content-Disposition", "attachment; filename=\"concordance." + extension + "\"");
        }
    }

    @Get("/api/concordance")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> api(@Nullable @QueryValue String q, @Nullable @QueryValue String context,
                               @Nullable @QueryValue String sort, @Nullable @QueryValue String doc,
                               @Nullable @QueryValue String body, @Nullable @QueryValue String year,
                               @Nullable @QueryValue String page, @Nullable @QueryValue String size)
            throws IOException, SQLException {
        try (CorpusIndex.View view = index.view()) {
            Search search;
            try {
                search = search(view, q, context, sort, doc, body, year, page, size);
            } catch (ConcordanceQuery.InvalidQueryException e) {
                return HttpResponse.badRequest(Map.of("error", e.getMessage()));
            }
            Found found = found(view, search);
            List<Map<String, Object>> json = new ArrayList<>();
            for (KwicLine line : found.lines()) {
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("doc", line.doc());
                hit.put("symbol", line.symbol());
                hit.put("paragraph", line.paragraph());
                if (line.footnote() != null) {
                    hit.put("footnote", line.footnote());
                }
                hit.put("offset", line.offset());
                hit.put("left", line.left());
                hit.put("match", line.match());
                hit.put("right", line.right());
                hit.put("href", line.href());
                json.add(hit);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("query", search.query().text());
            answer.put("read", search.query().description());
            answer.put("total", found.total());
            answer.put("page", search.page());
            answer.put("size", search.size());
            answer.put("sort", search.sort().value());
            answer.put("hits", json);
            return HttpResponse.ok(answer);
        }
    }

    @Get("/api/concordance/counts")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> counts(@Nullable @QueryValue String q, @Nullable @QueryValue String doc,
                                  @Nullable @QueryValue String body, @Nullable @QueryValue String year)
            throws IOException {
        try (CorpusIndex.View view = index.view()) {
            Search search;
            try {
                search = search(view, q, null, null, doc, body, year, null, null);
            } catch (ConcordanceQuery.InvalidQueryException e) {
                return HttpResponse.badRequest(Map.of("error", e.getMessage()));
            }
            HitList hits = HitList.find(view, search.query(), search.filter());
            List<Map<String, Object>> documents = new ArrayList<>();
            for (HitList.DocumentCount row : hits.byDocument()) {
                Map<String, Object> count = new LinkedHashMap<>();
                count.put("doc", row.doc());
                count.put("symbol", row.symbol());
                count.put("count", row.count());
                documents.add(count);
            }
            List<Map<String, Object>> years = new ArrayList<>();
            hits.byYear().forEach((y, n) -> {
                Map<String, Object> count = new LinkedHashMap<>();
                count.put("year", y == 0 ? null : y);
                count.put("count", n);
                years.add(count);
            });
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("query", search.query().text());
            answer.put("read", search.query().description());
            answer.put("total", hits.total());
            answer.put("byDocument", documents);
            answer.put("byYear", years);
            return HttpResponse.ok(answer);
        }
    }

    /**
     * What a search finds, ready for the page or the API: one page of KWIC lines, the totals and
     * the charts. Never changed once made, since the cache hands the same one to many requests.
     */
    record Found(String description, int total, List<KwicLine> lines, List<ConcordanceCharts.Bar> documentBars,
                 List<ConcordanceCharts.Bar> yearBars, List<ConcordanceCharts.Strip> strips, int parallelTotal) {
    }

    /**
     * The result of a search, from the cache when the same search ran on the same index and parallel
     * corpus. Pages of more than {@value #CACHED_PAGE} lines (API and bulk reads) are computed each
     * time, so that a few of them cannot fill the memory the cache is given.
     */
    private Found found(CorpusIndex.View view, Search search) throws IOException, SQLException {
        if (search.size() > CACHED_PAGE) {
            return compute(view, search);
        }
        String key = parameters(search, false) + "&page=" + search.page() + "&size=" + search.size();
        return results.get(key, List.of(view.version(), parallel.version()), () -> compute(view, search));
    }

    private static List<IndexedDocument> byLabel(CorpusIndex.View view) {
        List<IndexedDocument> documents = new ArrayList<>(view.documents().values());
        documents.sort(java.util.Comparator.comparing(IndexedDocument::label));
        return documents;
    }

    private Found compute(CorpusIndex.View view, Search search) throws IOException, SQLException {
        HitList hits = HitList.find(view, search.query(), search.filter());
        int[] order = hits.sorted(search.sort());
        String chartBase = "/concordance?" + parameters(new Search(search.query(), ConcordanceFilter.ALL,
                search.sort(), search.context(), 1, search.size()), true);
        List<IndexedDocument> accepted = byLabel(view).stream().filter(search.filter()::accepts).toList();
        return new Found(search.query().description(), hits.total(),
                List.copyOf(hits.lines(order, search.from(), search.size(), search.context())),
                List.copyOf(ConcordanceCharts.documentBars(hits.byDocument(), chartBase)),
                List.copyOf(ConcordanceCharts.yearBars(hits.byYear(), chartBase)),
                List.copyOf(ConcordanceCharts.dispersion(hits.positions(), accepted, chartBase)),
                parallel.count(search.query()));
    }

    /** Reads and checks a request's parameters; a bad one is an {@link ConcordanceQuery.InvalidQueryException}. */
    static Search search(CorpusIndex.View view, String q, String context, String sort, String doc, String body,
                         String year, String page, String size) {
        ConcordanceQuery query = ConcordanceQuery.parse(q);
        ConcordanceSort order = ConcordanceSort.parse(sort);
        if (order == null) {
            throw new ConcordanceQuery.InvalidQueryException("sort is one of doc, order, left, right");
        }
        int width = number(context, "context", DEFAULT_CONTEXT, 0, WIDEST_CONTEXT);
        int pageNumber = number(page, "page", 1, 1, Integer.MAX_VALUE);
        int pageSize = number(size, "size", DEFAULT_SIZE, 1, LARGEST_SIZE);
        if ((long) (pageNumber - 1) * pageSize > Integer.MAX_VALUE) {
            throw new ConcordanceQuery.InvalidQueryException("page is too far");
        }
        Long document = null;
        if (doc != null && !doc.isBlank()) {
            document = view.documents().values().stream()
                    .filter(d -> String.valueOf(d.id()).equals(doc.strip()) || doc.strip().equals(d.symbol()))
                    .map(IndexedDocument::id).findFirst()
                    .orElseThrow(() -> new ConcordanceQuery.InvalidQueryException("no document " + doc.strip()));
        }
        Integer yearNumber = year == null || year.isBlank() ? null : number(year, "year", 0, 1, 9999);
        String bodyName = body == null || body.isBlank() ? null : body.strip();
        return new Search(query, new ConcordanceFilter(document, bodyName, yearNumber), order, width, pageNumber,
                pageSize);
    }

    private static int number(String value, String name, int fallback, int least, int most) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < least || number > most) {
                throw new ConcordanceQuery.InvalidQueryException(name + " must be between " + least + " and " + most);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ConcordanceQuery.InvalidQueryException(name + " must be a whole number");
        }
    }

    /** The parameters of a search as a query string, without the page; with the sort and size if asked. */
    private static String parameters(Search search, boolean withPaging) {
        StringBuilder query = new StringBuilder("q=").append(encode(search.query().text()));
        query.append("&context=").append(search.context());
        query.append("&sort=").append(search.sort().value());
        ConcordanceFilter filter = search.filter();
        if (filter.doc() != null) {
            query.append("&doc=").append(filter.doc());
        }
        if (filter.body() != null) {
            query.append("&body=").append(encode(filter.body()));
        }
        if (filter.year() != null) {
            query.append("&year=").append(filter.year());
        }
        if (withPaging && search.size() != DEFAULT_SIZE) {
            query.append("&size=").append(search.size());
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
