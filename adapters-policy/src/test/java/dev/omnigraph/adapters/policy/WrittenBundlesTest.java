package dev.omnigraph.adapters.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.policy.AccessRequest;
import dev.omnigraph.domain.policy.PolicyAction;
import dev.omnigraph.domain.policy.PolicyBundle;
import dev.omnigraph.domain.policy.PolicyBundleRead;
import dev.omnigraph.domain.policy.PolicyBundleReader;
import dev.omnigraph.domain.policy.PolicyKind;
import dev.omnigraph.domain.policy.PolicyScope;
import dev.omnigraph.domain.policy.PolicyVerdict;
import dev.omnigraph.ports.out.PolicyCompilationException;
import dev.omnigraph.ports.out.PolicyDecider;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Bundles written as operators write them (YAML), read by the domain and compiled by Cedar: protected and
 * unprotected branch scopes, target scopes for every target action, and the kind a bundle is bound as.
 */
class WrittenBundlesTest {

    private static final String RELEASE = """
            version: 1
            groups:
              devs: [act-dev, act-lead]
              leads: [act-lead]
            protected_branches: [main, release]
            rules:
              - id: devs-read
                allow: { actors: { group: devs }, actions: [read, export], branch_scope: any }
              - id: devs-write-unprotected
                allow: { actors: { group: devs }, actions: [change], branch_scope: unprotected }
              - id: leads-write-protected
                allow: { actors: { group: leads }, actions: [change], branch_scope: protected }
              - id: devs-fork
                allow: { actors: { group: devs }, actions: [branch_create, branch_delete], target_branch_scope: unprotected }
              - id: leads-promote
                allow:
                  actors: { group: leads }
                  actions: [branch_merge, schema_apply, branch_delete]
                  target_branch_scope: protected
            """;

    private static PolicyDecider compile(String yaml, PolicyScope scope) {
        return PolicyEngines.cedar().compile(TestYaml.bundle("written.policy.yaml", yaml, Optional.of(scope.kind())),
                scope);
    }

    private static String verdict(PolicyDecider decider, AccessRequest request) {
        PolicyVerdict verdict = decider.evaluate(request);
        if (verdict instanceof PolicyVerdict.Permitted permitted) {
            return permitted.matchedRuleId();
        }
        return verdict instanceof PolicyVerdict.UnknownActor ? "unknown" : "deny";
    }

    private static AccessRequest ask(String actor, PolicyAction action) {
        return AccessRequest.of(Optional.of(actor), action);
    }

    @Test
    void branch_scopes_split_protected_from_unprotected_branches() {
        PolicyDecider decider = compile(RELEASE, PolicyScope.graph("repo"));
        assertEquals("devs-write-unprotected", verdict(decider, ask("act-dev", PolicyAction.CHANGE).onBranch("feature")));
        assertEquals("deny", verdict(decider, ask("act-dev", PolicyAction.CHANGE).onBranch("release")));
        assertEquals("leads-write-protected", verdict(decider, ask("act-lead", PolicyAction.CHANGE).onBranch("release")));
        assertEquals("devs-write-unprotected", verdict(decider, ask("act-lead", PolicyAction.CHANGE).onBranch("x")));
        assertEquals("deny", verdict(decider, ask("act-lead", PolicyAction.CHANGE)));
        assertEquals("devs-read", verdict(decider, ask("act-dev", PolicyAction.EXPORT).onBranch("main")));
        assertEquals("unknown", verdict(decider, ask("act-ops", PolicyAction.READ).onBranch("main")));
    }

    @Test
    void target_scopes_split_protected_from_unprotected_targets() {
        PolicyDecider decider = compile(RELEASE, PolicyScope.graph("repo"));
        assertEquals("devs-fork", verdict(decider, ask("act-dev", PolicyAction.BRANCH_CREATE).onBranch("main")
                .targeting("feature")));
        assertEquals("deny", verdict(decider, ask("act-dev", PolicyAction.BRANCH_CREATE).onBranch("feature")
                .targeting("release")));
        assertEquals("deny", verdict(decider, ask("act-dev", PolicyAction.BRANCH_MERGE).onBranch("feature")
                .targeting("main")));
        assertEquals("leads-promote", verdict(decider, ask("act-lead", PolicyAction.BRANCH_MERGE).onBranch("feature")
                .targeting("main")));
        assertEquals("deny", verdict(decider, ask("act-lead", PolicyAction.BRANCH_MERGE).onBranch("main")
                .targeting("feature")));
        assertEquals("leads-promote", verdict(decider, ask("act-lead", PolicyAction.SCHEMA_APPLY).targeting("main")));
        assertEquals("deny", verdict(decider, ask("act-dev", PolicyAction.SCHEMA_APPLY).targeting("main")));
        assertEquals("devs-fork", verdict(decider, ask("act-lead", PolicyAction.BRANCH_DELETE).targeting("scratch")));
        assertEquals("leads-promote", verdict(decider, ask("act-lead", PolicyAction.BRANCH_DELETE).targeting("release")));
        assertEquals("deny", verdict(decider, ask("act-dev", PolicyAction.BRANCH_DELETE)));
    }

    @Test
    void kind_alignment_is_checked_when_read_and_when_compiled() {
        String serverYaml = """
                version: 1
                kind: server
                groups: { admins: [act-admin] }
                rules:
                  - id: list
                    allow: { actors: { group: admins }, actions: [graph_list] }
                """;
        PolicyBundleRead asGraph = PolicyBundleReader.read("s.yaml", serverYaml, TestYaml.tree(serverYaml),
                Optional.of(PolicyKind.GRAPH));
        String message = assertInstanceOf(PolicyBundleRead.Invalid.class, asGraph).message();
        assertTrue(message.contains("declares kind 'server' but is bound to graphs"), message);
        assertTrue(message.contains("server-scoped action 'graph_list'"), message);

        PolicyBundle unbound = TestYaml.bundle("s.yaml", serverYaml, Optional.empty());
        PolicyCompilationException refused = assertThrows(PolicyCompilationException.class,
                () -> PolicyEngines.cedar().compile(unbound, PolicyScope.graph("g")));
        assertTrue(refused.getMessage().startsWith("the policy bundle cannot govern graph.g: "), refused.getMessage());
        assertEquals("list", verdict(compile(serverYaml, PolicyScope.server()), ask("act-admin", PolicyAction.GRAPH_LIST)));

        PolicyBundle graphBundle = TestYaml.bundle("r.yaml", RELEASE, Optional.empty());
        assertThrows(PolicyCompilationException.class, () -> PolicyEngines.cedar().compile(graphBundle,
                PolicyScope.server()));
    }
}
