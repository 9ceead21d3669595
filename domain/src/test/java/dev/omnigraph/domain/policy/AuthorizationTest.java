package dev.omnigraph.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.access.Authentication;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The authorization decision is where a misconfigured server either leaks or locks out, so it is tested over
 * its whole input space: every action, in its scope, with and without an actor, with no engine and with an
 * engine giving each verdict; plus the exact messages clients and operators match on.
 */
class AuthorizationTest {

    private static PolicyScope scopeOf(PolicyAction action) {
        return action.kind() == PolicyKind.SERVER ? PolicyScope.server() : PolicyScope.graph("g");
    }

    private static final List<PolicyVerdict> VERDICTS = List.of(new PolicyVerdict.Permitted("rule-1"),
            PolicyVerdict.NotPermitted.noRule(), new PolicyVerdict.NotPermitted(Optional.of("rule-2")),
            new PolicyVerdict.UnknownActor(), new PolicyVerdict.EvaluationFailed("boom"));

    @Test
    void without_an_engine_graph_list_is_always_closed() {
        for (Optional<String> actor : List.of(Optional.<String>empty(), Optional.of("act-a"))) {
            AccessDecision decision = Authorization.decide(PolicyScope.server(),
                    AccessRequest.of(actor, PolicyAction.GRAPH_LIST), Optional.empty());
            assertEquals(new AccessDecision.Denied(403, Authorization.SERVER_SCOPED_ACTIONS_CLOSED, Optional.empty()),
                    decision);
        }
    }

    @Test
    void without_an_engine_an_actor_may_only_read() {
        for (PolicyAction action : PolicyAction.values()) {
            if (action.kind() != PolicyKind.GRAPH) {
                continue;
            }
            AccessDecision decision = Authorization.decide(PolicyScope.graph("g"),
                    AccessRequest.of(Optional.of("act-a"), action).onBranch("main"), Optional.empty());
            if (action == PolicyAction.READ) {
                assertEquals(new AccessDecision.Allowed(Optional.empty()), decision);
            } else {
                assertEquals(new AccessDecision.Denied(403, Authorization.DEFAULT_DENY_READ_ONLY, Optional.empty()),
                        decision, action.wireName());
            }
        }
    }

    @Test
    void without_an_engine_or_an_actor_the_open_server_allows_every_per_graph_action() {
        for (PolicyAction action : PolicyAction.values()) {
            if (action.kind() == PolicyKind.GRAPH) {
                assertEquals(new AccessDecision.Allowed(Optional.empty()), Authorization.decide(PolicyScope.graph("g"),
                        AccessRequest.of(Optional.empty(), action), Optional.empty()), action.wireName());
            }
        }
    }

    @Test
    void with_an_engine_no_actor_is_a_401_and_the_engine_is_not_asked() {
        for (PolicyAction action : PolicyAction.values()) {
            Authorization.VerdictSource neverAsked = (actor, request) -> {
                throw new AssertionError("asked without an actor");
            };
            AccessDecision decision = Authorization.decide(scopeOf(action), AccessRequest.of(Optional.empty(), action),
                    Optional.of(neverAsked));
            assertEquals(new AccessDecision.Denied(401, "missing bearer token", Optional.empty()), decision);
        }
        assertEquals(Authentication.MISSING_MESSAGE, Authorization.MISSING_BEARER_TOKEN);
    }

    @Test
    void with_an_engine_every_verdict_maps_to_one_decision() {
        for (PolicyAction action : PolicyAction.values()) {
            for (PolicyVerdict verdict : VERDICTS) {
                List<String> asked = new ArrayList<>();
                AccessRequest request = AccessRequest.of(Optional.of("act-a"), action);
                AccessDecision decision = Authorization.decide(scopeOf(action), request, Optional.of((actor, r) -> {
                    asked.add(actor);
                    assertEquals(request, r);
                    return verdict;
                }));
                assertEquals(List.of("act-a"), asked);
                AccessDecision expected;
                if (verdict instanceof PolicyVerdict.Permitted) {
                    expected = new AccessDecision.Allowed(Optional.of("rule-1"));
                } else if (verdict instanceof PolicyVerdict.NotPermitted notPermitted) {
                    expected = new AccessDecision.Denied(403, "policy denied action '" + action + "' for actor 'act-a'",
                            notPermitted.matchedRuleId());
                } else if (verdict instanceof PolicyVerdict.UnknownActor) {
                    expected = new AccessDecision.Denied(403, "policy denied action '" + action
                            + "' for unknown actor 'act-a'", Optional.empty());
                } else {
                    expected = new AccessDecision.Failed("policy: boom");
                }
                assertEquals(expected, decision, action + " " + verdict);
            }
        }
    }

    @Test
    void a_denial_names_the_branches_it_was_about() {
        Authorization.VerdictSource no = (actor, request) -> PolicyVerdict.NotPermitted.noRule();
        AccessRequest base = AccessRequest.of(Optional.of("act-bruno"), PolicyAction.BRANCH_MERGE);
        assertEquals("policy denied action 'branch_merge' for actor 'act-bruno'", message(base, no));
        assertEquals("policy denied action 'branch_merge' on branch 'feature' for actor 'act-bruno'",
                message(base.onBranch("feature"), no));
        assertEquals("policy denied action 'branch_merge' targeting branch 'main' for actor 'act-bruno'",
                message(base.targeting("main"), no));
        assertEquals("policy denied action 'branch_merge' on branch 'feature' targeting branch 'main' for actor "
                + "'act-bruno'", message(base.onBranch("feature").targeting("main"), no));
        assertEquals("policy denied action 'branch_merge' for unknown actor 'act-bruno'",
                message(base.onBranch("feature").targeting("main"), (actor, request) -> new PolicyVerdict.UnknownActor()));
    }

    private static String message(AccessRequest request, Authorization.VerdictSource engine) {
        return assertInstanceOf(AccessDecision.Denied.class,
                Authorization.decide(PolicyScope.graph("g"), request, Optional.of(engine))).message();
    }

    @Test
    void the_fixed_messages_are_the_reference_wording() {
        assertEquals("server-scoped actions require an explicit cluster policy bundle applied with `omnigraph "
                + "cluster apply` and served after restart — the management surface is closed by default in every "
                + "runtime state, including --unauthenticated, so that server topology is never exposed without "
                + "operator opt-in.", Authorization.SERVER_SCOPED_ACTIONS_CLOSED);
        assertEquals("server runs in default-deny mode (bearer tokens configured but no applied policy bundle). "
                + "Only `read` actions are permitted; configure a graph or cluster policy bundle in the cluster "
                + "config, run `omnigraph cluster apply`, and restart the server to enable other actions.",
                Authorization.DEFAULT_DENY_READ_ONLY);
    }

    @Test
    void an_action_asked_in_the_wrong_scope_is_a_routing_bug() {
        assertThrows(IllegalArgumentException.class, () -> Authorization.decide(PolicyScope.graph("g"),
                AccessRequest.of(Optional.of("a"), PolicyAction.GRAPH_LIST), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> Authorization.decide(PolicyScope.server(),
                AccessRequest.of(Optional.of("a"), PolicyAction.READ), Optional.empty()));
    }

    @Test
    void decisions_expose_allowed_status_and_rule() {
        AccessDecision allowed = new AccessDecision.Allowed(Optional.of("r"));
        assertTrue(allowed.allowed());
        assertEquals(Optional.of("r"), allowed.matchedRuleId());
        AccessDecision.Failed failed = new AccessDecision.Failed("policy: x");
        assertFalse(failed.allowed());
        assertEquals(500, failed.status());
        assertEquals(Optional.empty(), failed.matchedRuleId());
        assertFalse(new AccessDecision.Denied(401, "m", Optional.empty()).allowed());
        assertThrows(IllegalArgumentException.class, () -> new AccessDecision.Denied(500, "m", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new AccessDecision.Denied(404, "m", Optional.empty()));
    }
}
