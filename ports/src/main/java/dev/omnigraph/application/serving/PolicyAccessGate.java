package dev.omnigraph.application.serving;

import dev.omnigraph.application.access.AccessControl;
import dev.omnigraph.domain.policy.AccessDecision;
import dev.omnigraph.domain.policy.AccessRequest;
import dev.omnigraph.domain.policy.PolicyAction;
import dev.omnigraph.domain.policy.PolicyScope;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ApiErrorCode;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.domain.serving.ServingException;
import java.util.Optional;

/**
 * The access gate of a served revision: each question becomes an {@link AccessRequest} for the graph's
 * (or the server's) scope and is decided by {@link AccessControl} — Cedar where a bundle is bound, the
 * runtime state's default elsewhere. Denials become 401/403 API errors with the decision's message; an
 * engine failure is a 500 {@code policy: …}.
 */
public final class PolicyAccessGate implements AccessGate {

    private final AccessControl access;

    public PolicyAccessGate(AccessControl access) {
        this.access = access;
    }

    @Override
    public void checkGraph(Caller caller, String graphId, PolicyAction action, Optional<String> branch,
                           Optional<String> targetBranch) {
        enforce(access.authorize(PolicyScope.graph(graphId),
                new AccessRequest(caller.actor(), action, branch, targetBranch)));
    }

    @Override
    public void checkServer(Caller caller, PolicyAction action) {
        enforce(access.authorize(PolicyScope.server(),
                new AccessRequest(caller.actor(), action, Optional.empty(), Optional.empty())));
    }

    @Override
    public boolean allowsInvoke(Caller caller, String graphId) {
        AccessDecision decision = access.authorize(PolicyScope.graph(graphId),
                new AccessRequest(caller.actor(), PolicyAction.INVOKE_QUERY, Optional.empty(), Optional.empty()));
        // only a policy denial (403) hides the query; a missing token stays a 401 and an engine failure a 500
        boolean hidden = decision instanceof AccessDecision.Denied denied && denied.status() == AccessDecision.FORBIDDEN;
        if (!hidden) {
            enforce(decision);
        }
        return decision.allowed();
    }

    private static void enforce(AccessDecision decision) {
        if (decision instanceof AccessDecision.Denied denied) {
            throw new ServingException(denied.status() == AccessDecision.UNAUTHORIZED
                    ? ApiError.unauthorized(denied.message()) : ApiError.forbidden(denied.message()));
        }
        if (decision instanceof AccessDecision.Failed failed) {
            throw new ServingException(ApiError.of(500, ApiErrorCode.INTERNAL, failed.message()));
        }
    }
}
