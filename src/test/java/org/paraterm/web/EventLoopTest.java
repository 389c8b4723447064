package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;

/**
 * Nothing slow on Netty's event loop: a route that reads the database, the index or an upload, or
 * computes a page, runs on the blocking executor. On the loop, one slow request holds up every
 * connection the loop serves; an admin's upload with its re-mining held /health for 21 s.
 */
class EventLoopTest {

    /** Routes that answer from memory at once; /health must, to show that the loop is free. */
    private static final Set<String> ON_THE_LOOP = Set.of("GET /health");

    @Test
    void shouldRunEveryRouteOfParatermButHealthOnTheBlockingExecutor(@TempDir Path temp) throws Exception {
        TreeSet<String> onTheLoop = new TreeSet<>();
        TreeSet<String> all = new TreeSet<>();
        try (EmbeddedServer server = TestServer.in(temp).start()) {
            server.getApplicationContext().getBean(Router.class).uriRoutes()
                    .filter(route -> !route.getHttpMethod().name().equals("HEAD"))
                    .filter(route -> route.getDeclaringType().getName().startsWith("org.paraterm."))
                    .forEach(route -> {
                        String name = route.getHttpMethod() + " " + route.getUriMatchTemplate().toPathString();
                        all.add(name);
                        if (!TaskExecutors.BLOCKING.equals(executor(route))) {
                            onTheLoop.add(name + " (" + route.getDeclaringType().getSimpleName() + ")");
                        }
                    });
        }

        assertThat(all).contains("POST /admin/corpus", "POST /admin/corpus/parallel", "POST /check",
                "GET /concordance/parallel", "GET /api/concordance/parallel", "GET /concordance.csv");
        assertThat(onTheLoop).containsExactlyElementsOf(ON_THE_LOOP.stream().map(r -> r + " (HealthController)")
                .toList());
    }

    private static String executor(UriRouteInfo<?, ?> route) {
        return route.getAnnotationMetadata().stringValue(ExecuteOn.class).orElse(null);
    }
}
