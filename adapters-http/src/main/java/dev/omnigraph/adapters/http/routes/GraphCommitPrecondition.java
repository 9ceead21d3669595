package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ServingException;
import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Omnigraph-If-Graph-Commit} header: one raw graph commit id, accepted only by the dedicated
 * {@code …/if-graph-commit} routes. Ordinary write routes refuse it, so a client never believes a write was
 * conditional when the server ignored the condition (an older server answers the dedicated route with 404).
 */
final class GraphCommitPrecondition {

    static final String HEADER = "Omnigraph-If-Graph-Commit";

    private GraphCommitPrecondition() {}

    /** The expected head the conditional routes require (400 when missing or malformed). */
    static String required(HttpRequest<?> request) {
        return present(request).orElseThrow(() -> new ServingException(ApiError.badRequest(
                HEADER + " is required on this conditional mutation route")));
    }

    /** Refuses (400) the header on an ordinary route, naming the route that honours it. */
    static void refuse(HttpRequest<?> request, String conditionalRoute) {
        if (request.getHeaders().contains(HEADER)) {
            throw new ServingException(ApiError.badRequest(
                    HEADER + " requires the fail-closed conditional route " + conditionalRoute));
        }
    }

    private static Optional<String> present(HttpRequest<?> request) {
        List<String> values = request.getHeaders().getAll(HEADER);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new ServingException(ApiError.badRequest(HEADER + " must be sent exactly once"));
        }
        String value = values.get(0).strip();
        if (value.isEmpty()) {
            throw new ServingException(ApiError.badRequest(HEADER + " must name a graph commit id"));
        }
        if (value.equals("*") || value.startsWith("W/") || value.startsWith("\"") || value.endsWith("\"")
                || value.contains(",")) {
            throw new ServingException(ApiError.badRequest(
                    HEADER + " must contain one raw graph commit id, not entity-tag syntax"));
        }
        return Optional.of(value);
    }
}
