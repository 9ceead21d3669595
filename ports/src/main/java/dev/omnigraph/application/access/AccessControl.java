package dev.omnigraph.application.access;

import dev.omnigraph.domain.policy.AccessDecision;
import dev.omnigraph.domain.policy.AccessRequest;
import dev.omnigraph.domain.policy.Authorization;
import dev.omnigraph.domain.policy.PolicyBundle;
import dev.omnigraph.domain.policy.PolicyScope;
import dev.omnigraph.domain.policy.PolicyVerdict;
import dev.omnigraph.ports.out.PolicyDecider;
import dev.omnigraph.ports.out.PolicyEngine;
import dev.omnigraph.ports.out.PolicyEvaluationException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy deciders of a served revision, one per governed scope (a graph with a bound bundle, or the
 * server with the {@code cluster}-bound bundle), and the single place a request is authorized:
 * {@link #authorize} asks the scope's decider only when the domain's decision needs it and returns that
 * decision. A scope without a decider behaves as the runtime state says (Open, or default-deny for a
 * request with an actor; the registry listing is closed either way).
 *
 * <p>Every decision is logged at INFO with scope, actor, action, branch, target branch, whether it was
 * allowed and the matched rule id; tokens never reach this class. An engine failure is logged at WARN and
 * answered as {@link AccessDecision.Failed}. Immutable and thread-safe.
 */
public final class AccessControl {

    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

    private final Map<PolicyScope, PolicyDecider> deciders;

    /** @throws IllegalArgumentException when two deciders govern the same scope */
    public AccessControl(Collection<? extends PolicyDecider> deciders) {
        Map<PolicyScope, PolicyDecider> byScope = new LinkedHashMap<>();
        for (PolicyDecider decider : deciders) {
            if (byScope.putIfAbsent(decider.scope(), decider) != null) {
                throw new IllegalArgumentException("two policy deciders govern " + decider.scope());
            }
        }
        this.deciders = Collections.unmodifiableMap(byScope);
    }

    /** No scope governed by a bundle: every decision comes from the runtime state alone. */
    public static AccessControl withoutPolicies() {
        return new AccessControl(List.of());
    }

    /**
     * Compiles each scope's bundle with the engine.
     *
     * @throws dev.omnigraph.ports.out.PolicyCompilationException when a bundle does not compile for its scope
     */
    public static AccessControl compile(PolicyEngine engine, Map<PolicyScope, PolicyBundle> bundles) {
        Objects.requireNonNull(engine, "engine");
        return new AccessControl(bundles.entrySet().stream()
                .map(entry -> engine.compile(entry.getValue(), entry.getKey()))
                .toList());
    }

    /** Whether any scope is governed by a bundle (the runtime classification's "policy configured"). */
    public boolean hasPolicy() {
        return !deciders.isEmpty();
    }

    public boolean governs(PolicyScope scope) {
        return deciders.containsKey(scope);
    }

    public Set<PolicyScope> governedScopes() {
        return deciders.keySet();
    }

    /**
     * @throws IllegalArgumentException when the request's action is not of the scope's kind (a routing bug)
     */
    public AccessDecision authorize(PolicyScope scope, AccessRequest request) {
        Optional<Authorization.VerdictSource> engine = Optional.ofNullable(deciders.get(scope))
                .map(decider -> (actor, asked) -> evaluate(decider, asked));
        AccessDecision decision = Authorization.decide(scope, request, engine);
        LOG.info("policy decision: scope={} actor={} action={} branch={} target_branch={} allowed={} matched_rule_id={}",
                scope, request.actor().orElse(""), request.action(), request.branch().orElse(""),
                request.targetBranch().orElse(""), decision.allowed(), decision.matchedRuleId().orElse(""));
        return decision;
    }

    private static PolicyVerdict evaluate(PolicyDecider decider, AccessRequest request) {
        try {
            return decider.evaluate(request);
        } catch (PolicyEvaluationException failed) {
            LOG.warn("policy evaluation failed in {} for action {}: {}", decider.scope(), request.action(),
                    failed.getMessage());
            return new PolicyVerdict.EvaluationFailed(failed.getMessage());
        }
    }
}
