package org.paraterm.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;

/**
 * Refuses an address longer than {@code paraterm.max-address-bytes} (8 KB: about 900 Chinese
 * characters in a query) with a 414 that says so, before any page or API reads the query. The
 * usual cause is a whole text pasted into a search box. Netty's own limit on the request line
 * ({@code micronaut.server.netty.max-initial-line-length}) is set far above this one (1 MB),
 * because a line over Netty's limit gets only a bare 413 from Micronaut, and a status page for it
 * cannot be rendered.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class LongAddressFilter implements Ordered {

    private final int maxBytes;

    public LongAddressFilter(@Value("${paraterm.max-address-bytes:8192}") int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        // The raw address is ASCII (percent-encoded), so its length is its size in bytes.
        int length = request.getUri().toString().length();
        if (length <= maxBytes) {
            return null;
        }
        String message = "请求地址过长 The address is too long (" + length + " bytes): a query may take at most "
                + maxBytes + " bytes in the address (about " + maxBytes / 9 + " Chinese characters);"
                + " shorten it, or check a long text at /check";
        boolean page = !request.getPath().startsWith("/api/")
                && request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
        if (!page) {
            return HttpResponse.status(HttpStatus.REQUEST_URI_TOO_LONG).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("error", message));
        }
        // A fixed page written out here: the message holds nothing from the request but its length.
        return HttpResponse.status(HttpStatus.REQUEST_URI_TOO_LONG).contentType(MediaType.TEXT_HTML_TYPE)
                .body("<!DOCTYPE html>\n<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\"><title>414</title>"
                        + "<link rel=\"stylesheet\" href=\"/assets/paraterm.css\"></head><body><main><h1>414</h1><p>"
                        + message + "</p><p><a href=\"/\">paraterm</a></p></main></body></html>\n");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
