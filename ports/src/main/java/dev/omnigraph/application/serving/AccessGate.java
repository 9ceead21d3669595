package dev.omnigraph.application.serving;

import dev.omnigraph.domain.policy.PolicyAction;
import dev.omnigraph.domain.serving.Caller;
import java.util.Optional;

/**
 * The authorization seam of the served surface: decides whether a caller may take an action, and
 * refuses with a {@link dev.omnigraph.domain.serving.ServingException} (401/403) when not.
 */
public interface AccessGate {

    /** A per-graph action on {@code graphId}, with the branch it reads or writes and the branch it targets. */
    void checkGraph(Caller caller, String graphId, PolicyAction action, Optional<String> branch, Optional<String> targetBranch);

    /** A server-scoped action ({@code graph_list}). */
    void checkServer(Caller caller, PolicyAction action);

    /** Whether {@code invoke_query} is allowed; a denial is reported as an unknown query, so this does not throw 403. */
    boolean allowsInvoke(Caller caller, String graphId);
}
