package org.paraterm.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Checks a user name and password against the accounts: used by the login form and by HTTP Basic
 * authentication for scripts calling the API.
 */
@Singleton
public class UserAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private final UserStore users;

    public UserAuthenticationProvider(UserStore users) {
        this.users = users;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> authenticationRequest) {
        try {
            Optional<UserStore.User> user = users.authenticate(authenticationRequest.getIdentity(),
                    authenticationRequest.getSecret());
            return user.map(u -> AuthenticationResponse.success(u.username(), u.role().granted()))
                    .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
        } catch (SQLException e) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.UNKNOWN);
        }
    }
}
