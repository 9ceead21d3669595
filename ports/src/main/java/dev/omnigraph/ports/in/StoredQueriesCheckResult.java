package dev.omnigraph.ports.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param checked how many stored queries were type-checked
 * @param breakages queries that no longer compile against their graph's applied schema (a server would quarantine
 *     that graph)
 * @param warnings what compiles but deserves a look (the linter's per-query warnings)
 * @param refusal why nothing could be checked (see {@link StoredQueriesResult#refusal()}, or a graph that does
 *     not open)
 */
public record StoredQueriesCheckResult(String cluster, int checked, List<Issue> breakages, List<Issue> warnings,
                                       Optional<String> refusal) {
    public StoredQueriesCheckResult {
        Objects.requireNonNull(cluster, "cluster");
        breakages = List.copyOf(breakages);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(refusal, "refusal");
    }

    /** True when every query compiles and nothing refused the check. */
    public boolean ok() {
        return refusal.isEmpty() && breakages.isEmpty();
    }

    /** A finding about one stored query. */
    public record Issue(String graphId, String query, String message) {
        public Issue {
            Objects.requireNonNull(graphId, "graphId");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(message, "message");
        }
    }
}
