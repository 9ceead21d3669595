package dev.omnigraph.adapters.policy;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.entity.Entities;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.model.schema.Schema;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import dev.omnigraph.domain.policy.AccessRequest;
import dev.omnigraph.domain.policy.CedarPolicyText;
import dev.omnigraph.domain.policy.PolicyBundle;
import dev.omnigraph.domain.policy.PolicyScope;
import dev.omnigraph.domain.policy.PolicyVerdict;
import dev.omnigraph.domain.policy.RequestContext;
import dev.omnigraph.ports.out.PolicyDecider;
import dev.omnigraph.ports.out.PolicyEvaluationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One bundle compiled for one scope on cedar-java. An actor in no group is answered {@code UnknownActor}
 * before Cedar runs; otherwise the request goes to the Cedar authorizer with schema validation of the
 * request on, and the answer's reasons (policy ids) map back to rule ids, the least one reported.
 * Immutable; the Cedar authorizer is stateless, so concurrent evaluation is safe.
 */
final class CedarPolicyDecider implements PolicyDecider {

    private final PolicyScope scope;
    private final PolicyBundle bundle;
    private final AuthorizationEngine cedar;
    private final Schema schema;
    private final PolicySet policySet;
    private final Entities entities;
    private final Map<String, String> ruleOfPolicy;

    CedarPolicyDecider(PolicyScope scope, PolicyBundle bundle, AuthorizationEngine cedar, Schema schema,
                       PolicySet policySet, Entities entities, Map<String, String> ruleOfPolicy) {
        this.scope = scope;
        this.bundle = bundle;
        this.cedar = cedar;
        this.schema = schema;
        this.policySet = policySet;
        this.entities = entities;
        this.ruleOfPolicy = Map.copyOf(ruleOfPolicy);
    }

    @Override
    public PolicyScope scope() {
        return scope;
    }

    @Override
    public PolicyVerdict evaluate(AccessRequest request) {
        String actor = request.actor().orElseThrow(() -> new IllegalArgumentException(
                "a policy decider evaluates requests with an actor; a request without one is decided before"));
        if (request.action().kind() != scope.kind()) {
            throw new IllegalArgumentException("the " + request.action().kind().adjective() + " action '"
                    + request.action() + "' is not evaluated by the decider of " + scope);
        }
        if (!bundle.isKnownActor(actor)) {
            return new PolicyVerdict.UnknownActor();
        }
        AuthorizationRequest cedarRequest = new AuthorizationRequest(
                CedarPolicyEngine.uid(CedarPolicyText.ACTOR_TYPE, actor),
                CedarPolicyEngine.uid(CedarPolicyText.ACTION_TYPE, request.action().wireName()),
                CedarPolicyEngine.uid(CedarPolicyText.resourceType(request.action()),
                        CedarPolicyText.resourceId(request.action(), scope)),
                Optional.of(context(RequestContext.of(bundle, request))),
                Optional.of(schema),
                true);
        AuthorizationResponse response;
        try {
            response = cedar.isAuthorized(cedarRequest, policySet, entities);
        } catch (AuthException | RuntimeException | LinkageError failed) {
            throw new PolicyEvaluationException("policy evaluation failed: " + failed.getMessage(), failed);
        }
        if (response.success.isEmpty()) {
            List<String> errors = new ArrayList<>();
            response.errors.ifPresent(list -> list.forEach(error -> errors.add(CedarPolicyEngine.describe(error))));
            throw new PolicyEvaluationException("policy evaluation failed:\n" + String.join("\n", errors));
        }
        AuthorizationSuccessResponse answer = response.success.get();
        if (!answer.getErrors().isEmpty()) {
            List<String> errors = new ArrayList<>();
            answer.getErrors().forEach(error -> errors.add(error.getPolicyId() + ": "
                    + CedarPolicyEngine.describe(error.getError())));
            throw new PolicyEvaluationException("policy evaluation failed:\n" + String.join("\n", errors));
        }
        Optional<String> matchedRule = answer.getReason().stream()
                .map(ruleOfPolicy::get)
                .filter(rule -> rule != null)
                .min(String::compareTo);
        if (answer.isAllowed()) {
            return new PolicyVerdict.Permitted(matchedRule.orElseThrow(() -> new PolicyEvaluationException(
                    "Cedar allowed a request without naming a known policy: " + answer.getReason())));
        }
        return new PolicyVerdict.NotPermitted(matchedRule);
    }

    private static Map<String, Value> context(RequestContext context) {
        Map<String, Value> values = new HashMap<>();
        context.attributes().forEach((name, value) -> values.put(name, value instanceof Boolean flag
                ? new PrimBool(flag) : new PrimString((String) value)));
        return values;
    }

    @Override
    public String toString() {
        return "CedarPolicyDecider[" + scope + ", " + ruleOfPolicy.size() + " policies]";
    }
}
