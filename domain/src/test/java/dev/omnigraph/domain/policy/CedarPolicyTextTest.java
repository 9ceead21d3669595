package dev.omnigraph.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Cedar an engine evaluates is generated here as text; its exact shape decides who may do what. Pinned:
 * the schema, one permit per (rule, action) with the resource of the action's kind, the three scope
 * conditions for each of the two scope keys, policy ids that map back to rule ids, and literal escaping that
 * keeps a hostile group or graph name inside its string.
 */
class CedarPolicyTextTest {

    @Test
    void the_schema_declares_the_model() {
        assertEquals("""
                namespace Omnigraph {
                  type RequestContext = {
                    has_branch: Bool,
                    branch: String,
                    has_target_branch: Bool,
                    target_branch: String,
                    branch_is_protected: Bool,
                    target_branch_is_protected: Bool,
                  };

                  entity Actor in [Group];
                  entity Group;
                  entity Graph;
                  entity Server;

                  action "read" appliesTo { principal: Actor, resource: Graph, context: RequestContext };
                  action "export" appliesTo { principal: Actor, resource: Graph, context: RequestContext };
                  action "change" appliesTo { principal: Actor, resource: Graph, context: RequestContext };
                  action "schema_apply" appliesTo { principal: Actor, resource: Graph, context: RequestContext };
                  action "branch_create" appliesTo { principal: Actor, resource: Graph, context: RequestContext };
                  action "branch_delete" appliesTo { principal: Actor, resource: Graph, context: RequestContext };
                  action "branch_merge" appliesTo { principal: Actor, resource: Graph, context: RequestContext };
                  action "admin" appliesTo { principal: Actor, resource: Graph, context: RequestContext };
                  action "invoke_query" appliesTo { principal: Actor, resource: Graph, context: RequestContext };
                  action "graph_list" appliesTo { principal: Actor, resource: Server, context: RequestContext };
                }
                """, CedarPolicyText.SCHEMA);
    }

    @Test
    void a_rule_without_scope_has_no_when_clause() {
        PolicyBundle bundle = PolicyBundle.of(Map.of("readers", List.of("act-r")), List.of(),
                List.of(PolicyRule.allow("invoke", "readers", PolicyAction.INVOKE_QUERY)));
        assertEquals(List.of(new CedarPermit("invoke:invoke_query", "invoke", PolicyAction.INVOKE_QUERY, """
                permit (
                  principal in Omnigraph::Group::"readers",
                  action == Omnigraph::Action::"invoke_query",
                  resource == Omnigraph::Graph::"spike"
                );""")), CedarPolicyText.permits(bundle, PolicyScope.graph("spike")));
    }

    @Test
    void each_action_of_a_rule_becomes_its_own_permit_in_order() {
        PolicyBundle bundle = PolicyBundle.of(Map.of("team", List.of("a"), "ops", List.of("b")), List.of("main"), List.of(
                PolicyRule.allow("team-read", "team", PolicyAction.READ, PolicyAction.EXPORT).withBranchScope(BranchScope.ANY),
                PolicyRule.allow("ops-write", "ops", PolicyAction.CHANGE).withBranchScope(BranchScope.UNPROTECTED)));
        List<CedarPermit> permits = CedarPolicyText.permits(bundle, PolicyScope.graph("g"));
        assertEquals(List.of("team-read:read", "team-read:export", "ops-write:change"),
                permits.stream().map(CedarPermit::policyId).toList());
        assertEquals(List.of("team-read", "team-read", "ops-write"), permits.stream().map(CedarPermit::ruleId).toList());
        assertEquals("""
                permit (
                  principal in Omnigraph::Group::"team",
                  action == Omnigraph::Action::"export",
                  resource == Omnigraph::Graph::"g"
                )
                when { true };""", permits.get(1).text());
        assertEquals(permits.get(0).text() + "\n\n" + permits.get(1).text() + "\n\n" + permits.get(2).text(),
                CedarPolicyText.policySetText(permits));
    }

    @Test
    void scope_conditions_for_both_keys() {
        assertEquals("true", CedarPolicyText.condition(BranchScope.ANY, "has_branch", "branch_is_protected"));
        assertEquals(Map.of(
                BranchScope.ANY, "when { true }",
                BranchScope.PROTECTED, "when { context.has_branch && context.branch_is_protected }",
                BranchScope.UNPROTECTED, "when { context.has_branch && context.branch_is_protected == false }"),
                whenClauses(false));
        assertEquals(Map.of(
                BranchScope.ANY, "when { true }",
                BranchScope.PROTECTED, "when { context.has_target_branch && context.target_branch_is_protected }",
                BranchScope.UNPROTECTED,
                "when { context.has_target_branch && context.target_branch_is_protected == false }"),
                whenClauses(true));
    }

    private static Map<BranchScope, String> whenClauses(boolean target) {
        java.util.EnumMap<BranchScope, String> clauses = new java.util.EnumMap<>(BranchScope.class);
        for (BranchScope scope : BranchScope.values()) {
            PolicyRule rule = target
                    ? PolicyRule.allow("r", "g", PolicyAction.BRANCH_MERGE).withTargetBranchScope(scope)
                    : PolicyRule.allow("r", "g", PolicyAction.CHANGE).withBranchScope(scope);
            PolicyBundle bundle = PolicyBundle.of(Map.of("g", List.of("a")), List.of("main"), List.of(rule));
            String text = CedarPolicyText.permits(bundle, PolicyScope.graph("x")).get(0).text();
            clauses.put(scope, text.substring(text.indexOf("when"), text.length() - 1));
        }
        return clauses;
    }

    @Test
    void graph_list_applies_to_the_server_root() {
        PolicyBundle bundle = PolicyBundle.of(Map.of("admins", List.of("act-admin")), List.of(),
                List.of(PolicyRule.allow("admin-graph-list", "admins", PolicyAction.GRAPH_LIST)));
        assertEquals("""
                permit (
                  principal in Omnigraph::Group::"admins",
                  action == Omnigraph::Action::"graph_list",
                  resource == Omnigraph::Server::"root"
                );""", CedarPolicyText.permits(bundle, PolicyScope.server()).get(0).text());
    }

    @Test
    void resources_follow_the_action_kind() {
        for (PolicyAction action : PolicyAction.values()) {
            String expected = action == PolicyAction.GRAPH_LIST ? "Omnigraph::Server::\"root\"" : "Omnigraph::Graph::\"g\"";
            assertEquals(expected, CedarPolicyText.resource(action, PolicyScope.graph("g")));
            assertEquals(action == PolicyAction.GRAPH_LIST ? "root" : "g", CedarPolicyText.resourceId(action,
                    PolicyScope.graph("g")));
            assertEquals(action == PolicyAction.GRAPH_LIST ? "Omnigraph::Server" : "Omnigraph::Graph",
                    CedarPolicyText.resourceType(action));
        }
        assertEquals("Omnigraph::Graph::\"root\"", CedarPolicyText.resource(PolicyAction.READ, PolicyScope.server()));
    }

    @Test
    void a_bundle_that_does_not_fit_the_scope_is_not_compiled() {
        PolicyBundle graphList = PolicyBundle.of(Map.of("a", List.of("x")), List.of(),
                List.of(PolicyRule.allow("r", "a", PolicyAction.GRAPH_LIST)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CedarPolicyText.permits(graphList, PolicyScope.graph("g")));
        assertTrue(refused.getMessage().startsWith("the bundle cannot govern graph.g: "), refused.getMessage());
        PolicyBundle read = PolicyBundle.of(Map.of("a", List.of("x")), List.of(),
                List.of(PolicyRule.allow("r", "a", PolicyAction.READ)));
        assertThrows(IllegalArgumentException.class, () -> CedarPolicyText.permits(read, PolicyScope.server()));
        PolicyBundle declared = new PolicyBundle(Optional.of(PolicyKind.SERVER), new java.util.TreeMap<>(), List.of(),
                List.of());
        assertThrows(IllegalArgumentException.class, () -> CedarPolicyText.permits(declared, PolicyScope.graph("g")));
        assertEquals(List.of(), CedarPolicyText.permits(declared, PolicyScope.server()));
    }

    @Test
    void literals_escape_everything_that_could_end_them() {
        assertEquals("\"plain-id_1\"", CedarPolicyText.literal("plain-id_1"));
        assertEquals("\"a\\\"b\"", CedarPolicyText.literal("a\"b"));
        assertEquals("\"a\\\\b\"", CedarPolicyText.literal("a\\b"));
        assertEquals("\"\\n\\r\\t\\0\\u{1}\\u{7f}\"", CedarPolicyText.literal("\n\r\t\0\u0001\u007f"));
        assertEquals("\"ünïcødé ✓\"", CedarPolicyText.literal("ünïcødé ✓"));
        assertEquals("Omnigraph::Group::\"x\\\", action, resource); permit(principal\"",
                CedarPolicyText.entity(CedarPolicyText.GROUP_TYPE, "x\", action, resource); permit(principal"));
    }

    @Test
    void hostile_names_stay_inside_their_literals() {
        String group = "g\" || true || \"";
        PolicyBundle bundle = PolicyBundle.of(Map.of(group, List.of("a")), List.of(),
                List.of(PolicyRule.allow("r", group, PolicyAction.READ)));
        String text = CedarPolicyText.permits(bundle, PolicyScope.graph("g\"")).get(0).text();
        assertTrue(text.contains("principal in Omnigraph::Group::\"g\\\" || true || \\\"\""), text);
        assertTrue(text.contains("resource == Omnigraph::Graph::\"g\\\"\""), text);
    }

    @Test
    void the_request_context_carries_branches_and_their_protection() {
        PolicyBundle bundle = PolicyBundle.of(Map.of("t", List.of("a")), List.of("main", "release"), List.of());
        AccessRequest none = AccessRequest.of(Optional.of("a"), PolicyAction.INVOKE_QUERY);
        assertEquals(new RequestContext(false, "", false, "", false, false), RequestContext.of(bundle, none));
        AccessRequest merge = AccessRequest.of(Optional.of("a"), PolicyAction.BRANCH_MERGE).onBranch("feature")
                .targeting("main");
        assertEquals(new RequestContext(true, "feature", true, "main", false, true), RequestContext.of(bundle, merge));
        AccessRequest read = AccessRequest.of(Optional.of("a"), PolicyAction.READ).onBranch("release");
        RequestContext context = RequestContext.of(bundle, read);
        assertEquals(new RequestContext(true, "release", false, "", true, false), context);
        assertEquals(List.of("has_branch", "branch", "has_target_branch", "target_branch", "branch_is_protected",
                "target_branch_is_protected"), List.copyOf(context.attributes().keySet()));
        assertEquals(List.of(true, "release", false, "", true, false), List.copyOf(context.attributes().values()));
    }
}
