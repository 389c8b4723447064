package org.paraterm.check;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.paraterm.security.Role;
import org.paraterm.web.PageRenderer;

/**
 * The text check: a page where a translator pastes or uploads a Chinese text, and
 * {@code POST /api/check} for scripts. Anyone may check; visitors check against the published
 * glossary, terminologists against every approved entry too (see {@link Scope}). A check changes
 * nothing, so neither needs a CSRF token (the filter lets these two paths through); scripts call
 * the API without a session.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class CheckController {

    /** The body of {@code POST /api/check}. */
    @Serdeable
    record CheckRequest(@Nullable String text) {
    }

    private final TextCheck check;
    private final ObjectMapper json;
    private final PageRenderer pages;

    public CheckController(TextCheck check, ObjectMapper json, PageRenderer pages) {
        this.check = check;
        this.json = json;
        this.pages = pages;
    }

    @Post(uri = "/api/check", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> api(@Nullable @Body String body, @Nullable Authentication user) throws SQLException {
        if (body == null || body.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "send a JSON object with the text to check: {\"text\": \"…\"}");
        }
        try {
            check.refuseIfTooLarge(TextCheck.utf8Length(body));
            CheckRequest request;
            try {
                request = json.readValue(body, CheckRequest.class);
            } catch (IOException | RuntimeException notJson) {
                return error(HttpStatus.BAD_REQUEST,
                        "the body is not a JSON object of the form {\"text\": \"…\"}, with the text as a string");
            }
            if (request == null || request.text() == null) {
                return error(HttpStatus.BAD_REQUEST, "text: missing; send {\"text\": \"…\"}");
            }
            return HttpResponse.ok(check.check(request.text(), scope(user)));
        } catch (TextCheck.Refused refused) {
            return error(refused.tooLarge() ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.BAD_REQUEST,
                    refused.getMessage());
        }
    }

    @Get("/check")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(@Nullable Authentication user) {
        return new ModelAndView<>("check/page", model(user));
    }

    @Post(uri = "/check", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<Map<String, Object>>> checkPage(@Nullable @Part("text") String text,
                                                                   @Nullable @Part("file") CompletedFileUpload file,
                                                                   @Nullable Authentication user)
            throws SQLException, IOException {
        Map<String, Object> model = model(user);
        try {
            String checked;
            if (file != null && file.getSize() > 0) {
                check.refuseIfTooLarge(file.getSize());
                checked = check.read(file.getFilename(), file.getBytes());
                model.put("fileName", file.getFilename());
            } else if (text != null && !text.isBlank()) {
                checked = text;
            } else {
                model.put("problem", "请粘贴文本或选择文件 Paste a text or choose a file");
                return HttpResponse.badRequest(new ModelAndView<>("check/page", model));
            }
            CheckResult result = check.check(checked, scope(user));
            model.putAll(CheckView.of(checked, result).model());
            return HttpResponse.ok(new ModelAndView<>("check/page", model));
        } catch (TextCheck.Refused refused) {
            model.put("problem", refused.getMessage());
            model.put("text", text == null || TextCheck.utf8Length(text) > CheckView.REFILL_BYTES ? "" : text);
            return HttpResponse.<ModelAndView<Map<String, Object>>>status(refused.tooLarge()
                    ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("check/page", model));
        }
    }

    /**
     * A request beyond the server's own limit ({@code micronaut.server.max-request-size}) is refused
     * while its body is read, before the check could measure the text: say so as the check would.
     * That answer does not pass the views filter, so the page is rendered here.
     */
    @Error(exception = ContentLengthExceededException.class)
    public HttpResponse<?> requestTooLarge(HttpRequest<?> request) {
        String message = "the request is too large to check; the limit for a text is "
                + TextCheck.size(check.maxBytes());
        boolean page = !request.getPath().startsWith("/api/")
                && request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
        if (!page) {
            return error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, message);
        }
        Map<String, Object> model = model(null);
        model.put("problem", message);
        return pages.respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "check/page", model);
    }

    private Map<String, Object> model(Authentication user) {
        Map<String, Object> model = new HashMap<>();
        model.put("scope", scope(user).label());
        model.put("maxBytes", check.maxBytes());
        model.put("text", "");
        return model;
    }

    static Scope scope(Authentication user) {
        return user != null && user.getRoles().contains(Role.TERMINOLOGIST.name()) ? Scope.APPROVED : Scope.PUBLISHED;
    }

    private static HttpResponse<?> error(HttpStatus status, String message) {
        return HttpResponse.status(status).body(Map.of("error", message));
    }
}
