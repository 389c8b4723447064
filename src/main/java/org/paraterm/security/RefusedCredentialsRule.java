package org.paraterm.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * A request whose HTTP Basic credentials were refused (wrong, unknown, throttled, or too many
 * waiting to be checked) is refused on every route, public ones included, before any other rule
 * is asked: 401, or 429 with Retry-After when throttled. Serving such requests as anonymous made a
 * flood of wrong passwords cost as much as a flood of page views.
 */
@Singleton
public class RefusedCredentialsRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication authentication) {
        boolean refused = authentication == null && request.getAttribute(RequestRights.REFUSED).isPresent();
        return Publishers.just(refused ? SecurityRuleResult.REJECTED : SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
