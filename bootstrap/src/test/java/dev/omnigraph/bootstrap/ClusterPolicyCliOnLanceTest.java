package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnigraph.domain.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policy validate|test|explain --cluster} (cluster notes §2.8) on the example cluster's applied bundles, read
 * from the serving snapshot and decided by the real Cedar engine exactly as the server decides.
 */
class ClusterPolicyCliOnLanceTest {

    @TempDir
    Path temp;

    @Test
    void a_graph_bundle_is_validated_explained_and_tested() throws IOException {
        Path dir = ExampleCluster.converged(temp);
        String cluster = dir.toString();

        InProcessCli ambiguous = InProcessCli.run("policy", "validate", "--cluster", cluster);
        assertEquals(1, ambiguous.exitCode());
        assertEquals("omnigraph: error: cluster `" + cluster + "` has 2 policy bundles ([people, server]); pass --graph "
                + "<id> to select one", ambiguous.err().strip());
        InProcessCli valid = InProcessCli.run("policy", "validate", "--cluster", cluster, "--graph", "people");
        assertEquals(0, valid.exitCode(), valid.toString());
        assertEquals("policy valid: bundle 'people' [2 actors]", valid.out().strip());

        InProcessCli allowed = InProcessCli.run("policy", "explain", "--cluster", cluster, "--graph", "people",
                "--actor", "act-alice", "--action", "read", "--branch", "main");
        assertEquals(0, allowed.exitCode(), allowed.toString());
        assertEquals(String.join("\n", "decision: allow", "actor: act-alice", "action: read", "branch: main",
                "matched_rule: readers-read", "message: policy allowed action 'read' for actor 'act-alice'"),
                allowed.out().strip());
        InProcessCli denied = InProcessCli.run("policy", "explain", "--cluster", cluster, "--graph", "people",
                "--actor", "act-alice", "--action", "change", "--branch", "main", "--json");
        JsonObject decision = denied.json();
        assertEquals("deny", decision.get("decision").asString());
        assertEquals("policy denied action 'change' on branch 'main' for actor 'act-alice'",
                decision.get("message").asString());
        InProcessCli otherScope = InProcessCli.run("policy", "explain", "--cluster", cluster, "--graph", "people",
                "--actor", "act-admin", "--action", "graph_list");
        assertEquals(1, otherScope.exitCode());

        Path tests = temp.resolve("people.tests.yaml");
        Files.writeString(tests, """
                version: 1
                cases:
                  - {id: alice-reads, actor: act-alice, action: read, branch: main, expect: allow}
                  - {id: alice-cannot-change, actor: act-alice, action: change, branch: main, expect: deny}
                  - {id: bob-branches, actor: act-bob, action: branch_create, target_branch: feature, expect: allow}
                  - {id: bob-not-onto-main, actor: act-bob, action: branch_create, target_branch: main, expect: deny}
                """);
        InProcessCli passed = InProcessCli.run("policy", "test", "--cluster", cluster, "--graph", "people",
                "--tests", tests.toString());
        assertEquals(0, passed.exitCode(), passed.toString());
        assertEquals("policy tests passed: 4 cases", passed.out().strip());

        Files.writeString(tests, Files.readString(tests).replace("id: alice-cannot-change, actor: act-alice, action: "
                + "change, branch: main, expect: deny", "id: alice-changes, actor: act-alice, action: change, branch: "
                + "main, expect: allow"));
        InProcessCli failed = InProcessCli.run("policy", "test", "--cluster", cluster, "--graph", "people",
                "--tests", tests.toString());
        assertEquals(1, failed.exitCode());
        assertEquals("omnigraph: error: policy tests failed:\nalice-changes: expected Allow but got deny",
                failed.err().strip());

        Files.writeString(tests, "version: 2\ncases: [{id: x, actor: a, action: fly, expect: allow}]\n");
        InProcessCli invalid = InProcessCli.run("policy", "test", "--cluster", cluster, "--graph", "people",
                "--tests", tests.toString());
        assertEquals(1, invalid.exitCode());
        assertEquals(true, invalid.err().contains("version: policy test version must be 1")
                && invalid.err().contains("cases[0].action: unknown action 'fly'"), invalid.err());
    }
}
