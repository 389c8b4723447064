package org.paraterm.parallel;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Admins load parallel text from the corpus page ({@code /admin/corpus}): a TMX file, a line pair
 * ({@code NAME.zh} with {@code NAME.en}, and {@code NAME.ids} if there is one) or a document pair
 * ({@code NAME.zh.txt} with {@code NAME.en.txt}). The files are kept under
 * {@code <data>/uploads/}, named after the Chinese file so the pair belongs together whatever the
 * English file was called, and loaded like {@code ingest} loads them: whole or not at all; the
 * files of a refused upload are removed again. The request size limit is the server's
 * ({@code micronaut.server.max-request-size}). Admins also remove a source here.
 */
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/admin/corpus/parallel")
public class ParallelUploadController {

    /** Only the base name of an uploaded file is kept: no folders, no way out of the upload folder. */
    private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N}._ -]{1,120}");

    private final ParallelLoader loader;
    private final ParallelStore store;
    private final Path uploads;
    private final long maxRequestBytes;

    public ParallelUploadController(ParallelLoader loader, ParallelStore store, @Value("${paraterm.data:}") String data,
                                    @Value("${micronaut.server.max-request-size:10485760}") long maxRequestBytes) {
        this.loader = loader;
        this.store = store;
        this.maxRequestBytes = maxRequestBytes;
        this.uploads = (data.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "paraterm")
                : Path.of(data)).resolve("uploads");
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> upload(@Part("zh") CompletedFileUpload zh, @Nullable @Part("en") CompletedFileUpload en,
                                  @Nullable @Part("ids") CompletedFileUpload ids) throws IOException {
        String zhName = name(zh);
        String enName = name(en);
        String idsName = name(ids);
        for (String name : new String[] {zhName, enName, idsName}) {
            if (name != null && !SAFE_NAME.matcher(name).matches()) {
                return back("problem", "choose files whose names have only letters, digits, dots, dashes and spaces");
            }
        }
        if (zhName == null) {
            return back("problem", "choose the Chinese file (.zh, .zh.txt) or a .tmx file");
        }
        String lower = zhName.toLowerCase(Locale.ROOT);
        String stem;
        if (lower.endsWith(".tmx")) {
            if (enName != null || idsName != null) {
                return back("problem", "a TMX file holds both languages: upload it alone");
            }
            stem = zhName; // a TMX file's source is named after the file
        } else if (lower.endsWith(".zh.txt")) {
            if (enName == null || !enName.toLowerCase(Locale.ROOT).endsWith(".en.txt") || idsName != null) {
                return back("problem", zhName + ": a document pair needs its English version as a .en.txt file");
            }
            stem = zhName.substring(0, zhName.length() - ".zh.txt".length());
        } else if (zhName.endsWith(".zh")) {
            if (enName == null || !enName.endsWith(".en") || (idsName != null && !idsName.endsWith(".ids"))) {
                return back("problem", zhName + ": a line pair needs its English side as a .en file"
                        + " (and document ids, if any, as a .ids file)");
            }
            stem = zhName.substring(0, zhName.length() - ".zh".length());
        } else {
            return back("problem", zhName + ": the first file must be a .zh, .zh.txt or .tmx file");
        }
        Path folder = uploads.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))
                + "-parallel");
        ParallelLoader.SourceResult result = null;
        try {
            if (lower.endsWith(".tmx")) {
                result = loader.loadTmx(stem, save(folder, zhName, zh));
            } else if (lower.endsWith(".zh.txt")) {
                result = loader.loadDocumentPair(stem, save(folder, zhName, zh), save(folder, stem + ".en.txt", en));
            } else {
                Path zhFile = save(folder, zhName, zh);
                save(folder, stem + ".en", en);
                if (idsName != null) {
                    save(folder, stem + ".ids", ids);
                }
                result = loader.loadLinePair(stem, zhFile);
            }
        } finally {
            if (result == null || result.refused()) {
                // Only loaded sources are kept: the upload folder is what ingest would load again.
                removeFolder(folder);
            }
        }
        return result.refused() ? back("problem", result.describe()) : back("done", result.describe());
    }

    /** Removes an upload's folder and the files saved in it, if any were. */
    private static void removeFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }

    /** Removes a parallel source and its units (a mistaken upload, a replaced memory). */
    @Post(uri = "/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> remove(@Body Map<String, String> form) throws SQLException {
        String name = form.getOrDefault("source", "");
        return store.remove(name) ? back("done", "removed parallel " + name)
                : back("problem", "there is no parallel source " + name);
    }

    /**
     * An upload beyond the server's limit ({@code micronaut.server.max-request-size}) is refused
     * while its body is read, before anything is saved: back to the page, saying what the limit is.
     */
    @Error(exception = ContentLengthExceededException.class)
    public HttpResponse<?> tooLarge() {
        return back("problem", "the upload is larger than the limit of " + (maxRequestBytes / (1024 * 1024))
                + " MB for one request; load larger files with ingest");
    }

    /** The base name of an upload, or null when the field was left empty. */
    private static String name(CompletedFileUpload upload) {
        if (upload == null || upload.getFilename() == null || upload.getFilename().isBlank()) {
            return null;
        }
        Path name = Path.of(upload.getFilename().replace('\\', '/')).getFileName();
        return name == null ? "" : name.toString();
    }

    private static Path save(Path folder, String name, CompletedFileUpload upload) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.write(file, upload.getBytes());
        return file;
    }

    private static HttpResponse<?> back(String key, String message) {
        return HttpResponse.seeOther(URI.create("/admin/corpus?" + key + "="
                + URLEncoder.encode(message, StandardCharsets.UTF_8)));
    }
}
