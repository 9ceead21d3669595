package dev.omnigraph.adapters.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnigraph.domain.policy.AccessDecision;
import dev.omnigraph.domain.policy.AccessRequest;
import dev.omnigraph.domain.policy.Authorization;
import dev.omnigraph.domain.policy.PolicyAction;
import dev.omnigraph.domain.policy.PolicyBundle;
import dev.omnigraph.domain.policy.PolicyKind;
import dev.omnigraph.domain.policy.PolicyScope;
import dev.omnigraph.domain.policy.PolicyVerdict;
import dev.omnigraph.ports.out.PolicyDecider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The real-world corpus' bundles, compiled by Cedar, must grant and deny exactly what they say, for every
 * actor the corpus names (plus one it does not) and every action, on a protected and an unprotected branch.
 * The corpus lives outside this repository ({@code -Domnigraph.fixtures}); without it these tests are
 * skipped, never silently passed.
 */
class IndustryIntelPoliciesTest {

    private static final String[] ACTORS = {"act-reader", "act-analyst", "act-admin", "act-unknown"};

    private static Path policies() {
        String configured = System.getProperty("omnigraph.fixtures");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("omnigraph.projectRoot", "..")).resolve("../shared/fixtures");
        Path folder = root.resolve("industry-intel/policies").normalize();
        assumeTrue(Files.isDirectory(folder), "fixtures absent at " + folder + " (set -Domnigraph.fixtures)");
        return folder;
    }

    private static PolicyBundle bundle(String name, PolicyKind boundAs) throws IOException {
        Path file = policies().resolve(name);
        return TestYaml.bundle(file.toString(), Files.readString(file), Optional.of(boundAs));
    }

    /** The verdict kind written in the bundle, per actor, for each per-graph action on any branch. */
    private static String expectedIntel(String actor, PolicyAction action) {
        boolean reader = actor.equals("act-reader") || actor.equals("act-analyst");
        boolean analyst = actor.equals("act-analyst");
        if (!reader) {
            return "unknown";
        }
        return switch (action) {
            case INVOKE_QUERY -> "invoke-stored-queries";
            case READ, EXPORT -> "read-data";
            case CHANGE -> analyst ? "analyst-writes" : "deny";
            default -> "deny";
        };
    }

    private static String verdictName(PolicyVerdict verdict) {
        if (verdict instanceof PolicyVerdict.Permitted permitted) {
            return permitted.matchedRuleId();
        }
        return verdict instanceof PolicyVerdict.UnknownActor ? "unknown" : "deny";
    }

    @Test
    void the_graph_bundle_grants_exactly_what_it_says() throws IOException {
        PolicyDecider intel = PolicyEngines.cedar().compile(bundle("intel.policy.yaml", PolicyKind.GRAPH),
                PolicyScope.graph("spike"));
        for (String actor : ACTORS) {
            for (PolicyAction action : PolicyAction.values()) {
                if (action.kind() != PolicyKind.GRAPH) {
                    continue;
                }
                for (String branch : new String[] {"main", "scratch"}) {
                    AccessRequest request = AccessRequest.of(Optional.of(actor), action);
                    request = action.acceptsTargetBranchScope() ? request.onBranch("main").targeting(branch)
                            : action.acceptsBranchScope() ? request.onBranch(branch) : request;
                    assertEquals(expectedIntel(actor, action), verdictName(intel.evaluate(request)),
                            actor + " " + action + " " + branch);
                }
            }
        }
    }

    @Test
    void the_server_bundle_lets_only_the_admin_list_graphs() throws IOException {
        PolicyDecider server = PolicyEngines.cedar().compile(bundle("server.policy.yaml", PolicyKind.SERVER),
                PolicyScope.server());
        Map<String, String> expected = Map.of("act-admin", "admin-graph-list", "act-reader", "unknown",
                "act-analyst", "unknown", "act-unknown", "unknown");
        for (String actor : ACTORS) {
            assertEquals(expected.get(actor), verdictName(server.evaluate(AccessRequest.of(Optional.of(actor),
                    PolicyAction.GRAPH_LIST))), actor);
        }
    }

    @Test
    void served_decisions_for_the_corpus() throws IOException {
        PolicyDecider intel = PolicyEngines.cedar().compile(bundle("intel.policy.yaml", PolicyKind.GRAPH),
                PolicyScope.graph("spike"));
        PolicyDecider server = PolicyEngines.cedar().compile(bundle("server.policy.yaml", PolicyKind.SERVER),
                PolicyScope.server());
        Authorization.VerdictSource intelEngine = (actor, request) -> intel.evaluate(request);
        Authorization.VerdictSource serverEngine = (actor, request) -> server.evaluate(request);

        assertEquals(new AccessDecision.Allowed(Optional.of("analyst-writes")), Authorization.decide(
                PolicyScope.graph("spike"), AccessRequest.of(Optional.of("act-analyst"), PolicyAction.CHANGE)
                        .onBranch("main"), Optional.of(intelEngine)));
        assertEquals(new AccessDecision.Denied(403, "policy denied action 'change' on branch 'main' for actor "
                + "'act-reader'", Optional.empty()), Authorization.decide(PolicyScope.graph("spike"),
                AccessRequest.of(Optional.of("act-reader"), PolicyAction.CHANGE).onBranch("main"),
                Optional.of(intelEngine)));
        assertEquals(new AccessDecision.Denied(403, "policy denied action 'read' for unknown actor 'act-admin'",
                Optional.empty()), Authorization.decide(PolicyScope.graph("spike"),
                AccessRequest.of(Optional.of("act-admin"), PolicyAction.READ), Optional.of(intelEngine)));
        assertEquals(new AccessDecision.Allowed(Optional.of("admin-graph-list")), Authorization.decide(
                PolicyScope.server(), AccessRequest.of(Optional.of("act-admin"), PolicyAction.GRAPH_LIST),
                Optional.of(serverEngine)));
        assertEquals(new AccessDecision.Denied(401, "missing bearer token", Optional.empty()), Authorization.decide(
                PolicyScope.server(), AccessRequest.of(Optional.empty(), PolicyAction.GRAPH_LIST),
                Optional.of(serverEngine)));
    }
}
