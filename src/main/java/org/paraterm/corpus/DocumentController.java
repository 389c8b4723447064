package org.paraterm.corpus;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.views.ModelAndView;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The documents list and a document's cleaned text with its footnotes and cited symbols. */
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/documents")
public class DocumentController {

    /** A piece of a paragraph as the page shows it: plain text, a footnote mark or a symbol link. */
    public record Segment(String kind, String text, String href, String id) {
    }

    public record ParagraphView(int index, String kind, List<Segment> segments) {
    }

    private final DocumentStore store;

    public DocumentController(DocumentStore store) {
        this.store = store;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> list() throws SQLException {
        return new ModelAndView<>("documents/list", Map.of("documents", store.list()));
    }

    /** A footnote cut at a highlighted hit. */
    public record FootnoteHit(int number, String before, String hit, String after) {
    }

    /**
     * A document; {@code hl=START-LENGTH} marks a hit (from the concordance) in the text, or in
     * footnote {@code fn} when that is given, offsets counted in characters of that text.
     */
    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(@PathVariable String id, @Nullable @QueryValue String hl,
                                @Nullable @QueryValue String fn) throws SQLException {
        Optional<CleanDocument> found = parseId(id).flatMap(this::find);
        if (found.isEmpty()) {
            return HttpResponse.notFound(new ModelAndView<>("errors/page",
                    Map.of("status", 404, "message", "没有这个文件 No such document")));
        }
        CleanDocument document = found.get();
        Span highlight = highlight(hl);
        Integer footnoteNumber = parseNumber(fn);
        FootnoteHit footnoteHit = null;
        if (highlight != null && footnoteNumber != null) {
            footnoteHit = document.footnotes().stream().filter(f -> f.number() == footnoteNumber).findFirst()
                    .filter(f -> highlight.end() <= f.text().length())
                    .map(f -> new FootnoteHit(f.number(), f.text().substring(0, highlight.start()),
                            f.text().substring(highlight.start(), highlight.end()), f.text().substring(highlight.end())))
                    .orElse(null);
        }
        Span bodyHighlight = footnoteNumber == null && highlight != null && highlight.end() <= document.text().length()
                ? highlight : null;
        List<ParagraphView> paragraphs = new ArrayList<>();
        Map<Integer, Integer> marksSoFar = new HashMap<>();
        List<Reference> placed = placedReferences(document);
        for (Paragraph paragraph : document.paragraphs()) {
            List<Segment> segments = segments(document, paragraph, placed, marksSoFar);
            if (bodyHighlight != null && paragraph.span().contains(bodyHighlight.start())) {
                segments = highlighted(segments, paragraph.start(), bodyHighlight);
            }
            paragraphs.add(new ParagraphView(paragraph.index(), paragraph.kind().name().toLowerCase(Locale.ROOT),
                    segments));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("document", document);
        model.put("paragraphs", paragraphs);
        model.put("footnotes", document.footnotes());
        model.put("footnoteHit", footnoteHit);
        model.put("marked", marksSoFar.keySet());
        model.put("cited", document.citedSymbols().stream().map(s -> Map.of("symbol", s, "url", UnSymbols.undocsUrl(s)))
                .toList());
        return HttpResponse.ok(new ModelAndView<>("documents/page", model));
    }

    /** {@code START-LENGTH} as a span, or null when absent or malformed (the page then marks nothing). */
    private static Span highlight(String hl) {
        if (hl == null) {
            return null;
        }
        int dash = hl.indexOf('-');
        Integer start = dash < 0 ? null : parseNumber(hl.substring(0, dash));
        Integer length = dash < 0 ? null : parseNumber(hl.substring(dash + 1));
        if (start == null || length == null || length < 1 || start > Integer.MAX_VALUE - length) {
            return null;
        }
        return new Span(start, start + length);
    }

    private static Integer parseNumber(String value) {
        if (value == null || !value.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(value);
    }

    /**
     * The segments of a paragraph with the text inside a highlight split out as "hit" segments
     * (the first with the id {@code hit}); marks and links keep their place.
     */
    static List<Segment> highlighted(List<Segment> segments, int paragraphStart, Span highlight) {
        List<Segment> result = new ArrayList<>();
        int position = paragraphStart;
        boolean first = true;
        for (Segment segment : segments) {
            if (segment.kind().equals("mark")) {
                result.add(segment);
                continue;
            }
            int start = position;
            int end = position + segment.text().length();
            position = end;
            if (!segment.kind().equals("text") || end <= highlight.start() || start >= highlight.end()) {
                result.add(segment);
                continue;
            }
            int from = Math.max(start, highlight.start()) - start;
            int to = Math.min(end, highlight.end()) - start;
            if (from > 0) {
                result.add(new Segment("text", segment.text().substring(0, from), null, null));
            }
            result.add(new Segment("hit", segment.text().substring(from, to), null, first ? "hit" : null));
            first = false;
            if (to < segment.text().length()) {
                result.add(new Segment("text", segment.text().substring(to), null, null));
            }
        }
        return result;
    }

    private Optional<CleanDocument> find(long id) {
        try {
            return store.find(id);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read document " + id, e);
        }
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    /**
     * Splits a paragraph at its footnote marks and at the symbols it cites, in text order.
     * {@code marksSoFar} counts each footnote's marks over the paragraphs already split, so that
     * the k-th mark of footnote n gets the anchor {@code fnref<n>-<k>}.
     */
    static List<Segment> segments(CleanDocument document, Paragraph paragraph, List<Reference> placed,
                                  Map<Integer, Integer> marksSoFar) {
        List<Reference> links = linksWithin(placed, paragraph);
        List<Segment> segments = new ArrayList<>();
        String text = document.text();
        int position = paragraph.start();
        int nextMark = 0;
        List<FootnoteMark> marks = paragraph.marks();
        for (Reference link : links) {
            if (link.span().start() < position) {
                continue;
            }
            nextMark = emitTextAndMarks(text, position, link.span().start(), marks, nextMark, segments, marksSoFar);
            segments.add(new Segment("link", text.substring(link.span().start(), link.span().end()), link.url(), null));
            position = link.span().end();
        }
        emitTextAndMarks(text, position, paragraph.end(), marks, nextMark, segments, marksSoFar);
        return segments;
    }

    /** The references written in the text, in text order: sorted once per page. */
    private static List<Reference> placedReferences(CleanDocument document) {
        return document.references().stream()
                .filter(r -> r.span() != null)
                .sorted(Comparator.comparingInt(r -> r.span().start()))
                .toList();
    }

    /** The references written inside a paragraph, found by binary search in the sorted ones. */
    private static List<Reference> linksWithin(List<Reference> placed, Paragraph paragraph) {
        int from = firstAtOrAfter(placed, paragraph.start());
        int to = firstAtOrAfter(placed, paragraph.end());
        return placed.subList(from, to).stream().filter(r -> r.span().end() <= paragraph.end()).toList();
    }

    private static int firstAtOrAfter(List<Reference> placed, int offset) {
        int low = 0;
        int high = placed.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (placed.get(middle).span().start() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int emitTextAndMarks(String text, int from, int to, List<FootnoteMark> marks, int nextMark,
                                        List<Segment> segments, Map<Integer, Integer> marksSoFar) {
        int position = from;
        while (nextMark < marks.size() && marks.get(nextMark).offset() <= to) {
            FootnoteMark mark = marks.get(nextMark++);
            if (mark.offset() < position) {
                continue;
            }
            if (mark.offset() > position) {
                segments.add(new Segment("text", text.substring(position, mark.offset()), null, null));
            }
            int occurrence = marksSoFar.merge(mark.number(), 1, Integer::sum);
            segments.add(new Segment("mark", String.valueOf(mark.number()), "#fn" + mark.number(),
                    "fnref" + mark.number() + "-" + occurrence));
            position = mark.offset();
        }
        if (to > position) {
            segments.add(new Segment("text", text.substring(position, to), null, null));
        }
        return nextMark;
    }
}
