package org.paraterm.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import java.util.Map;

/** {@code GET /health}: 200 once the server is ready, 503 while it is still loading. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/health")
public class HealthController {

    private final Readiness readiness;

    public HealthController(Readiness readiness) {
        this.readiness = readiness;
    }

    @Get
    public HttpResponse<Map<String, String>> health() {
        return readiness.isReady()
                ? HttpResponse.ok(Map.of("status", "UP"))
                : HttpResponse.<Map<String, String>>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE)
                        .body(Map.of("status", "STARTING"));
    }
}
