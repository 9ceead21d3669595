package dev.omnigraph.domain.serving;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The grammar of a graph id on the served API: 1 to 64 ASCII letters, digits and hyphens (no underscores,
 * which the engine reserves; no separators; no unicode), and not one of the names that would collide with
 * server routes. A cluster graph whose id breaks it cannot be served and is quarantined at boot; a request
 * naming such an id is a 400.
 */
public final class ServedGraphIds {

    public static final int MAX_LENGTH = 64;
    private static final Pattern GRAMMAR = Pattern.compile("^[a-zA-Z0-9-]{1,64}$");
    private static final Set<String> RESERVED = Set.of("policies", "healthz", "openapi", "graphs");

    private ServedGraphIds() {}

    /** Why {@code graphId} is not a servable graph id, or empty when it is. */
    public static Optional<String> problem(String graphId) {
        if (graphId.isEmpty()) {
            return Optional.of("graph_id must not be empty");
        }
        if (graphId.length() > MAX_LENGTH) {
            return Optional.of("graph_id '" + graphId + "' is " + graphId.length() + " chars; max " + MAX_LENGTH);
        }
        if (!GRAMMAR.matcher(graphId).matches()) {
            return Optional.of("graph_id '" + graphId + "' must match ^[a-zA-Z0-9-]{1,64}$ — no underscores (engine "
                    + "reserves them), no path separators, no unicode");
        }
        if (RESERVED.contains(graphId)) {
            return Optional.of("graph_id '" + graphId + "' is reserved (would collide with engine-managed names or "
                    + "future cluster routes)");
        }
        return Optional.empty();
    }
}
