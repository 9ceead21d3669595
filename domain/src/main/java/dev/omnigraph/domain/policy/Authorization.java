package dev.omnigraph.domain.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The server's authorization decision for one request, given the scope it is asked in, whether a policy
 * engine is bound to that scope and, when one is and the request has an actor, that engine's verdict.
 *
 * <ul>
 *   <li>No engine bound. A server-scoped action ({@code graph_list}) is denied in every runtime state, Open
 *   included: the registry reveals server topology and needs an explicit cluster-bound bundle. Otherwise an
 *   authenticated actor may only {@code read} (default-deny: tokens but no bundle), and a request without an
 *   actor is allowed (the server is Open: bearer authentication, which runs first, would have refused it
 *   otherwise).</li>
 *   <li>Engine bound. No actor is a 401; an actor in no group of the bundle, or one no rule allows, is
 *   denied with a message naming action, branches and actor; an engine failure is a 500.</li>
 * </ul>
 * All denials except the 401 are 403s. The messages are the reference's, word for word, because clients
 * and operators match on them.
 */
public final class Authorization {

    public static final String MISSING_BEARER_TOKEN = "missing bearer token";

    public static final String SERVER_SCOPED_ACTIONS_CLOSED = "server-scoped actions require an explicit cluster "
            + "policy bundle applied with `omnigraph cluster apply` and served after restart — the management "
            + "surface is closed by default in every runtime state, including --unauthenticated, so that server "
            + "topology is never exposed without operator opt-in.";

    public static final String DEFAULT_DENY_READ_ONLY = "server runs in default-deny mode (bearer tokens "
            + "configured but no applied policy bundle). Only `read` actions are permitted; configure a graph or "
            + "cluster policy bundle in the cluster config, run `omnigraph cluster apply`, and restart the server "
            + "to enable other actions.";

    /** Asks the engine bound to the scope; called only when the request has an actor. */
    @FunctionalInterface
    public interface VerdictSource {
        PolicyVerdict verdictFor(String actor, AccessRequest request);
    }

    private Authorization() {
    }

    /**
     * @param boundEngine the scope's engine, empty when no bundle is bound to the scope
     * @throws IllegalArgumentException when the action is not of the scope's kind (a server-scoped action
     *     asked of a graph, or the reverse): a routing bug, not a denial
     */
    public static AccessDecision decide(PolicyScope scope, AccessRequest request,
                                        Optional<? extends VerdictSource> boundEngine) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(boundEngine, "boundEngine");
        if (request.action().kind() != scope.kind()) {
            throw new IllegalArgumentException("the " + request.action().kind().adjective() + " action '"
                    + request.action() + "' cannot be authorized in the " + scope.kind().wireName() + " scope "
                    + scope);
        }
        if (boundEngine.isEmpty()) {
            return decideWithoutEngine(request);
        }
        if (request.actor().isEmpty()) {
            return forbidden(AccessDecision.UNAUTHORIZED, MISSING_BEARER_TOKEN, Optional.empty());
        }
        String actor = request.actor().get();
        PolicyVerdict verdict = Objects.requireNonNull(boundEngine.get().verdictFor(actor, request), "verdict");
        if (verdict instanceof PolicyVerdict.Permitted permitted) {
            return new AccessDecision.Allowed(Optional.of(permitted.matchedRuleId()));
        }
        if (verdict instanceof PolicyVerdict.NotPermitted notPermitted) {
            return forbidden(AccessDecision.FORBIDDEN, deniedMessage(actor, request), notPermitted.matchedRuleId());
        }
        if (verdict instanceof PolicyVerdict.UnknownActor) {
            return forbidden(AccessDecision.FORBIDDEN, "policy denied action '" + request.action()
                    + "' for unknown actor '" + actor + "'", Optional.empty());
        }
        return new AccessDecision.Failed("policy: " + ((PolicyVerdict.EvaluationFailed) verdict).reason());
    }

    private static AccessDecision decideWithoutEngine(AccessRequest request) {
        if (request.action().kind() == PolicyKind.SERVER) {
            return forbidden(AccessDecision.FORBIDDEN, SERVER_SCOPED_ACTIONS_CLOSED, Optional.empty());
        }
        if (request.actor().isPresent() && request.action() != PolicyAction.READ) {
            return forbidden(AccessDecision.FORBIDDEN, DEFAULT_DENY_READ_ONLY, Optional.empty());
        }
        return new AccessDecision.Allowed(Optional.empty());
    }

    /** {@code policy denied action 'X'[ on branch 'b'][ targeting branch 't'] for actor 'A'}. */
    static String deniedMessage(String actor, AccessRequest request) {
        return "policy denied action '" + request.action() + "'"
                + request.branch().map(branch -> " on branch '" + branch + "'").orElse("")
                + request.targetBranch().map(target -> " targeting branch '" + target + "'").orElse("")
                + " for actor '" + actor + "'";
    }

    private static AccessDecision forbidden(int status, String message, Optional<String> matchedRuleId) {
        return new AccessDecision.Denied(status, message, matchedRuleId);
    }
}
