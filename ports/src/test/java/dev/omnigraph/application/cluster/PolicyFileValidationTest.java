package dev.omnigraph.application.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.out.MalformedYamlException;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectNotFoundException;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.StoredObject;
import dev.omnigraph.ports.out.VersionToken;
import dev.omnigraph.ports.out.YamlDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code cluster validate}, {@code plan} and {@code apply} all start from the config loader, so a policy
 * bundle it lets through is served. It must read each bundle strictly and check it against the kind its
 * bindings give it, reporting {@code policy_invalid} at {@code policies.<name>.file} with the reasons; a
 * bundle whose bindings are mixed gets only its binding diagnostic.
 */
class PolicyFileValidationTest {

    private static final String DIR = "/cfg";
    private static final String SCHEMA = "node Person {\n    name: String @key\n}\n";

    /** The config folder: file name to text; YAML trees are canned per text (the parser is an adapter's). */
    private final Map<String, String> files = new HashMap<>();
    private final Map<String, JsonValue> trees = new HashMap<>();

    private final YamlDecoder yaml = (source, text) -> {
        JsonValue tree = trees.get(text);
        if (tree == null) {
            throw new MalformedYamlException(source, 1, 1, "canned: not YAML");
        }
        return tree;
    };

    private void file(String name, String text, JsonValue tree) {
        files.put(name, text);
        if (tree != null) {
            trees.put(text, tree);
        }
    }

    private static JsonObject allow(String group, List<String> actions, String scopeKey, String scope) {
        JsonObject.Builder allow = JsonObject.builder()
                .put("actors", JsonObject.builder().put("group", group).build())
                .put("actions", JsonArray.ofStrings(actions));
        if (scopeKey != null) {
            allow.put(scopeKey, scope);
        }
        return allow.build();
    }

    private static JsonObject bundle(String group, String actor, String ruleId, JsonObject allow, String kind) {
        JsonObject.Builder bundle = JsonObject.builder().put("version", 1);
        if (kind != null) {
            bundle.put("kind", kind);
        }
        return bundle.put("groups", JsonObject.builder().put(group, JsonArray.ofStrings(List.of(actor))).build())
                .put("rules", JsonArray.of(JsonObject.builder().put("id", ruleId).put("allow", allow).build()))
                .build();
    }

    private void cluster(List<String> graphBinding, List<String> serverBinding) {
        JsonObject tree = JsonObject.builder()
                .put("version", 1)
                .put("graphs", JsonObject.builder().put("people", JsonObject.builder().put("schema", "people.pg")
                        .build()).build())
                .put("policies", JsonObject.builder()
                        .put("graph_rules", JsonObject.builder().put("file", "policies/graph.yaml")
                                .put("applies_to", JsonArray.ofStrings(graphBinding)).build())
                        .put("server_rules", JsonObject.builder().put("file", "policies/server.yaml")
                                .put("applies_to", JsonArray.ofStrings(serverBinding)).build())
                        .build())
                .build();
        file("cluster.yaml", "# cluster " + graphBinding + serverBinding + "\n", tree);
        file("people.pg", SCHEMA, null);
    }

    private List<ClusterDiagnostic> policyDiagnostics() {
        LoadedConfig loaded = new ConfigLoader(new SourceFiles(this::locate), yaml).loadFull(DIR);
        return loaded.diagnostics().stream().filter(d -> d.path().startsWith("policies.")).toList();
    }

    @Test
    void well_formed_bundles_bound_by_their_kind_pass() {
        cluster(List.of("people"), List.of("cluster"));
        file("policies/graph.yaml", "graph ok\n", bundle("team", "act-a", "team-read",
                allow("team", List.of("read", "export"), "branch_scope", "any"), null));
        file("policies/server.yaml", "server ok\n", bundle("admins", "act-admin", "list",
                allow("admins", List.of("graph_list"), null, null), "server"));
        assertEquals(List.of(), policyDiagnostics());
    }

    @Test
    void a_misspelt_key_is_policy_invalid_with_its_location() {
        cluster(List.of("people"), List.of("cluster"));
        file("policies/graph.yaml", "graph typo\n", bundle("team", "act-a", "typo",
                allow("team", List.of("read"), "branch_scpoe", "protected"), null));
        file("policies/server.yaml", "server ok\n", bundle("admins", "act-admin", "list",
                allow("admins", List.of("graph_list"), null, null), null));
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.POLICY_INVALID, "policies.graph_rules.file",
                "policy file '/cfg/policies/graph.yaml' is invalid: rules[0].allow: unknown field `branch_scpoe`, "
                        + "expected one of `actors`, `actions`, `branch_scope`, `target_branch_scope`")),
                policyDiagnostics());
    }

    @Test
    void a_scope_on_an_action_that_takes_none_is_policy_invalid() {
        cluster(List.of("people"), List.of("cluster"));
        file("policies/graph.yaml", "graph scope\n", bundle("team", "act-a", "invalid-scope",
                allow("team", List.of("invoke_query"), "branch_scope", "any"), null));
        file("policies/server.yaml", "server ok\n", bundle("admins", "act-admin", "list",
                allow("admins", List.of("graph_list"), null, null), null));
        List<ClusterDiagnostic> found = policyDiagnostics();
        assertEquals(1, found.size(), found::toString);
        assertEquals(ClusterCodes.POLICY_INVALID, found.get(0).code());
        assertTrue(found.get(0).message().contains("branch_scope") && found.get(0).message().contains("invoke_query"),
                found.get(0).message());
    }

    @Test
    void each_binding_kind_refuses_the_other_kind_s_actions() {
        cluster(List.of("people"), List.of("cluster"));
        file("policies/graph.yaml", "graph with graph_list\n", bundle("team", "act-a", "wrong-kind",
                allow("team", List.of("graph_list"), null, null), null));
        file("policies/server.yaml", "server with read\n", bundle("admins", "act-admin", "wrong-kind",
                allow("admins", List.of("read"), "branch_scope", "any"), null));
        assertEquals(List.of(
                ClusterDiagnostic.error(ClusterCodes.POLICY_INVALID, "policies.graph_rules.file",
                        "policy file '/cfg/policies/graph.yaml' is invalid: rules[0].allow.actions[0]: rule 'wrong-kind' "
                                + "uses the server-scoped action 'graph_list' in a graph policy bundle (bound to graphs); "
                                + "move it to a bundle bound to cluster"),
                ClusterDiagnostic.error(ClusterCodes.POLICY_INVALID, "policies.server_rules.file",
                        "policy file '/cfg/policies/server.yaml' is invalid: rules[0].allow.actions[0]: rule 'wrong-kind' "
                                + "uses the per-graph action 'read' in a server policy bundle (bound to cluster); move it "
                                + "to a bundle bound to graphs")),
                policyDiagnostics());
    }

    @Test
    void a_declared_kind_must_match_the_binding() {
        cluster(List.of("people"), List.of("cluster"));
        file("policies/graph.yaml", "graph declared server\n", JsonObject.builder().put("version", 1)
                .put("kind", "server").build());
        file("policies/server.yaml", "server ok\n", JsonObject.builder().put("version", 1).put("kind", "server").build());
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.POLICY_INVALID, "policies.graph_rules.file",
                "policy file '/cfg/policies/graph.yaml' is invalid: kind: the bundle declares kind 'server' but is "
                        + "bound to graphs")), policyDiagnostics());
    }

    @Test
    void a_mixed_binding_gets_its_own_diagnostic_and_no_kind_error() {
        cluster(List.of("cluster", "people"), List.of("cluster"));
        file("policies/graph.yaml", "graph empty\n", JsonObject.builder().put("version", 1).build());
        file("policies/server.yaml", "server ok\n", JsonObject.builder().put("version", 1).build());
        List<String> codes = policyDiagnostics().stream().map(ClusterDiagnostic::code).toList();
        assertTrue(codes.contains(ClusterCodes.POLICY_MIXED_BINDING_KINDS), codes::toString);
        assertTrue(!codes.contains(ClusterCodes.POLICY_INVALID), codes::toString);
    }

    @Test
    void yaml_that_does_not_parse_is_still_policy_invalid() {
        cluster(List.of("people"), List.of("cluster"));
        file("policies/graph.yaml", "graph: [unclosed\n", null);
        file("policies/server.yaml", "server ok\n", JsonObject.builder().put("version", 1).build());
        List<ClusterDiagnostic> found = policyDiagnostics();
        assertEquals(1, found.size(), found::toString);
        assertEquals(ClusterCodes.POLICY_INVALID, found.get(0).code());
        assertTrue(found.get(0).message().startsWith("policy bundle is not valid YAML: "), found.get(0).message());
    }

    // ---- an in-memory, read-only config folder -----------------------------------------------------

    private ObjectStore locate(String folder) {
        String prefix = folder.equals(DIR) ? "" : folder.startsWith(DIR + "/") ? folder.substring(DIR.length() + 1) + "/"
                : null;
        return new ObjectStore() {
            private String name(ObjectKey key) {
                return prefix == null ? null : prefix + key.value();
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of();
            }

            @Override
            public String location() {
                return folder;
            }

            @Override
            public StoredObject get(ObjectKey key) {
                String text = files.get(name(key));
                if (text == null) {
                    throw new ObjectNotFoundException(key);
                }
                return new StoredObject(key, text.getBytes(StandardCharsets.UTF_8), new VersionToken("v1"));
            }

            @Override
            public boolean exists(ObjectKey key) {
                return files.containsKey(name(key));
            }

            @Override
            public List<ObjectKey> list(String listPrefix) {
                if (prefix == null) {
                    return List.of();
                }
                return files.keySet().stream().filter(file -> file.startsWith(prefix + listPrefix))
                        .map(file -> new ObjectKey(file.substring(prefix.length()))).sorted((a, b) ->
                                a.value().compareTo(b.value())).toList();
            }

            @Override
            public VersionToken put(ObjectKey key, byte[] bytes) {
                throw new UnsupportedOperationException("read-only");
            }

            @Override
            public VersionToken putIfAbsent(ObjectKey key, byte[] bytes) {
                throw new UnsupportedOperationException("read-only");
            }

            @Override
            public VersionToken putIfMatch(ObjectKey key, byte[] bytes, VersionToken expected) {
                throw new UnsupportedOperationException("read-only");
            }

            @Override
            public void delete(ObjectKey key) {
                throw new UnsupportedOperationException("read-only");
            }
        };
    }
}
