package dev.omnigraph.ports.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omnigraph.domain.policy.AccessRequest;
import dev.omnigraph.domain.policy.BranchScope;
import dev.omnigraph.domain.policy.PolicyAction;
import dev.omnigraph.domain.policy.PolicyBundle;
import dev.omnigraph.domain.policy.PolicyKind;
import dev.omnigraph.domain.policy.PolicyRule;
import dev.omnigraph.domain.policy.PolicyScope;
import dev.omnigraph.domain.policy.PolicyVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every {@link PolicyEngine} adapter must pass: the verdicts a compiled bundle gives are
 * the authorization contract of the server, so each adapter is held to the same answers for the same bundle.
 * Covers branch and target scopes over protected and unprotected branches, requests without the scoped
 * branch, unknown actors, actors in several groups, the least matching rule id, server-scoped bundles,
 * refusal of bundles that do not fit their scope, names that need escaping, and concurrent evaluation.
 */
public abstract class PolicyEngineContract {

    /** The engine under test (a fresh or shared instance; engines are stateless). */
    protected abstract PolicyEngine engine();

    private static final PolicyScope GRAPH = PolicyScope.graph("knowledge");

    private static AccessRequest ask(String actor, PolicyAction action) {
        return AccessRequest.of(Optional.of(actor), action);
    }

    private static PolicyVerdict permitted(String rule) {
        return new PolicyVerdict.Permitted(rule);
    }

    private static final PolicyVerdict DENIED = PolicyVerdict.NotPermitted.noRule();

    /** The bundle of the reference's own compile test: team reads anywhere, writes unprotected; admins promote. */
    private static PolicyBundle teamBundle() {
        return PolicyBundle.of(Map.of("team", List.of("act-andrew", "act-bruno"), "admins", List.of("act-andrew")),
                List.of("main"), List.of(
                        PolicyRule.allow("team-read", "team", PolicyAction.READ, PolicyAction.EXPORT)
                                .withBranchScope(BranchScope.ANY),
                        PolicyRule.allow("team-write", "team", PolicyAction.CHANGE)
                                .withBranchScope(BranchScope.UNPROTECTED),
                        PolicyRule.allow("admins-promote", "admins", PolicyAction.BRANCH_DELETE, PolicyAction.BRANCH_MERGE)
                                .withTargetBranchScope(BranchScope.PROTECTED)));
    }

    @Test
    void a_decider_knows_its_scope() {
        assertEquals(GRAPH, engine().compile(teamBundle(), GRAPH).scope());
    }

    @Test
    void branch_scopes_follow_the_protected_list() {
        PolicyDecider decider = engine().compile(teamBundle(), GRAPH);
        assertEquals(permitted("team-read"), decider.evaluate(ask("act-bruno", PolicyAction.READ).onBranch("main")));
        assertEquals(permitted("team-read"), decider.evaluate(ask("act-bruno", PolicyAction.EXPORT).onBranch("feature")));
        assertEquals(permitted("team-read"), decider.evaluate(ask("act-bruno", PolicyAction.READ)));
        assertEquals(permitted("team-write"), decider.evaluate(ask("act-bruno", PolicyAction.CHANGE).onBranch("feature")));
        assertEquals(DENIED, decider.evaluate(ask("act-bruno", PolicyAction.CHANGE).onBranch("main")));
        assertEquals(DENIED, decider.evaluate(ask("act-bruno", PolicyAction.CHANGE)), "unprotected needs a branch");
        assertEquals(DENIED, decider.evaluate(ask("act-bruno", PolicyAction.SCHEMA_APPLY).targeting("main")));
        assertEquals(DENIED, decider.evaluate(ask("act-bruno", PolicyAction.INVOKE_QUERY)));
    }

    @Test
    void target_scopes_follow_the_protected_list() {
        PolicyDecider decider = engine().compile(teamBundle(), GRAPH);
        assertEquals(permitted("admins-promote"), decider.evaluate(ask("act-andrew", PolicyAction.BRANCH_DELETE)
                .targeting("main")));
        assertEquals(permitted("admins-promote"), decider.evaluate(ask("act-andrew", PolicyAction.BRANCH_MERGE)
                .onBranch("feature").targeting("main")));
        assertEquals(DENIED, decider.evaluate(ask("act-andrew", PolicyAction.BRANCH_MERGE).onBranch("main")
                .targeting("feature")));
        assertEquals(DENIED, decider.evaluate(ask("act-andrew", PolicyAction.BRANCH_DELETE)), "protected needs a target");
        assertEquals(DENIED, decider.evaluate(ask("act-bruno", PolicyAction.BRANCH_DELETE).targeting("main")));
    }

    @Test
    void an_actor_in_no_group_is_unknown() {
        PolicyDecider decider = engine().compile(teamBundle(), GRAPH);
        for (PolicyAction action : PolicyAction.values()) {
            if (action.kind() == PolicyKind.GRAPH) {
                assertInstanceOf(PolicyVerdict.UnknownActor.class, decider.evaluate(ask("act-mallory", action)
                        .onBranch("feature")));
            }
        }
    }

    @Test
    void a_known_actor_without_a_matching_rule_is_not_permitted() {
        PolicyBundle bundle = PolicyBundle.of(Map.of("idle", List.of("act-i")), List.of(), List.of());
        PolicyDecider decider = engine().compile(bundle, GRAPH);
        for (PolicyAction action : PolicyAction.values()) {
            if (action.kind() == PolicyKind.GRAPH) {
                assertEquals(DENIED, decider.evaluate(ask("act-i", action)));
            }
        }
    }

    @Test
    void an_actor_in_several_groups_gets_every_group_s_rules_and_the_least_rule_id() {
        PolicyBundle bundle = PolicyBundle.of(Map.of("a", List.of("act-x"), "b", List.of("act-x", "act-y")), List.of(),
                List.of(PolicyRule.allow("zeta", "a", PolicyAction.READ, PolicyAction.ADMIN),
                        PolicyRule.allow("alpha", "b", PolicyAction.READ),
                        PolicyRule.allow("mid", "b", PolicyAction.CHANGE)));
        PolicyDecider decider = engine().compile(bundle, GRAPH);
        assertEquals(permitted("alpha"), decider.evaluate(ask("act-x", PolicyAction.READ)));
        assertEquals(permitted("zeta"), decider.evaluate(ask("act-x", PolicyAction.ADMIN)));
        assertEquals(permitted("mid"), decider.evaluate(ask("act-x", PolicyAction.CHANGE)));
        assertEquals(DENIED, decider.evaluate(ask("act-y", PolicyAction.ADMIN)));
    }

    @Test
    void rules_apply_to_their_own_graph_only_through_their_scope() {
        PolicyBundle bundle = PolicyBundle.of(Map.of("t", List.of("act-t")), List.of(),
                List.of(PolicyRule.allow("t-read", "t", PolicyAction.READ)));
        assertEquals(permitted("t-read"), engine().compile(bundle, PolicyScope.graph("one"))
                .evaluate(ask("act-t", PolicyAction.READ)));
        assertEquals(permitted("t-read"), engine().compile(bundle, PolicyScope.graph("two"))
                .evaluate(ask("act-t", PolicyAction.READ)));
    }

    @Test
    void a_server_bundle_governs_graph_list() {
        PolicyBundle bundle = new PolicyBundle(Optional.of(PolicyKind.SERVER),
                new java.util.TreeMap<>(Map.of("admins", List.of("act-admin"), "viewers", List.of("act-viewer"))),
                List.of(), List.of(PolicyRule.allow("admin-graph-list", "admins", PolicyAction.GRAPH_LIST)));
        PolicyDecider decider = engine().compile(bundle, PolicyScope.server());
        assertEquals(PolicyScope.server(), decider.scope());
        assertEquals(permitted("admin-graph-list"), decider.evaluate(ask("act-admin", PolicyAction.GRAPH_LIST)));
        assertEquals(DENIED, decider.evaluate(ask("act-viewer", PolicyAction.GRAPH_LIST)));
        assertInstanceOf(PolicyVerdict.UnknownActor.class, decider.evaluate(ask("act-reader", PolicyAction.GRAPH_LIST)));
    }

    @Test
    void a_bundle_that_does_not_fit_its_scope_is_refused() {
        PolicyBundle serverRules = PolicyBundle.of(Map.of("a", List.of("x")), List.of(),
                List.of(PolicyRule.allow("list", "a", PolicyAction.GRAPH_LIST)));
        assertThrows(PolicyCompilationException.class, () -> engine().compile(serverRules, GRAPH));
        PolicyBundle graphRules = PolicyBundle.of(Map.of("a", List.of("x")), List.of(),
                List.of(PolicyRule.allow("read", "a", PolicyAction.READ)));
        assertThrows(PolicyCompilationException.class, () -> engine().compile(graphRules, PolicyScope.server()));
    }

    @Test
    void requests_the_decision_handles_itself_are_refused() {
        PolicyDecider decider = engine().compile(teamBundle(), GRAPH);
        assertThrows(IllegalArgumentException.class,
                () -> decider.evaluate(AccessRequest.of(Optional.empty(), PolicyAction.READ)));
        assertThrows(IllegalArgumentException.class, () -> decider.evaluate(ask("act-bruno", PolicyAction.GRAPH_LIST)));
    }

    @Test
    void names_that_need_escaping_are_evaluated_as_names() {
        String group = "g\" || true || \"";
        String actor = "act \"quoted\" \\ back";
        String graph = "graph\"x";
        PolicyBundle bundle = PolicyBundle.of(Map.of(group, List.of(actor), "other", List.of("act-o")), List.of("ma\"in"),
                List.of(PolicyRule.allow("r\"1", group, PolicyAction.CHANGE).withBranchScope(BranchScope.PROTECTED)));
        PolicyDecider decider = engine().compile(bundle, PolicyScope.graph(graph));
        assertEquals(permitted("r\"1"), decider.evaluate(ask(actor, PolicyAction.CHANGE).onBranch("ma\"in")));
        assertEquals(DENIED, decider.evaluate(ask(actor, PolicyAction.CHANGE).onBranch("main")));
        assertEquals(DENIED, decider.evaluate(ask("act-o", PolicyAction.CHANGE).onBranch("ma\"in")));
    }

    @Test
    void a_decider_answers_concurrent_requests_consistently() throws Exception {
        PolicyDecider decider = engine().compile(teamBundle(), GRAPH);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean feature = i % 2 == 0;
                calls.add(() -> decider.evaluate(ask("act-bruno", PolicyAction.CHANGE).onBranch(feature ? "feature" : "main"))
                        .equals(feature ? permitted("team-write") : DENIED));
            }
            for (Future<Boolean> answer : pool.invokeAll(calls)) {
                assertEquals(true, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
