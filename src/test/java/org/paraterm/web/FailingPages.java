package org.paraterm.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.util.Map;

/**
 * Pages and an API route that fail, for {@link UnexpectedErrorTest} only: present in a server
 * started with {@code paraterm.test.failing-pages=true}, never in the product (test sources).
 */
@Requires(property = "paraterm.test.failing-pages", value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/test-failures")
public class FailingPages {

    /** A template that throws while it is rendered, after the controller has returned. */
    @Get("/rendering")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> failsWhileRendering() {
        return new ModelAndView<>("test/broken", Map.of("zero", 0));
    }

    /** The same, run on the blocking executor like the database-backed pages. */
    @Get("/rendering-blocking")
    @Produces(MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public ModelAndView<Map<String, Object>> failsWhileRenderingOnTheBlockingExecutor() {
        return new ModelAndView<>("test/broken", Map.of("zero", 0));
    }

    /** A controller that throws an exception whose message names internals. */
    @Get("/controller")
    @Produces(MediaType.TEXT_HTML)
    public String failsInTheController() {
        throw new IllegalStateException("org.paraterm.secret.Internal: table entry_term is broken");
    }

    /** An API route that throws. */
    @Get("/api")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> failsInTheApi() {
        throw new IllegalStateException("org.paraterm.secret.Internal: table entry_term is broken");
    }
}
