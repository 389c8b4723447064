package org.paraterm.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.MediaType;
import io.micronaut.views.ModelAndView;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Error pages that say what went wrong for the user and never show internals. */
@Controller
public class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    @Produces(MediaType.TEXT_HTML)
    @Error(status = HttpStatus.NOT_FOUND, global = true)
    public HttpResponse<ModelAndView<Map<String, Object>>> notFound(HttpRequest<?> request) {
        return HttpResponse.notFound(new ModelAndView<>("errors/page",
                Map.of("status", 404, "message", "找不到此页 Page not found")));
    }

    @Produces(MediaType.TEXT_HTML)
    @Error(global = true)
    public HttpResponse<ModelAndView<Map<String, Object>>> failure(HttpRequest<?> request, Throwable error) {
        LOG.error("{} {} failed", request.getMethod(), request.getPath(), error);
        return HttpResponse.<ModelAndView<Map<String, Object>>>serverError().body(new ModelAndView<>("errors/page",
                Map.of("status", 500, "message", "服务器出错 Something went wrong on the server")));
    }
}
