package org.paraterm.web;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders each page completely before its response is sent, so that a template that fails
 * halfway gets the error page with a 500 instead of no answer at all.
 *
 * <p>Micronaut's views filter hands the response a {@link Writable} that runs the template only
 * while the response is written; an exception there escapes on the I/O executor, after the
 * routing's error handling, and the client waits until the connection's idle timeout. This filter
 * sits outside the views filter: it runs that {@code Writable} into bytes on the blocking executor
 * (where it would have run anyway), and on failure logs the cause and answers with
 * {@code errors/page}, or with a fixed page if that one cannot be rendered either ({@link PageRenderer}). Nothing about
 * the failure reaches the client.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RenderedPageFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(RenderedPageFilter.class);

    static final String MESSAGE = "服务器出错 Something went wrong on the server";

    private final ExecutorService blocking;
    private final PageRenderer pages;

    public RenderedPageFilter(@Named(TaskExecutors.BLOCKING) ExecutorService blocking, PageRenderer pages) {
        this.blocking = blocking;
        this.pages = pages;
    }

    @ResponseFilter
    public CompletionStage<MutableHttpResponse<?>> render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.getBody().orElse(null) instanceof Writable page)) {
            return CompletableFuture.completedFuture(response);
        }
        return CompletableFuture.supplyAsync(() -> written(request, response, page), blocking);
    }

    private MutableHttpResponse<?> written(HttpRequest<?> request, MutableHttpResponse<?> response, Writable page) {
        Charset charset = response.getContentType().flatMap(MediaType::getCharset).orElse(StandardCharsets.UTF_8);
        try {
            return response.body(bytes(page, charset));
        } catch (IOException | RuntimeException failure) {
            LOG.error("{} {} failed while its page was rendered", request.getMethod(), request.getPath(), failure);
            return response.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(pages.errorPage(request, 500, MESSAGE));
        }
    }

    private static byte[] bytes(Writable page, Charset charset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        page.writeTo(out, charset);
        return out.toByteArray();
    }

    /** Outside the views filter, so that its Writable is what this filter sees. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.before();
    }
}
