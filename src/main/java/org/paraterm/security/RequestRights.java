package org.paraterm.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.session.SessionAuthenticationFetcher;
import io.micronaut.session.Session;
import io.micronaut.session.http.SessionForRequest;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who makes a request, and with which rights, read afresh from the accounts on every request
 * (Micronaut's session and Basic fetchers are switched off in favour of this one):
 *
 * <ul>
 *   <li>With an {@code Authorization} header, only that header can authenticate the request: HTTP
 *       Basic is checked through {@link SignIns} (throttled, on a small pool of its own so that a
 *       flood of guesses neither blocks Netty's event loop nor takes the workers that serve pages);
 *       a request whose Basic credentials are refused is refused on every route
 *       ({@link RefusedCredentialsRule}), and any other scheme leaves it anonymous, even if it
 *       carries a session cookie. This is what lets {@link CsrfFilter} skip the token for Basic
 *       requests.</li>
 *   <li>Otherwise the session's sign-in names the account, and the account as it is now gives the
 *       rights: a changed role applies at the next request; a switched-off account, or a password
 *       changed or reset since the sign-in (the session's credential no longer matches), ends the
 *       session — on every instance, since both live in the database.</li>
 * </ul>
 *
 * An account that must change its one-time password gets no role until it has: it can reach only
 * its account page, the password change and sign-out.
 */
@Singleton
@Replaces(SessionAuthenticationFetcher.class)
public class RequestRights implements AuthenticationFetcher<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(RequestRights.class);

    /** The attribute of a session's sign-in holding the account's credential fingerprint at sign-in. */
    static final String CREDENTIAL = "credential";
    /** The attribute of a request's authentication saying the one-time password is still to be changed. */
    public static final String MUST_CHANGE = "mustChangePassword";
    /** The request attribute set when a Basic sign-in was refused by the throttle: seconds to wait. */
    public static final String BLOCKED_SECONDS = "paraterm.sign-in.blocked";
    /** The request attribute set when its Basic credentials were refused for any reason ({@link RefusedCredentialsRule}). */
    static final String REFUSED = "paraterm.sign-in.refused";

    private final UserStore users;
    private final SignIns signIns;
    private final HttpClientAddressResolver addresses;
    private final ExecutorService blocking;
    private final ExecutorService hashing;

    public RequestRights(UserStore users, SignIns signIns, HttpClientAddressResolver addresses,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.users = users;
        this.signIns = signIns;
        this.addresses = addresses;
        this.blocking = blocking;
        this.hashing = hashingPool();
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            Optional<String[]> basic = basicCredentials(authorization);
            if (basic.isEmpty()) {
                return Publishers.empty();
            }
            String address = addresses.resolve(request);
            request.setAttribute(REFUSED, true);
            return later(() -> basic(request, basic.get()[0], basic.get()[1], address), hashing);
        }
        Optional<Session> session = SessionForRequest.find(request);
        Optional<Authentication> signedIn = session.flatMap(s -> s.get(SecurityFilter.AUTHENTICATION, Authentication.class));
        if (signedIn.isEmpty()) {
            return Publishers.empty();
        }
        return later(() -> current(session.get(), signedIn.get()), blocking);
    }

    /** The rights of a signed-in account as they are now, or null when its session has ended. */
    private Authentication current(Session session, Authentication signedIn) throws Exception {
        Optional<UserStore.User> user = users.find(signedIn.getName());
        if (user.isPresent() && user.get().active()
                && user.get().credential().equals(signedIn.getAttributes().get(CREDENTIAL))) {
            return of(user.get());
        }
        session.remove(SecurityFilter.AUTHENTICATION);
        return null;
    }

    private Authentication basic(HttpRequest<?> request, String username, String password, String address)
            throws Exception {
        SignIns.Outcome outcome = signIns.attempt(username, password, address);
        if (outcome instanceof SignIns.Accepted accepted) {
            request.removeAttribute(REFUSED, Boolean.class);
            return of(accepted.user());
        }
        if (outcome instanceof SignIns.Blocked blocked) {
            request.setAttribute(BLOCKED_SECONDS, blocked.seconds());
        }
        return null;
    }

    /** What a sign-in session keeps: the name, and the credential it was made with. */
    static Authentication signIn(UserStore.User user) {
        return Authentication.build(user.username(), List.of(), Map.of(CREDENTIAL, user.credential()));
    }

    /** A request's authentication for an account as it is now. */
    static Authentication of(UserStore.User user) {
        boolean mustChange = user.mustChangePassword();
        return Authentication.build(user.username(), mustChange ? List.of() : user.role().granted(),
                Map.of(MUST_CHANGE, mustChange));
    }

    /** The user name and password of a Basic header, if it is one that can be read. */
    static Optional<String[]> basicCredentials(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private interface Work {
        Authentication run() throws Exception;
    }

    /** Runs the work off the event loop; a failure (or a full pool) gives no authentication. */
    private static Publisher<Authentication> later(Work work, ExecutorService executor) {
        return Publishers.fromCompletableFuture(() -> {
            try {
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        return work.run();
                    } catch (Exception e) {
                        LOG.warn("authentication could not be read: {}", e.toString());
                        return null;
                    }
                }, executor);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.warn("too many sign-ins waiting; one was answered as anonymous");
                return CompletableFuture.completedFuture(null);
            }
        });
    }

    /**
     * Password checks run on half the processors (at least one), with at most 64 waiting: the
     * workers that serve pages never wait behind a flood of guesses.
     */
    private static ExecutorService hashingPool() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), runnable -> {
            Thread thread = new Thread(runnable, "paraterm-sign-in-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void close() {
        hashing.shutdownNow();
    }

    @Override
    public int getOrder() {
        return SessionAuthenticationFetcher.ORDER;
    }
}
