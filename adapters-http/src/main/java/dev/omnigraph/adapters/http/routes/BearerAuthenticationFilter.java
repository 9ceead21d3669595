package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteMatch;
import java.util.Optional;

/**
 * Authenticates every request to {@code /graphs} and {@code /graphs/…} through the use case and puts the
 * resulting {@link Caller} on the request ({@link #CALLER_ATTRIBUTE}); a refusal (401) answers before any
 * body is read. Only the {@code Authorization} header counts: client-supplied identity headers such as
 * {@code X-Actor-Id} are never read. This filter decides nothing about access, which is the use case's.
 *
 * <p>A request that matches no route is let through unauthenticated so it gets the same 404 as any unknown
 * path. The header value is never logged.
 */
@ServerFilter({"/graphs", "/graphs/**"})
final class BearerAuthenticationFilter {

    /** The request attribute holding the authenticated {@link Caller}. */
    static final String CALLER_ATTRIBUTE = "omnigraph.caller";

    private final ServeGraphsUseCase serving;

    BearerAuthenticationFilter(ServeGraphsUseCase serving) {
        this.serving = serving;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void authenticate(MutableHttpRequest<?> request, @Nullable RouteMatch<?> route) {
        if (route == null) {
            return;
        }
        Caller caller = serving.authenticate(Optional.ofNullable(request.getHeaders().get(HttpHeaders.AUTHORIZATION)));
        request.setAttribute(CALLER_ATTRIBUTE, caller);
    }
}
