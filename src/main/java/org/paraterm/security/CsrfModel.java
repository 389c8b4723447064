package org.paraterm.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.session.http.SessionForRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts the session's CSRF token into every page rendered for a visitor with a session, as
 * {@code csrf}, so any form on the page (the sign-out button in the header, review actions) can
 * carry it, and {@code canReview} for the header's review link. Visitors without a session get no
 * token and no session is created for them.
 */
@Singleton
public class CsrfModel implements ViewModelProcessor<Map<String, Object>> {

    private final Csrf csrf;

    public CsrfModel(Csrf csrf) {
        this.csrf = csrf;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        boolean reviewer = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getRoles().contains(Role.TERMINOLOGIST.name())).orElse(false);
        boolean admin = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getRoles().contains(Role.ADMIN.name())).orElse(false);
        // A copy, because many read-only pages (error pages among them) hand over Map.of models;
        // they need the header's flags and token as much as any other page.
        modelAndView.getModel().ifPresent(model -> {
            Map<String, Object> page = new HashMap<>(model);
            page.putIfAbsent("canReview", reviewer);
            page.putIfAbsent("canAdminister", admin);
            SessionForRequest.find(request).ifPresent(session -> page.putIfAbsent("csrf", csrf.token(session)));
            modelAndView.setModel(page);
        });
    }
}
