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
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Named;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
 * {@code errors/page}, or with a fixed page if that one cannot be rendered either. Nothing about
 * the failure reaches the client.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RenderedPageFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(RenderedPageFilter.class);

    static final String MESSAGE = "服务器出错 Something went wrong on the server";

    private final ExecutorService blocking;
    private final ViewsRendererLocator renderers;
    private final ViewsModelDecorator decorator;

    public RenderedPageFilter(@Named(TaskExecutors.BLOCKING) ExecutorService blocking, ViewsRendererLocator renderers,
                              ViewsModelDecorator decorator) {
        this.blocking = blocking;
        this.renderers = renderers;
        this.decorator = decorator;
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
                    .body(errorPage(request));
        }
    }

    /** The usual error page with a 500; a fixed one when that fails too (a broken layout fragment). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private byte[] errorPage(HttpRequest<?> request) {
        try {
            ModelAndView<Map<String, Object>> view = new ModelAndView<>("errors/page",
                    new HashMap<>(Map.of("status", 500, "message", MESSAGE)));
            decorator.decorate(request, view);
            Optional<ViewsRenderer> renderer = renderers.resolveViewsRenderer("errors/page",
                    MediaType.TEXT_HTML, view.getModel().orElseThrow());
            if (renderer.isPresent()) {
                ViewsRenderer<Object, HttpRequest<?>> html = renderer.get();
                return bytes(html.render("errors/page", view.getModel().orElseThrow(), request), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException again) {
            LOG.error("the error page failed too", again);
        }
        return ("<!DOCTYPE html>\n<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\"><title>500 · paraterm</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/paraterm.css\"></head><body><main><h1>500</h1><p>"
                + MESSAGE + "</p><p><a href=\"/\">首页 Home</a></p></main></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
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
