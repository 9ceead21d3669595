package dev.omnigraph.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.cluster.TestJson;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A bundle is the whole of an operator's access policy, and a mistake in it widens or silently narrows
 * access: an unknown key (a typo like {@code branch_scpoe}) must not be ignored, a scope must not be put on
 * an action that never carries that branch, and a rule must not be compiled into an engine that never asks
 * about its action. Every rule of the format is exercised here, each problem located by its key path, and
 * all problems of a file are reported at once.
 */
class PolicyBundleReaderTest {

    private static final String FILE = "policies/p.policy.yaml";

    private static PolicyBundleRead read(String json) {
        return PolicyBundleReader.read(FILE, TestJson.parse(json), Optional.empty());
    }

    private static PolicyBundleRead read(String json, PolicyKind boundAs) {
        return PolicyBundleReader.read(FILE, TestJson.parse(json), Optional.of(boundAs));
    }

    private static PolicyBundle valid(String json) {
        PolicyBundleRead read = read(json);
        if (read instanceof PolicyBundleRead.Invalid invalid) {
            throw new AssertionError(invalid.message());
        }
        return ((PolicyBundleRead.Valid) read).bundle();
    }

    private static List<String> problems(PolicyBundleRead read) {
        return assertInstanceOf(PolicyBundleRead.Invalid.class, read).problems();
    }

    private static String oneRule(String allow) {
        return "{\"version\": 1, \"groups\": {\"team\": [\"act-a\"]}, \"protected_branches\": [\"main\"],"
                + " \"rules\": [{\"id\": \"r\", \"allow\": " + allow + "}]}";
    }

    // ---- valid bundles --------------------------------------------------------------------------

    @Test
    void reads_the_documented_example() {
        PolicyBundle bundle = valid("""
                {"version": 1,
                 "groups": {"team": ["act-bruno", "act-ci"], "admins": ["act-andrew"]},
                 "protected_branches": ["main"],
                 "rules": [
                   {"id": "team-read", "allow": {"actors": {"group": "team"}, "actions": ["read", "export"],
                                                 "branch_scope": "any"}},
                   {"id": "admin-merge", "allow": {"actors": {"group": "admins"}, "actions": ["branch_merge"],
                                                   "target_branch_scope": "protected"}}]}""");
        assertEquals(Optional.empty(), bundle.declaredKind());
        assertEquals(List.of("admins", "team"), List.copyOf(bundle.groups().keySet()));
        assertEquals(List.of("act-bruno", "act-ci"), bundle.groups().get("team"));
        assertEquals(List.of("main"), bundle.protectedBranches());
        assertEquals(List.of(
                new PolicyRule("team-read", "team", List.of(PolicyAction.READ, PolicyAction.EXPORT),
                        Optional.of(BranchScope.ANY), Optional.empty()),
                new PolicyRule("admin-merge", "admins", List.of(PolicyAction.BRANCH_MERGE), Optional.empty(),
                        Optional.of(BranchScope.PROTECTED))), bundle.rules());
        assertEquals(List.of("act-andrew", "act-bruno", "act-ci"), List.copyOf(bundle.knownActors()));
        assertTrue(bundle.isKnownActor("act-ci"));
        assertTrue(!bundle.isKnownActor("act-x"));
        assertEquals(List.of("team"), List.copyOf(bundle.groupsOf("act-ci")));
        assertTrue(bundle.isProtected("main"));
        assertTrue(!bundle.isProtected("feature"));
    }

    @Test
    void absent_or_null_collections_read_as_empty() {
        PolicyBundle bundle = valid("{\"version\": 1}");
        assertTrue(bundle.groups().isEmpty() && bundle.protectedBranches().isEmpty() && bundle.rules().isEmpty());
        PolicyBundle nulls = valid("{\"version\": 1, \"groups\": null, \"protected_branches\": null, \"rules\": null}");
        assertTrue(nulls.rules().isEmpty());
    }

    @Test
    void a_declared_kind_is_read() {
        PolicyBundle server = valid("""
                {"version": 1, "kind": "server", "groups": {"admins": ["act-admin"]},
                 "rules": [{"id": "admin-graph-list", "allow": {"actors": {"group": "admins"}, "actions": ["graph_list"]}}]}""");
        assertEquals(Optional.of(PolicyKind.SERVER), server.declaredKind());
        assertEquals(Optional.of(PolicyKind.GRAPH), valid("{\"version\": 1, \"kind\": \"graph\"}").declaredKind());
    }

    @Test
    void every_action_and_scope_combination_the_table_allows_is_accepted() {
        for (PolicyAction action : PolicyAction.values()) {
            valid(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": [\"" + action + "\"]}"));
            for (BranchScope scope : BranchScope.values()) {
                String key = action.acceptsBranchScope() ? "branch_scope"
                        : action.acceptsTargetBranchScope() ? "target_branch_scope" : null;
                if (key != null) {
                    valid(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": [\"" + action + "\"], \"" + key
                            + "\": \"" + scope.wireName() + "\"}"));
                }
            }
        }
    }

    // ---- shape ----------------------------------------------------------------------------------

    @Test
    void unknown_keys_are_refused_at_every_level() {
        assertEquals(List.of("unknown field `owner`, expected one of `version`, `kind`, `groups`, "
                + "`protected_branches`, `rules`"), problems(read("{\"version\": 1, \"owner\": \"x\"}")));
        assertEquals(List.of("rules[0]: unknown field `deny`, expected `id` or `allow`"),
                problems(read("{\"version\": 1, \"rules\": [{\"id\": \"r\", \"allow\": {\"actors\": {\"group\": \"g\"},"
                        + " \"actions\": [\"read\"]}, \"deny\": {}}], \"groups\": {\"g\": [\"a\"]}}")));
        assertEquals(List.of("rules[0].allow: unknown field `branch_scpoe`, expected one of `actors`, `actions`, "
                + "`branch_scope`, `target_branch_scope`"), problems(read(oneRule(
                "{\"actors\": {\"group\": \"team\"}, \"actions\": [\"read\"], \"branch_scpoe\": \"protected\"}"))));
        assertEquals(List.of("rules[0].allow.actors: unknown field `actor`, expected `group`"), problems(read(oneRule(
                "{\"actors\": {\"group\": \"team\", \"actor\": \"act-a\"}, \"actions\": [\"read\"]}"))));
    }

    @Test
    void missing_keys_are_named() {
        assertEquals(List.of("missing field `version`"), problems(read("{}")));
        assertEquals(List.of("rules[0]: missing field `id`"), problems(read(
                "{\"version\": 1, \"groups\": {\"g\": [\"a\"]}, \"rules\": [{\"allow\": {\"actors\": {\"group\": \"g\"},"
                        + " \"actions\": [\"read\"]}}]}")));
        assertEquals(List.of("rules[0]: missing field `allow`"), problems(read(
                "{\"version\": 1, \"rules\": [{\"id\": \"r\"}]}")));
        assertEquals(List.of("rules[0].allow: missing field `actors`", "rules[0].allow: missing field `actions`"),
                problems(read(oneRule("{}"))));
        assertEquals(List.of("rules[0].allow.actors: missing field `group`"),
                problems(read(oneRule("{\"actors\": {}, \"actions\": [\"read\"]}"))));
    }

    @Test
    void wrong_types_and_unknown_variants_are_named() {
        assertEquals(List.of("invalid type: null, expected struct PolicyConfig"),
                problems(PolicyBundleReader.read(FILE, JsonNull.INSTANCE, Optional.empty())));
        assertEquals(List.of("invalid type: sequence, expected struct PolicyConfig"), problems(read("[]")));
        assertEquals(List.of("version: invalid type: string \"1\", expected u32"), problems(read("{\"version\": \"1\"}")));
        assertEquals(List.of("kind: unknown variant `cluster`, expected `graph` or `server`"),
                problems(read("{\"version\": 1, \"kind\": \"cluster\"}")));
        assertEquals(List.of("groups.team: invalid type: string \"act-a\", expected a sequence"),
                problems(read("{\"version\": 1, \"groups\": {\"team\": \"act-a\"}}")));
        assertEquals(List.of("groups.team[1]: invalid type: integer `7`, expected a string"),
                problems(read("{\"version\": 1, \"groups\": {\"team\": [\"a\", 7]}}")));
        assertEquals(List.of("protected_branches: invalid type: string \"main\", expected a sequence"),
                problems(read("{\"version\": 1, \"protected_branches\": \"main\"}")));
        assertEquals(List.of("rules[0].allow.actions[1]: unknown variant `write`, expected one of `read`, `export`, "
                        + "`change`, `schema_apply`, `branch_create`, `branch_delete`, `branch_merge`, `admin`, "
                        + "`invoke_query`, `graph_list`"),
                problems(read(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": [\"read\", \"write\"]}"))));
        assertEquals(List.of("rules[0].allow.branch_scope: unknown variant `all`, expected one of `any`, `protected`, "
                + "`unprotected`"), problems(read(oneRule(
                "{\"actors\": {\"group\": \"team\"}, \"actions\": [\"read\"], \"branch_scope\": \"all\"}"))));
        assertEquals(List.of("rules[0].allow.actions: invalid type: string \"read\", expected a sequence"),
                problems(read(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": \"read\"}"))));
    }

    @Test
    void repeated_yaml_keys_in_the_raw_text_are_refused() {
        String text = "version: 1\nrules: []\nrules: []\n";
        JsonValue tree = TestJson.parse("{\"version\": 1, \"rules\": []}");
        List<String> found = problems(PolicyBundleReader.read(FILE, text, tree, Optional.empty()));
        assertEquals(1, found.size());
        assertTrue(found.get(0).startsWith("rules: duplicate YAML key `rules` on line 3"), found.get(0));
        assertInstanceOf(PolicyBundleRead.Valid.class, PolicyBundleReader.read(FILE, "version: 1\nrules: []\n", tree,
                Optional.empty()));
    }

    // ---- semantic rules (§9.3) ------------------------------------------------------------------

    @Test
    void version_must_be_one() {
        assertEquals(List.of("version: policy version must be 1 (found 2)"), problems(read("{\"version\": 2}")));
        assertEquals(List.of("version: policy version must be 1 (found 0)"), problems(read("{\"version\": 0}")));
    }

    @Test
    void groups_must_be_named_non_empty_and_list_non_blank_actors() {
        assertEquals(List.of("groups: group names must not be blank"),
                problems(read("{\"version\": 1, \"groups\": {\" \": [\"a\"]}}")));
        assertEquals(List.of("groups.team: group 'team' must list at least one actor"),
                problems(read("{\"version\": 1, \"groups\": {\"team\": []}}")));
        assertEquals(List.of("groups.team[1]: group 'team' contains a blank actor id"),
                problems(read("{\"version\": 1, \"groups\": {\"team\": [\"a\", \"  \"]}}")));
    }

    @Test
    void protected_branch_names_must_not_be_blank() {
        assertEquals(List.of("protected_branches[1]: protected branch names must not be blank"),
                problems(read("{\"version\": 1, \"protected_branches\": [\"main\", \"\"]}")));
    }

    @Test
    void rule_ids_must_be_non_blank_and_unique() {
        String allow = "{\"actors\": {\"group\": \"team\"}, \"actions\": [\"read\"]}";
        assertEquals(List.of("rules[0].id: rule ids must not be blank"), problems(read(
                "{\"version\": 1, \"groups\": {\"team\": [\"a\"]}, \"rules\": [{\"id\": \" \", \"allow\": " + allow + "}]}")));
        assertEquals(List.of("rules[2].id: duplicate rule id 'r' (already used by rules[0])"), problems(read(
                "{\"version\": 1, \"groups\": {\"team\": [\"a\"]}, \"rules\": [{\"id\": \"r\", \"allow\": " + allow
                        + "}, {\"id\": \"s\", \"allow\": " + allow + "}, {\"id\": \"r\", \"allow\": " + allow + "}]}")));
    }

    @Test
    void a_rule_must_name_a_declared_group() {
        assertEquals(List.of("rules[0].allow.actors.group: rule 'r' must name a group"),
                problems(read(oneRule("{\"actors\": {\"group\": \"\"}, \"actions\": [\"read\"]}"))));
        assertEquals(List.of("rules[0].allow.actors.group: rule 'r' names the undeclared group 'admins' "
                        + "(declared groups: team)"),
                problems(read(oneRule("{\"actors\": {\"group\": \"admins\"}, \"actions\": [\"read\"]}"))));
        assertEquals(List.of("rules[0].allow.actors.group: rule 'r' names the undeclared group 'team' "
                        + "(declared groups: none)"),
                problems(read("{\"version\": 1, \"rules\": [{\"id\": \"r\", \"allow\": {\"actors\": {\"group\": \"team\"},"
                        + " \"actions\": [\"read\"]}}]}")));
    }

    @Test
    void an_unreadable_group_does_not_also_report_undeclared_references() {
        assertEquals(List.of("groups.team: invalid type: string \"a\", expected a sequence"), problems(read(
                "{\"version\": 1, \"groups\": {\"team\": \"a\"}, \"rules\": [{\"id\": \"r\", \"allow\": "
                        + "{\"actors\": {\"group\": \"team\"}, \"actions\": [\"read\"]}}]}")));
    }

    @Test
    void a_rule_lists_at_least_one_action_and_each_once() {
        assertEquals(List.of("rules[0].allow.actions: rule 'r' must list at least one action"),
                problems(read(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": []}"))));
        assertEquals(List.of("rules[0].allow.actions[2]: rule 'r' lists action 'read' more than once"),
                problems(read(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": [\"read\", \"export\", \"read\"]}"))));
    }

    @Test
    void a_rule_uses_at_most_one_scope() {
        assertEquals(List.of(
                "rules[0].allow: rule 'r' sets both branch_scope and target_branch_scope; a rule may use only one of them",
                "rules[0].allow.target_branch_scope: rule 'r' uses target_branch_scope with the per-graph action "
                        + "'read'; target_branch_scope applies only to schema_apply, branch_create, branch_delete, "
                        + "branch_merge"),
                problems(read(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": [\"read\"],"
                        + " \"branch_scope\": \"any\", \"target_branch_scope\": \"any\"}"))));
    }

    @Test
    void a_scope_must_suit_every_action_of_its_rule() {
        for (PolicyAction action : PolicyAction.values()) {
            if (!action.acceptsBranchScope()) {
                List<String> found = problems(read(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": [\""
                        + action + "\"], \"branch_scope\": \"any\"}")));
                assertEquals(1, found.size(), found::toString);
                assertTrue(found.get(0).startsWith("rules[0].allow.branch_scope: rule 'r' uses branch_scope with the "
                        + action.kind().adjective() + " action '" + action + "'; "), found.get(0));
            }
            if (!action.acceptsTargetBranchScope()) {
                List<String> found = problems(read(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": [\""
                        + action + "\"], \"target_branch_scope\": \"protected\"}")));
                assertEquals(1, found.size(), found::toString);
                assertTrue(found.get(0).contains("uses target_branch_scope with the " + action.kind().adjective()
                        + " action '" + action + "'"), found.get(0));
            }
        }
        assertEquals(List.of("rules[0].allow.branch_scope: rule 'r' uses branch_scope with the per-graph action "
                        + "'invoke_query'; branch_scope applies only to read, export, change"),
                problems(read(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": [\"read\", \"invoke_query\"],"
                        + " \"branch_scope\": \"any\"}"))));
        assertEquals(List.of("rules[0].allow.branch_scope: rule 'r' uses branch_scope with the server-scoped action "
                        + "'graph_list'; server-scoped actions have no branch context"),
                problems(read(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": [\"graph_list\"],"
                        + " \"branch_scope\": \"any\"}"))));
    }

    @Test
    void a_rule_may_not_mix_graph_list_with_per_graph_actions() {
        assertEquals(List.of("rules[0].allow.actions: rule 'r' mixes the server-scoped action 'graph_list' with "
                        + "per-graph actions ('read', 'change'); split them into separate rules, and the server-scoped "
                        + "one into a bundle bound to cluster"),
                problems(read(oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": [\"graph_list\", \"read\", \"change\"]}"))));
    }

    @Test
    void a_declared_kind_limits_the_actions() {
        assertEquals(List.of("rules[0].allow.actions[0]: rule 'r' uses the per-graph action 'read' in a bundle "
                        + "declaring kind 'server'; move it to a bundle bound to graphs"),
                problems(read("{\"version\": 1, \"kind\": \"server\", \"groups\": {\"team\": [\"a\"]}, \"rules\": "
                        + "[{\"id\": \"r\", \"allow\": {\"actors\": {\"group\": \"team\"}, \"actions\": [\"read\"]}}]}")));
        assertEquals(List.of("rules[0].allow.actions[0]: rule 'r' uses the server-scoped action 'graph_list' in a "
                        + "bundle declaring kind 'graph'; move it to a bundle bound to cluster"),
                problems(read("{\"version\": 1, \"kind\": \"graph\", \"groups\": {\"team\": [\"a\"]}, \"rules\": "
                        + "[{\"id\": \"r\", \"allow\": {\"actors\": {\"group\": \"team\"}, \"actions\": [\"graph_list\"]}}]}")));
    }

    @Test
    void every_problem_of_a_file_is_reported_in_one_pass() {
        List<String> found = problems(read("""
                {"version": 3, "colour": "red",
                 "groups": {"team": [], "ops": ["act-o"]},
                 "protected_branches": [" "],
                 "rules": [
                   {"id": "a", "allow": {"actors": {"group": "nobody"}, "actions": ["read"], "branch_scpoe": "any"}},
                   {"id": "b", "allow": {"actors": {"group": "nobody"}, "actions": []}},
                   {"id": "b", "allow": {"actors": {"group": "ops"}, "actions": ["admin"], "branch_scope": "any"}}]}"""));
        assertEquals(List.of(
                "unknown field `colour`, expected one of `version`, `kind`, `groups`, `protected_branches`, `rules`",
                "rules[0].allow: unknown field `branch_scpoe`, expected one of `actors`, `actions`, `branch_scope`, "
                        + "`target_branch_scope`",
                "version: policy version must be 1 (found 3)",
                "groups.team: group 'team' must list at least one actor",
                "protected_branches[0]: protected branch names must not be blank",
                "rules[1].allow.actors.group: rule 'b' names the undeclared group 'nobody' (declared groups: ops, team)",
                "rules[1].allow.actions: rule 'b' must list at least one action",
                "rules[2].id: duplicate rule id 'b' (already used by rules[1])",
                "rules[2].allow.branch_scope: rule 'b' uses branch_scope with the per-graph action 'admin'; "
                        + "branch_scope applies only to read, export, change"), found);
    }

    @Test
    void the_invalid_message_names_the_file_and_joins_the_problems() {
        PolicyBundleRead.Invalid invalid = assertInstanceOf(PolicyBundleRead.Invalid.class,
                read("{\"version\": 2, \"x\": 1}"));
        assertEquals("policy file 'policies/p.policy.yaml' is invalid: unknown field `x`, expected one of `version`, "
                + "`kind`, `groups`, `protected_branches`, `rules`; version: policy version must be 1 (found 2)",
                invalid.message());
        assertThrows(IllegalArgumentException.class, () -> new PolicyBundleRead.Invalid(FILE, List.of()));
    }

    // ---- binding alignment ----------------------------------------------------------------------

    private static final String GRAPH_BUNDLE = oneRule(
            "{\"actors\": {\"group\": \"team\"}, \"actions\": [\"read\", \"change\"], \"branch_scope\": \"any\"}");
    private static final String SERVER_BUNDLE = oneRule("{\"actors\": {\"group\": \"team\"}, \"actions\": [\"graph_list\"]}");

    @Test
    void a_bundle_fits_the_binding_of_its_kind() {
        assertInstanceOf(PolicyBundleRead.Valid.class, read(GRAPH_BUNDLE, PolicyKind.GRAPH));
        assertInstanceOf(PolicyBundleRead.Valid.class, read(SERVER_BUNDLE, PolicyKind.SERVER));
        assertInstanceOf(PolicyBundleRead.Valid.class, read("{\"version\": 1}", PolicyKind.SERVER));
        assertInstanceOf(PolicyBundleRead.Valid.class, read("{\"version\": 1}", PolicyKind.GRAPH));
    }

    @Test
    void a_cluster_bound_bundle_may_only_allow_graph_list() {
        assertEquals(List.of(
                "rules[0].allow.actions[0]: rule 'r' uses the per-graph action 'read' in a server policy bundle "
                        + "(bound to cluster); move it to a bundle bound to graphs",
                "rules[0].allow.actions[1]: rule 'r' uses the per-graph action 'change' in a server policy bundle "
                        + "(bound to cluster); move it to a bundle bound to graphs"),
                problems(read(GRAPH_BUNDLE, PolicyKind.SERVER)));
    }

    @Test
    void a_graph_bound_bundle_may_not_allow_graph_list() {
        assertEquals(List.of("rules[0].allow.actions[0]: rule 'r' uses the server-scoped action 'graph_list' in a "
                        + "graph policy bundle (bound to graphs); move it to a bundle bound to cluster"),
                problems(read(SERVER_BUNDLE, PolicyKind.GRAPH)));
    }

    @Test
    void a_declared_kind_must_match_the_binding() {
        List<String> found = problems(read("{\"version\": 1, \"kind\": \"server\"}", PolicyKind.GRAPH));
        assertEquals(List.of("kind: the bundle declares kind 'server' but is bound to graphs"), found);
        assertEquals(List.of("kind: the bundle declares kind 'graph' but is bound to cluster"),
                problems(read("{\"version\": 1, \"kind\": \"graph\"}", PolicyKind.SERVER)));
        assertInstanceOf(PolicyBundleRead.Valid.class, read("{\"version\": 1, \"kind\": \"server\"}", PolicyKind.SERVER));
    }

    // ---- the model's own guarantees -------------------------------------------------------------

    @Test
    void a_bundle_cannot_be_built_invalid() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PolicyBundle.of(
                Map.of("team", List.of("a")), List.of(), List.of(PolicyRule.allow("r", "ops", PolicyAction.READ))));
        assertEquals("invalid policy bundle: rules[0].allow.actors.group: rule 'r' names the undeclared group 'ops' "
                + "(declared groups: team)", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PolicyBundle.of(Map.of("team", List.of("a")), List.of(),
                List.of(PolicyRule.allow("r", "team", PolicyAction.GRAPH_LIST).withBranchScope(BranchScope.ANY))));
    }

    @Test
    void bundle_collections_are_immutable_copies() {
        PolicyBundle bundle = PolicyBundle.of(Map.of("team", List.of("a")), List.of("main"),
                List.of(PolicyRule.allow("r", "team", PolicyAction.READ)));
        assertThrows(UnsupportedOperationException.class, () -> bundle.groups().put("x", List.of("y")));
        assertThrows(UnsupportedOperationException.class, () -> bundle.groups().get("team").add("b"));
        assertThrows(UnsupportedOperationException.class, () -> bundle.rules().add(bundle.rules().get(0)));
        assertTrue(bundle.mentions(PolicyKind.GRAPH));
        assertTrue(!bundle.mentions(PolicyKind.SERVER));
    }
}
