package dev.omnigraph.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The action vocabulary is a wire contract (bundle files, Cedar action ids, logs) and the scope table decides
 * which rules are accepted; both are pinned here in full so a new action cannot arrive half-specified.
 */
class PolicyActionTest {

    @Test
    void wire_names_are_the_reference_vocabulary_in_order() {
        assertEquals(List.of("read", "export", "change", "schema_apply", "branch_create", "branch_delete",
                "branch_merge", "admin", "invoke_query", "graph_list"), PolicyAction.wireNames());
        for (PolicyAction action : PolicyAction.values()) {
            assertEquals(Optional.of(action), PolicyAction.fromWireName(action.wireName()));
            assertEquals(action.wireName(), action.toString());
        }
        assertEquals(Optional.empty(), PolicyAction.fromWireName("READ"));
        assertEquals(Optional.empty(), PolicyAction.fromWireName(" read"));
        assertEquals(Optional.empty(), PolicyAction.fromWireName("graph_create"));
    }

    @Test
    void only_graph_list_is_server_scoped() {
        Set<PolicyAction> server = Arrays.stream(PolicyAction.values()).filter(a -> a.kind() == PolicyKind.SERVER)
                .collect(Collectors.toSet());
        assertEquals(Set.of(PolicyAction.GRAPH_LIST), server);
    }

    @Test
    void scope_compatibility_table() {
        Set<PolicyAction> branch = Arrays.stream(PolicyAction.values()).filter(PolicyAction::acceptsBranchScope)
                .collect(Collectors.toSet());
        Set<PolicyAction> target = Arrays.stream(PolicyAction.values()).filter(PolicyAction::acceptsTargetBranchScope)
                .collect(Collectors.toSet());
        assertEquals(Set.of(PolicyAction.READ, PolicyAction.EXPORT, PolicyAction.CHANGE), branch);
        assertEquals(Set.of(PolicyAction.BRANCH_CREATE, PolicyAction.SCHEMA_APPLY, PolicyAction.BRANCH_DELETE,
                PolicyAction.BRANCH_MERGE), target);
        for (PolicyAction neither : List.of(PolicyAction.ADMIN, PolicyAction.INVOKE_QUERY, PolicyAction.GRAPH_LIST)) {
            assertTrue(!neither.acceptsBranchScope() && !neither.acceptsTargetBranchScope(), neither.wireName());
        }
    }

    @Test
    void kinds_and_scopes_have_their_wire_names() {
        assertEquals(List.of("graph", "server"), PolicyKind.wireNames());
        assertEquals(List.of("any", "protected", "unprotected"), BranchScope.wireNames());
        assertEquals(Optional.of(BranchScope.UNPROTECTED), BranchScope.fromWireName("unprotected"));
        assertEquals(Optional.empty(), BranchScope.fromWireName("Any"));
        assertEquals(Optional.of(PolicyKind.SERVER), PolicyKind.fromWireName("server"));
        assertEquals(Optional.empty(), PolicyKind.fromWireName("cluster"));
        assertEquals("per-graph", PolicyKind.GRAPH.adjective());
        assertEquals("server-scoped", PolicyKind.SERVER.adjective());
    }

    @Test
    void scopes_know_their_kind_and_resource() {
        assertEquals(PolicyKind.GRAPH, PolicyScope.graph("g").kind());
        assertEquals("g", PolicyScope.graph("g").resourceId());
        assertEquals(PolicyKind.SERVER, PolicyScope.server().kind());
        assertEquals("root", PolicyScope.server().resourceId());
        assertEquals(PolicyScope.server(), PolicyScope.server());
        assertEquals(PolicyScope.graph("g"), new PolicyScope.Graph("g"));
        assertEquals("graph.g", PolicyScope.graph("g").toString());
        assertEquals("cluster", PolicyScope.server().toString());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PolicyScope.graph(" "));
    }
}
