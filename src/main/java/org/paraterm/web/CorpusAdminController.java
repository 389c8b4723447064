package org.paraterm.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.DocumentStore;
import org.paraterm.parallel.ParallelStore;

/**
 * Admins load documents from the browser: an uploaded text file is kept under
 * {@code <data>/uploads/}, read like {@code ingest} reads a folder, and the answer comes at once;
 * the concordance index and the candidates are brought up to date in the background
 * ({@link MiningJob}), whose state the page shows ({@code /admin/corpus/status} as JSON). Only
 * loaded documents are kept in the upload folder. The page also lists the parallel sources; their
 * upload is {@code parallel.ParallelUploadController}.
 */
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/admin/corpus")
public class CorpusAdminController {

    /** Only the base name of an uploaded file is kept: no folders, no way out of the upload folder. */
    private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N}._ -]{1,120}");
    /** How often the page reloads itself while the background job is queued or running. */
    private static final int REFRESH_SECONDS = 3;

    private final CorpusLoader loader;
    private final DocumentStore documents;
    private final MiningJob job;
    private final ParallelStore parallel;
    private final Path uploads;
    private final long maxBytes;

    public CorpusAdminController(CorpusLoader loader, DocumentStore documents, MiningJob job, ParallelStore parallel,
                                 @Value("${paraterm.data:}") String data,
                                 @Value("${paraterm.upload.max-bytes:10485760}") long maxBytes) {
        this.maxBytes = maxBytes;
        this.loader = loader;
        this.documents = documents;
        this.parallel = parallel;
        this.job = job;
        this.uploads = (data.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "paraterm")
                : Path.of(data)).resolve("uploads");
    }

    /**
     * The page; while the background job is queued or running it reloads itself every few seconds
     * (a {@code Refresh} header: it needs no script, and a meta element could not sit in the
     * shared page head).
     */
    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<Map<String, Object>>> page(@Nullable @QueryValue String done,
                                                                @Nullable @QueryValue String problem)
            throws SQLException {
        MiningJob.Status status = job.status();
        MutableHttpResponse<ModelAndView<Map<String, Object>>> page = HttpResponse.ok(view(done, problem, status));
        return status.busy() ? page.header("Refresh", String.valueOf(REFRESH_SECONDS)) : page;
    }

    private ModelAndView<Map<String, Object>> view(String done, String problem, MiningJob.Status status)
            throws SQLException {
        Map<String, Object> model = new HashMap<>();
        model.put("documents", documents.list());
        model.put("parallelSources", parallel.sources());
        model.put("done", done);
        model.put("problem", problem);
        model.put("job", status);
        return new ModelAndView<>("account/corpus", model);
    }

    /** The background job's state, for scripts and for watching an upload's re-mining. */
    @Get("/status")
    @Produces(MediaType.APPLICATION_JSON)
    public MiningJob.Status status() {
        return job.status();
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> upload(@Part("file") CompletedFileUpload file) throws IOException, SQLException {
        String name = Path.of(file.getFilename() == null ? "" : file.getFilename()).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!SAFE_NAME.matcher(name).matches() || !lower.endsWith(".txt")) {
            return back("problem", "choose a .txt file whose name has only letters, digits, dots, dashes and spaces");
        }
        if (lower.endsWith(".en.txt")) {
            // ingest reads NAME.en.txt only as the English side of a document pair, never as a document.
            return back("problem", name + ": a file named .en.txt is the English side of a document pair;"
                    + " load it with its Chinese side (.zh.txt) under parallel text, or rename it if it is a"
                    + " Chinese document; nothing was loaded");
        }
        if (file.getSize() > maxBytes) {
            // The page itself, not a redirect, so that the status says 413 too.
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(view(null, name + " is too large ("
                    + file.getSize() / 1024 + " KB); the limit for one document is " + maxBytes / 1024
                    + " KB (paraterm.upload.max-bytes); nothing was loaded", job.status()));
        }
        Path folder = uploads.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        CorpusLoader.FileResult result = null;
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name), file.getBytes());
            List<CorpusLoader.FileResult> results = loader.load(folder, (done, total, each) -> { });
            if (results.size() != 1) {
                throw new IllegalStateException(name + " was read as " + results.size() + " documents");
            }
            result = results.get(0);
        } finally {
            if (result == null || result.refused()) {
                // Only loaded documents are kept: the upload folder is what ingest would load again.
                Files.deleteIfExists(folder.resolve(name));
                Files.deleteIfExists(folder);
            }
        }
        if (result.refused()) {
            return back("problem", "refused " + result.refusal());
        }
        if (result.outcome() == DocumentStore.Outcome.UNCHANGED) {
            return back("done", "unchanged " + name + ": the same text is loaded already");
        }
        job.request();
        return back("done", result.outcome().name().toLowerCase(Locale.ROOT) + " " + name
                + "; the corpus will be mined again in the background (its state is shown below)");
    }

    private static HttpResponse<?> back(String key, String message) {
        return HttpResponse.seeOther(URI.create("/admin/corpus?" + key + "="
                + URLEncoder.encode(message, StandardCharsets.UTF_8)));
    }
}
