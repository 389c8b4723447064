package org.paraterm.web;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paraterm.glossary.ConcurrentEditException;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Review;
import org.paraterm.glossary.ReviewException;
import org.paraterm.glossary.SearchMatch;
import org.paraterm.glossary.UsageStatus;

/**
 * The glossary as JSON. Anyone reads published entries; terminologists also read the rest and
 * change entries, each change naming the version it starts from; translators and editors comment.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api")
public class EntryApiController {

    static final String TERMINOLOGIST = "TERMINOLOGIST";
    static final String SIGNED_IN = "TRANSLATOR";

    @Serdeable
    record Approve(@Nullable String term, @Nullable String english, @Nullable String subject,
                   @Nullable Map<String, String> variants) {
    }

    @Serdeable
    record Reject(@Nullable String term, @Nullable String reason) {
    }

    @Serdeable
    record Merge(@Nullable String term, @Nullable Long entryId, @Nullable Integer version, @Nullable String type,
                 @Nullable String usage) {
    }

    @Serdeable
    record Bulk(@Nullable String action, @Nullable List<String> terms, @Nullable String reason) {
    }

    @Serdeable
    record VersionAction(@Nullable Integer version, @Nullable Boolean published, @Nullable String status,
                         @Nullable String reason, @Nullable Integer from) {
    }

    @Serdeable
    record CommentInput(@Nullable String text) {
    }

    private final GlossaryStore glossary;
    private final Review review;

    public EntryApiController(GlossaryStore glossary, Review review) {
        this.glossary = glossary;
        this.review = review;
    }

    @Get("/entries")
    public Map<String, Object> list(@Nullable @QueryValue String q, @Nullable @QueryValue String status,
                                    @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                    @Nullable Authentication user) throws SQLException {
        GlossaryStore.Query query = isTerminologist(user)
                ? new GlossaryStore.Query(q, status == null || status.isBlank() ? null : EntryJson.status(status), null,
                        false, page == null ? 1 : page, size == null ? 50 : size)
                : new GlossaryStore.Query(q, null, true, false, page == null ? 1 : page, size == null ? 50 : size);
        GlossaryStore.Page result = glossary.search(query);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", result.total());
        json.put("entries", result.entries().stream().map(entry -> {
            Map<String, Object> one = EntryJson.of(entry);
            SearchMatch.of(entry, q).ifPresent(match -> one.put("match", EntryJson.match(entry, match)));
            return one;
        }).toList());
        return json;
    }

    /**
     * Up to eight terms for a search box while it is typed, ranked as the search ranks entries:
     * each with its entry, the entry's preferred Chinese and English terms, and its usage status.
     */
    @Get("/entries/suggest")
    public List<Map<String, Object>> suggest(@Nullable @QueryValue String q, @Nullable Authentication user)
            throws SQLException {
        if (q == null || q.isBlank() || q.length() > 200) {
            return List.of();
        }
        GlossaryStore.Query query = isTerminologist(user)
                ? new GlossaryStore.Query(q, null, null, false, 1, 8)
                : GlossaryStore.Query.published(q, 1, 8);
        List<Map<String, Object>> suggestions = new ArrayList<>();
        for (Entry entry : glossary.search(query).entries()) {
            SearchMatch.of(entry, q).ifPresent(match -> {
                Map<String, Object> one = EntryJson.match(entry, match);
                one.put("id", entry.id());
                suggestions.add(one);
            });
        }
        return suggestions;
    }

    @Get("/entries/{id}")
    public HttpResponse<?> get(@PathVariable long id, @Nullable Authentication user) throws SQLException {
        return visible(id, user).<HttpResponse<?>>map(e -> HttpResponse.ok(EntryJson.of(e)))
                .orElseGet(() -> notFound("no entry " + id));
    }

    @Secured(TERMINOLOGIST)
    @Get("/entries/similar")
    public List<Map<String, Object>> similar(@Nullable @QueryValue String q) throws SQLException {
        return glossary.similar(q, 10).stream().map(EntryJson::of).toList();
    }

    @Secured(SIGNED_IN)
    @Get("/entries/{id}/history")
    public HttpResponse<?> history(@PathVariable long id, Authentication user) throws SQLException {
        if (visible(id, user).isEmpty()) {
            return notFound("no entry " + id);
        }
        return HttpResponse.ok(glossary.history(id));
    }

    @Secured(TERMINOLOGIST)
    @Post("/entries")
    public HttpResponse<?> create(@Body EntryJson.EntryInput input, Authentication user) throws SQLException {
        Entry saved = glossary.create(EntryJson.from(input, 0, null), user.getName(), "create");
        return HttpResponse.created(EntryJson.of(saved));
    }

    @Secured(TERMINOLOGIST)
    @Put("/entries/{id}")
    public HttpResponse<?> update(@PathVariable long id, @Body EntryJson.EntryInput input, Authentication user)
            throws SQLException {
        Optional<Entry> current = glossary.find(id, false);
        if (current.isEmpty()) {
            return notFound("no entry " + id);
        }
        return HttpResponse.ok(EntryJson.of(review.save(EntryJson.from(input, id, current.get()), user.getName(),
                "edit")));
    }

    @Secured(TERMINOLOGIST)
    @Post("/entries/{id}/publish")
    public HttpResponse<?> publish(@PathVariable long id, @Body VersionAction action, Authentication user)
            throws SQLException {
        return HttpResponse.ok(EntryJson.of(review.publish(id, version(action), !Boolean.FALSE.equals(action.published()),
                user.getName())));
    }

    @Secured(TERMINOLOGIST)
    @Post("/entries/{id}/status")
    public HttpResponse<?> status(@PathVariable long id, @Body VersionAction action, Authentication user)
            throws SQLException {
        if (action.status() == null) {
            throw new EntryJson.BadInput("status: which status");
        }
        return HttpResponse.ok(EntryJson.of(review.setStatus(id, version(action), EntryJson.status(action.status()),
                action.reason(), user.getName())));
    }

    @Secured(TERMINOLOGIST)
    @Post("/entries/{id}/restore")
    public HttpResponse<?> restore(@PathVariable long id, @Body VersionAction action, Authentication user)
            throws SQLException {
        if (action.from() == null) {
            throw new EntryJson.BadInput("from: which earlier version to restore");
        }
        return HttpResponse.ok(EntryJson.of(glossary.restore(id, action.from(), version(action), user.getName())));
    }

    @Secured(TERMINOLOGIST)
    @Delete("/entries/{id}")
    public HttpResponse<?> delete(@PathVariable long id, @Nullable @QueryValue Integer version, Authentication user)
            throws SQLException {
        if (glossary.find(id, false).isEmpty()) {
            return notFound("no entry " + id);
        }
        return HttpResponse.ok(EntryJson.of(glossary.setDeleted(id, version(new VersionAction(version, null, null,
                null, null)), true, user.getName())));
    }

    @Secured(TERMINOLOGIST)
    @Post("/entries/{id}/revive")
    public HttpResponse<?> revive(@PathVariable long id, @Body VersionAction action, Authentication user)
            throws SQLException {
        Optional<Entry> entry = glossary.find(id, true);
        if (entry.isEmpty()) {
            return notFound("no entry " + id);
        }
        Entry revived = glossary.isDeleted(id) ? glossary.setDeleted(id, version(action), false, user.getName())
                : entry.get();
        if (revived.status() == EntryStatus.REJECTED) {
            revived = review.setStatus(id, revived.version(), EntryStatus.IN_REVIEW, null, user.getName());
        }
        return HttpResponse.ok(EntryJson.of(revived));
    }

    @Secured(SIGNED_IN)
    @Post("/entries/{id}/comments")
    public HttpResponse<?> comment(@PathVariable long id, @Body CommentInput input, Authentication user)
            throws SQLException {
        if (visible(id, user).isEmpty()) {
            return notFound("no entry " + id);
        }
        if (input.text() == null || input.text().isBlank() || input.text().length() > 5000) {
            throw new EntryJson.BadInput("text: a comment of 1 to 5000 characters");
        }
        return HttpResponse.created(glossary.comment(id, user.getName(), input.text()));
    }

    @Get("/entries/{id}/comments")
    public HttpResponse<?> comments(@PathVariable long id, @Nullable Authentication user) throws SQLException {
        if (visible(id, user).isEmpty()) {
            return notFound("no entry " + id);
        }
        return HttpResponse.ok(glossary.comments(id));
    }

    @Secured(TERMINOLOGIST)
    @Post("/review/approve")
    public HttpResponse<?> approve(@Body Approve input, Authentication user) throws SQLException {
        return HttpResponse.created(EntryJson.of(review.approve(approval(input), user.getName())));
    }

    @Secured(TERMINOLOGIST)
    @Post("/review/reject")
    public HttpResponse<?> reject(@Body Reject input, Authentication user) throws SQLException {
        review.reject(required(input.term(), "term"), input.reason(), user.getName());
        return HttpResponse.ok(Map.of("term", input.term(), "status", "rejected"));
    }

    @Secured(TERMINOLOGIST)
    @Post("/review/merge")
    public HttpResponse<?> merge(@Body Merge input, Authentication user) throws SQLException {
        if (input.entryId() == null || input.version() == null) {
            throw new EntryJson.BadInput("entryId and version: which entry, at which version");
        }
        return HttpResponse.ok(EntryJson.of(review.merge(required(input.term(), "term"), input.entryId(),
                input.version(), input.type() == null ? null : EntryJson.type(input.type(), "type"),
                input.usage() == null ? null : EntryJson.usage(input.usage(), "usage"), user.getName())));
    }

    /** Approves or rejects many candidates; each that cannot be done is listed with why. */
    @Secured(TERMINOLOGIST)
    @Post("/review/bulk")
    public HttpResponse<?> bulk(@Body Bulk input, Authentication user) throws SQLException {
        if (input.terms() == null || input.terms().isEmpty()) {
            throw new EntryJson.BadInput("terms: which candidates");
        }
        if (!"approve".equals(input.action()) && !"reject".equals(input.action())) {
            throw new EntryJson.BadInput("action: approve or reject");
        }
        if ("reject".equals(input.action()) && (input.reason() == null || input.reason().isBlank())) {
            throw new EntryJson.BadInput("reason: a rejection needs a reason");
        }
        int done = 0;
        List<Map<String, String>> failed = new ArrayList<>();
        for (String term : input.terms()) {
            try {
                if ("approve".equals(input.action())) {
                    review.approve(new Review.Approval(term, null, null, Map.of()), user.getName());
                } else {
                    review.reject(term, input.reason(), user.getName());
                }
                done++;
            } catch (ReviewException e) {
                failed.add(Map.of("term", term, "error", e.getMessage()));
            }
        }
        return HttpResponse.ok(Map.of("done", done, "failed", failed));
    }

    @Error(exception = EntryJson.BadInput.class)
    public HttpResponse<?> badInput(EntryJson.BadInput error) {
        return HttpResponse.badRequest(Map.of("error", error.getMessage()));
    }

    @Error(exception = ReviewException.class)
    public HttpResponse<?> refused(ReviewException error) {
        return HttpResponse.status(HttpStatus.CONFLICT).body(Map.of("error", error.getMessage()));
    }

    @Error(exception = IllegalArgumentException.class)
    public HttpResponse<?> invalid(IllegalArgumentException error) {
        return HttpResponse.badRequest(Map.of("error", error.getMessage()));
    }

    /** The second of two concurrent saves: refused, with what the other person changed. */
    @Error(exception = ConcurrentEditException.class)
    public HttpResponse<?> conflict(ConcurrentEditException error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", error.getMessage());
        json.put("current", EntryJson.of(error.current()));
        json.put("changes", error.since());
        return HttpResponse.status(HttpStatus.CONFLICT).body(json);
    }

    static Review.Approval approval(Approve input) {
        Map<String, UsageStatus> variants = new LinkedHashMap<>();
        if (input.variants() != null) {
            input.variants().forEach((form, usage) -> variants.put(form,
                    "omit".equalsIgnoreCase(usage) ? null : EntryJson.usage(usage, "variants." + form)));
        }
        return new Review.Approval(required(input.term(), "term"), input.english(), input.subject(), variants);
    }

    private Optional<Entry> visible(long id, Authentication user) throws SQLException {
        return glossary.find(id, false).filter(e -> e.published() || isTerminologist(user));
    }

    static boolean isTerminologist(Authentication user) {
        return user != null && user.getRoles().contains(TERMINOLOGIST);
    }

    private static int version(VersionAction action) {
        if (action == null || action.version() == null) {
            throw new EntryJson.BadInput("version: say which version you are changing (optimistic locking)");
        }
        return action.version();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new EntryJson.BadInput(field + ": missing");
        }
        return value.strip();
    }

    private static HttpResponse<?> notFound(String message) {
        return HttpResponse.notFound(Map.of("error", message));
    }
}
