package org.paraterm.web;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
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
import java.util.Map;
import org.paraterm.concordance.ConcordanceIndex;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.DocumentStore;
import org.paraterm.mining.CorpusMining;
import org.paraterm.mining.MiningSettings;
import org.paraterm.parallel.ParallelStore;

/**
 * Admins load documents from the browser: an uploaded text file is kept under
 * {@code <data>/uploads/}, read like {@code ingest} reads a folder, and the corpus is mined again.
 * The page also lists the parallel sources; their upload is {@code parallel.ParallelUploadController}.
 */
@Secured("ADMIN")
@Controller("/admin/corpus")
public class CorpusAdminController {

    /** Only the base name of an uploaded file is kept: no folders, no way out of the upload folder. */
    private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N}._ -]{1,120}");

    private final CorpusLoader loader;
    private final DocumentStore documents;
    private final CorpusMining mining;
    private final ConcordanceIndex concordance;
    private final ParallelStore parallel;
    private final Path uploads;
    private final long maxBytes;

    public CorpusAdminController(CorpusLoader loader, DocumentStore documents, CorpusMining mining,
                                 ConcordanceIndex concordance, ParallelStore parallel,
                                 @Value("${paraterm.data:}") String data,
                                 @Value("${paraterm.upload.max-bytes:10485760}") long maxBytes) {
        this.maxBytes = maxBytes;
        this.loader = loader;
        this.documents = documents;
        this.parallel = parallel;
        this.mining = mining;
        this.concordance = concordance;
        this.uploads = (data.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "paraterm")
                : Path.of(data)).resolve("uploads");
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(@Nullable @QueryValue String done, @Nullable @QueryValue String problem)
            throws SQLException {
        Map<String, Object> model = new HashMap<>();
        model.put("documents", documents.list());
        model.put("parallelSources", parallel.sources());
        model.put("done", done);
        model.put("problem", problem);
        return new ModelAndView<>("account/corpus", model);
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> upload(@Part("file") CompletedFileUpload file) throws IOException, SQLException {
        String name = Path.of(file.getFilename() == null ? "" : file.getFilename()).getFileName().toString();
        if (!SAFE_NAME.matcher(name).matches() || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".txt")) {
            return back("problem", "choose a .txt file whose name has only letters, digits, dots, dashes and spaces");
        }
        if (file.getSize() > maxBytes) {
            // The page itself, not a redirect, so that the status says 413 too.
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(page(null, name + " is too large ("
                    + file.getSize() / 1024 + " KB); the limit for one document is " + maxBytes / 1024
                    + " KB (paraterm.upload.max-bytes); nothing was loaded"));
        }
        Path folder = uploads.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), file.getBytes());
        List<CorpusLoader.FileResult> results = loader.load(folder, (done, total, result) -> { });
        CorpusLoader.FileResult result = results.get(0);
        if (result.refused()) {
            // A refused file is not kept: the upload folder holds only documents that were loaded.
            Files.deleteIfExists(folder.resolve(name));
            Files.deleteIfExists(folder);
            return back("problem", "refused " + result.refusal());
        }
        int candidates = mining.remine(MiningSettings.defaults());
        concordance.synchronize();
        return back("done", result.outcome().name().toLowerCase(java.util.Locale.ROOT) + " " + name + "; mined "
                + candidates + " candidates");
    }

    private static HttpResponse<?> back(String key, String message) {
        return HttpResponse.seeOther(URI.create("/admin/corpus?" + key + "="
                + URLEncoder.encode(message, StandardCharsets.UTF_8)));
    }
}
