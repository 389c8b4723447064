package org.paraterm.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a page into bytes at once, with the model decorated as the views filter decorates it
 * (the header's links and form token). For the answers that do not pass the views filter: a
 * request refused while its body is read (larger than {@code micronaut.server.max-request-size})
 * is answered outside the filter chain, where a {@code ModelAndView} cannot be encoded and became
 * a 500; and the error page of {@link RenderedPageFilter}.
 */
@Singleton
public class PageRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(PageRenderer.class);

    private final ViewsRendererLocator renderers;
    private final ViewsModelDecorator decorator;

    public PageRenderer(ViewsRendererLocator renderers, ViewsModelDecorator decorator) {
        this.renderers = renderers;
        this.decorator = decorator;
    }

    /** A response with the page as HTML; the error page instead if the page cannot be rendered. */
    public HttpResponse<byte[]> respond(HttpRequest<?> request, HttpStatus status, String view,
                                        Map<String, Object> model) {
        byte[] html;
        try {
            html = render(request, view, model);
        } catch (IOException | RuntimeException failure) {
            LOG.error("{} {}: the page {} could not be rendered", request.getMethod(), request.getPath(), view, failure);
            html = errorPage(request, status.getCode(), RenderedPageFilter.MESSAGE);
        }
        return HttpResponse.<byte[]>status(status).contentType(MediaType.TEXT_HTML_TYPE.getName() + ";charset=utf-8")
                .body(html);
    }

    /** The usual error page; a fixed one when that fails too (a broken layout fragment). */
    byte[] errorPage(HttpRequest<?> request, int status, String message) {
        try {
            return render(request, "errors/page", Map.of("status", status, "message", message));
        } catch (IOException | RuntimeException again) {
            LOG.error("the error page failed too", again);
        }
        return ("<!DOCTYPE html>\n<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\"><title>" + status
                + " · paraterm</title><link rel=\"stylesheet\" href=\"/assets/paraterm.css\"></head><body><main><h1>"
                + status + "</h1><p>" + RenderedPageFilter.MESSAGE + "</p><p><a href=\"/\">首页 Home</a></p></main>"
                + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private byte[] render(HttpRequest<?> request, String view, Map<String, Object> model) throws IOException {
        ModelAndView<Map<String, Object>> page = new ModelAndView<>(view, new HashMap<>(model));
        decorator.decorate(request, page);
        Map<String, Object> decorated = page.getModel().orElseThrow();
        Optional<ViewsRenderer> renderer = renderers.resolveViewsRenderer(view, MediaType.TEXT_HTML, decorated);
        if (renderer.isEmpty()) {
            throw new IllegalStateException("no renderer for the view " + view);
        }
        ViewsRenderer<Object, HttpRequest<?>> html = renderer.get();
        Writable writable = html.render(view, decorated, request);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        writable.writeTo(out, StandardCharsets.UTF_8);
        return out.toByteArray();
    }
}
