package dev.omnigraph.application.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.policy.AccessDecision;
import dev.omnigraph.domain.policy.AccessRequest;
import dev.omnigraph.domain.policy.Authorization;
import dev.omnigraph.domain.policy.PolicyAction;
import dev.omnigraph.domain.policy.PolicyBundle;
import dev.omnigraph.domain.policy.PolicyRule;
import dev.omnigraph.domain.policy.PolicyScope;
import dev.omnigraph.domain.policy.PolicyVerdict;
import dev.omnigraph.ports.out.PolicyDecider;
import dev.omnigraph.ports.out.PolicyEngine;
import dev.omnigraph.ports.out.PolicyEvaluationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Access control routes each request to the decider of its scope and nowhere else (a graph's bundle must not
 * answer for another graph or for the registry), asks it only when the decision needs it, and turns an
 * engine failure into a 500 rather than an allow or a deny.
 */
class AccessControlTest {

    private record FakeDecider(PolicyScope scope, Function<AccessRequest, PolicyVerdict> answer,
                               List<AccessRequest> asked) implements PolicyDecider {
        FakeDecider(PolicyScope scope, Function<AccessRequest, PolicyVerdict> answer) {
            this(scope, answer, new ArrayList<>());
        }

        @Override
        public PolicyVerdict evaluate(AccessRequest request) {
            asked.add(request);
            return answer.apply(request);
        }
    }

    private static final PolicyScope ALPHA = PolicyScope.graph("alpha");
    private static final PolicyScope BETA = PolicyScope.graph("beta");

    private static AccessRequest ask(String actor, PolicyAction action) {
        return AccessRequest.of(Optional.ofNullable(actor), action);
    }

    @Test
    void each_scope_is_answered_by_its_own_decider() {
        FakeDecider alpha = new FakeDecider(ALPHA, request -> new PolicyVerdict.Permitted("alpha-rule"));
        FakeDecider server = new FakeDecider(PolicyScope.server(), request -> PolicyVerdict.NotPermitted.noRule());
        AccessControl control = new AccessControl(List.of(alpha, server));

        assertEquals(new AccessDecision.Allowed(Optional.of("alpha-rule")),
                control.authorize(ALPHA, ask("act-a", PolicyAction.CHANGE).onBranch("main")));
        assertEquals(new AccessDecision.Denied(403, "policy denied action 'graph_list' for actor 'act-a'",
                Optional.empty()), control.authorize(PolicyScope.server(), ask("act-a", PolicyAction.GRAPH_LIST)));
        assertEquals(new AccessDecision.Denied(403, Authorization.DEFAULT_DENY_READ_ONLY, Optional.empty()),
                control.authorize(BETA, ask("act-a", PolicyAction.CHANGE)), "an unbound graph is default-deny");
        assertEquals(new AccessDecision.Allowed(Optional.empty()), control.authorize(BETA, ask("act-a", PolicyAction.READ)));
        assertEquals(1, alpha.asked().size());
        assertEquals(1, server.asked().size());
        assertTrue(control.hasPolicy());
        assertTrue(control.governs(ALPHA));
        assertFalse(control.governs(BETA));
        assertEquals(Set.of(ALPHA, PolicyScope.server()), control.governedScopes());
    }

    @Test
    void a_bound_scope_without_an_actor_is_401_without_asking() {
        FakeDecider alpha = new FakeDecider(ALPHA, request -> {
            throw new AssertionError("not to be asked");
        });
        AccessDecision decision = new AccessControl(List.of(alpha)).authorize(ALPHA, ask(null, PolicyAction.READ));
        assertEquals(new AccessDecision.Denied(401, "missing bearer token", Optional.empty()), decision);
    }

    @Test
    void an_engine_failure_is_a_500() {
        FakeDecider alpha = new FakeDecider(ALPHA, request -> {
            throw new PolicyEvaluationException("policy evaluation failed:\nentity not found");
        });
        assertEquals(new AccessDecision.Failed("policy: policy evaluation failed:\nentity not found"),
                new AccessControl(List.of(alpha)).authorize(ALPHA, ask("act-a", PolicyAction.READ)));
    }

    @Test
    void without_policies_the_runtime_state_decides() {
        AccessControl none = AccessControl.withoutPolicies();
        assertFalse(none.hasPolicy());
        assertEquals(new AccessDecision.Allowed(Optional.empty()), none.authorize(ALPHA, ask(null, PolicyAction.CHANGE)));
        assertEquals(new AccessDecision.Denied(403, Authorization.SERVER_SCOPED_ACTIONS_CLOSED, Optional.empty()),
                none.authorize(PolicyScope.server(), ask(null, PolicyAction.GRAPH_LIST)));
    }

    @Test
    void two_deciders_for_one_scope_are_refused() {
        FakeDecider one = new FakeDecider(ALPHA, request -> PolicyVerdict.NotPermitted.noRule());
        FakeDecider two = new FakeDecider(ALPHA, request -> PolicyVerdict.NotPermitted.noRule());
        assertThrows(IllegalArgumentException.class, () -> new AccessControl(List.of(one, two)));
    }

    @Test
    void compile_asks_the_engine_once_per_scope() {
        PolicyBundle bundle = PolicyBundle.of(Map.of("t", List.of("act-t")), List.of(),
                List.of(PolicyRule.allow("r", "t", PolicyAction.READ)));
        List<PolicyScope> compiled = new ArrayList<>();
        PolicyEngine engine = (compiledBundle, scope) -> {
            compiled.add(scope);
            assertEquals(bundle, compiledBundle);
            return new FakeDecider(scope, request -> new PolicyVerdict.Permitted("r"));
        };
        AccessControl control = AccessControl.compile(engine, Map.of(ALPHA, bundle, BETA, bundle));
        assertEquals(Set.of(ALPHA, BETA), Set.copyOf(compiled));
        assertEquals(Set.of(ALPHA, BETA), control.governedScopes());
    }

    @Test
    void a_request_in_the_wrong_scope_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> AccessControl.withoutPolicies()
                .authorize(ALPHA, ask("a", PolicyAction.GRAPH_LIST)));
    }
}
