package dev.omnigraph.application.serving;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.serving.ServingPolicy;
import dev.omnigraph.domain.lang.Severity;
import dev.omnigraph.domain.policy.AccessDecision;
import dev.omnigraph.domain.policy.AccessRequest;
import dev.omnigraph.domain.policy.Authorization;
import dev.omnigraph.domain.policy.PolicyAction;
import dev.omnigraph.domain.policy.PolicyBundle;
import dev.omnigraph.domain.policy.PolicyBundleRead;
import dev.omnigraph.domain.policy.PolicyBundleReader;
import dev.omnigraph.domain.policy.PolicyScope;
import dev.omnigraph.domain.policy.PolicyTestSuite;
import dev.omnigraph.ports.in.InspectPolicyUseCase;
import dev.omnigraph.ports.in.PolicyBundleQuery;
import dev.omnigraph.ports.in.PolicyBundleResult;
import dev.omnigraph.ports.in.PolicyExplainQuery;
import dev.omnigraph.ports.in.PolicyExplainResult;
import dev.omnigraph.ports.in.PolicyTestQuery;
import dev.omnigraph.ports.in.PolicyTestResult;
import dev.omnigraph.ports.in.ReadServingSnapshotUseCase;
import dev.omnigraph.ports.in.ServingSnapshotQuery;
import dev.omnigraph.ports.in.ServingSnapshotResult;
import dev.omnigraph.ports.out.MalformedYamlException;
import dev.omnigraph.ports.out.PolicyDecider;
import dev.omnigraph.ports.out.PolicyEngine;
import dev.omnigraph.ports.out.PolicyEngineException;
import dev.omnigraph.ports.out.YamlDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Selects one applied policy bundle of a cluster from its serving snapshot, compiles it for the scope it is bound
 * to (a graph's bundle as that graph's, the cluster-bound one as the server's), and answers validate, test and
 * explain with the same decision path the server uses ({@link Authorization#decide}).
 *
 * <p>Selection: {@code --graph g} picks the bundle bound to {@code graph.g}; without it, the cluster's only bundle.
 * (The reference also counts the cluster-bound bundle as matching every {@code --graph}, which makes a graph's
 * bundle unselectable in a cluster that has a server bundle too; here the graph-bound bundle is chosen.)
 */
public final class PolicyInspectionService implements InspectPolicyUseCase {

    private final ReadServingSnapshotUseCase snapshots;
    private final YamlDecoder yaml;
    private final PolicyEngine engine;

    public PolicyInspectionService(ReadServingSnapshotUseCase snapshots, YamlDecoder yaml, PolicyEngine engine) {
        this.snapshots = snapshots;
        this.yaml = yaml;
        this.engine = engine;
    }

    @Override
    public PolicyBundleResult validatePolicy(PolicyBundleQuery query) {
        Compiled compiled;
        try {
            compiled = compile(query);
        } catch (Refusal refusal) {
            return new PolicyBundleResult(refusal.bundleName, 0, Optional.of(refusal.getMessage()));
        }
        return new PolicyBundleResult(Optional.of(compiled.name()), compiled.bundle().knownActors().size(), Optional.empty());
    }

    @Override
    public PolicyTestResult testPolicy(PolicyTestQuery query) {
        Compiled compiled;
        PolicyTestSuite suite;
        try {
            compiled = compile(query.bundle());
            suite = PolicyTestSuite.read(query.testsName(), yaml.decode(query.testsName(), query.testsSource()));
        } catch (Refusal refusal) {
            return new PolicyTestResult(refusal.bundleName, 0, List.of(), Optional.of(refusal.getMessage()));
        } catch (IllegalArgumentException invalid) { // a malformed YAML file included
            return new PolicyTestResult(Optional.empty(), 0, List.of(), Optional.of(invalid.getMessage()));
        }
        List<String> failures = new ArrayList<>();
        for (PolicyTestSuite.Case testCase : suite.cases()) {
            Optional<String> outOfScope = outOfScope(compiled, testCase.action());
            if (outOfScope.isPresent()) {
                failures.add(testCase.id() + ": " + outOfScope.get());
                continue;
            }
            AccessDecision decision = decide(compiled, testCase.request());
            if (decision instanceof AccessDecision.Failed failed) {
                failures.add(testCase.id() + ": " + failed.message());
            } else if (decision.allowed() != testCase.expectAllowed()) {
                failures.add(testCase.id() + ": expected " + (testCase.expectAllowed() ? "Allow" : "Deny") + " but got "
                        + (decision.allowed() ? "allow" : "deny"));
            }
        }
        return new PolicyTestResult(Optional.of(compiled.name()), suite.cases().size(), failures, Optional.empty());
    }

    @Override
    public PolicyExplainResult explainPolicy(PolicyExplainQuery query) {
        Compiled compiled;
        try {
            compiled = compile(query.bundle());
        } catch (Refusal refusal) {
            return PolicyExplainResult.refused(refusal.getMessage());
        }
        Optional<PolicyAction> action = PolicyAction.fromWireName(query.action());
        if (action.isEmpty()) {
            return PolicyExplainResult.refused("unknown action '" + query.action() + "' (known: "
                    + PolicyAction.wireNames() + ")");
        }
        Optional<String> outOfScope = outOfScope(compiled, action.get());
        if (outOfScope.isPresent()) {
            return PolicyExplainResult.refused(outOfScope.get());
        }
        AccessRequest request = AccessRequest.of(Optional.of(query.actor()), action.get());
        if (query.branch().isPresent()) {
            request = request.onBranch(query.branch().get());
        }
        if (query.targetBranch().isPresent()) {
            request = request.targeting(query.targetBranch().get());
        }
        AccessDecision decision = decide(compiled, request);
        if (decision instanceof AccessDecision.Failed failed) {
            return PolicyExplainResult.refused(failed.message());
        }
        String message = decision instanceof AccessDecision.Denied denied ? denied.message()
                : "policy allowed action '" + action.get() + "' for actor '" + query.actor() + "'";
        return new PolicyExplainResult(decision.allowed(), decision.matchedRuleId(), message, Optional.empty());
    }

    // ---- selection and compilation ---------------------------------------------------------------------------------

    /** A selected bundle compiled for its scope. */
    private record Compiled(String name, PolicyBundle bundle, PolicyScope scope, PolicyDecider decider) {
    }

    /** Why no bundle can answer; carries the bundle's name once it is known. */
    private static final class Refusal extends RuntimeException {
        private final Optional<String> bundleName;

        Refusal(Optional<String> bundleName, String message) {
            super(message);
            this.bundleName = bundleName;
        }
    }

    private Compiled compile(PolicyBundleQuery query) {
        ServingSnapshotResult snapshot = snapshots.readServingSnapshot(new ServingSnapshotQuery(query.cluster()));
        if (!snapshot.ready()) {
            throw new Refusal(Optional.empty(), "cluster `" + query.cluster() + "` is not servable:\n  "
                    + snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                            .map(ClusterDiagnostic::message).collect(Collectors.joining("\n  ")));
        }
        ServingPolicy selected = select(query, snapshot.policies());
        PolicyScope scope = query.graphId().map(PolicyScope::graph).orElseGet(() -> scopeOf(selected));
        Optional<String> name = Optional.of(selected.name());
        PolicyBundleRead read;
        try {
            read = PolicyBundleReader.read(selected.name(), selected.source(), yaml.decode(selected.name(), selected.source()),
                    Optional.of(scope.kind()));
        } catch (MalformedYamlException malformed) {
            throw new Refusal(name, "policy '" + selected.name() + "' is not valid YAML: " + malformed.getMessage());
        }
        if (read instanceof PolicyBundleRead.Invalid invalid) {
            throw new Refusal(name, invalid.message());
        }
        PolicyBundle bundle = ((PolicyBundleRead.Valid) read).bundle();
        try {
            return new Compiled(selected.name(), bundle, scope, engine.compile(bundle, scope));
        } catch (PolicyEngineException failed) {
            throw new Refusal(name, "policy '" + selected.name() + "' does not compile: " + failed.getMessage());
        }
    }

    private static ServingPolicy select(PolicyBundleQuery query, List<ServingPolicy> policies) {
        String cluster = query.cluster();
        if (query.graphId().isPresent()) {
            String binding = "graph." + query.graphId().get();
            List<ServingPolicy> bound = policies.stream().filter(p -> p.appliesTo().contains(binding)).toList();
            if (bound.size() == 1) {
                return bound.get(0);
            }
            if (bound.isEmpty()) {
                throw new Refusal(Optional.empty(), "cluster `" + cluster + "` has no policy bundle bound to graph `"
                        + query.graphId().get() + "`");
            }
            throw new Refusal(Optional.empty(), "graph `" + query.graphId().get() + "` in cluster `" + cluster
                    + "` matches " + bound.size() + " policy bundles ([" + names(bound) + "]); the cluster model "
                    + "expects one bundle per graph scope");
        }
        if (policies.size() == 1) {
            return policies.get(0);
        }
        if (policies.isEmpty()) {
            throw new Refusal(Optional.empty(), "cluster `" + cluster + "` has no applied policy bundles");
        }
        throw new Refusal(Optional.empty(), "cluster `" + cluster + "` has " + policies.size() + " policy bundles (["
                + names(policies) + "]); pass --graph <id> to select one");
    }

    /** A bundle selected without {@code --graph}: the server's when bound to the cluster, else its first graph's. */
    private static PolicyScope scopeOf(ServingPolicy policy) {
        if (policy.appliesTo().contains("cluster")) {
            return PolicyScope.server();
        }
        return policy.appliesTo().stream().filter(binding -> binding.startsWith("graph.")).findFirst()
                .map(binding -> PolicyScope.graph(binding.substring("graph.".length())))
                .orElseGet(PolicyScope::server);
    }

    private static String names(List<ServingPolicy> policies) {
        return policies.stream().map(ServingPolicy::name).collect(Collectors.joining(", "));
    }

    private static Optional<String> outOfScope(Compiled compiled, PolicyAction action) {
        if (action.kind() == compiled.scope().kind()) {
            return Optional.empty();
        }
        return Optional.of("action '" + action + "' is a " + action.kind().adjective() + " action; bundle '"
                + compiled.name() + "' governs the " + compiled.scope().kind().wireName() + " scope " + compiled.scope());
    }

    private static AccessDecision decide(Compiled compiled, AccessRequest request) {
        return Authorization.decide(compiled.scope(), request,
                Optional.of((actor, asked) -> compiled.decider().evaluate(asked)));
    }
}
