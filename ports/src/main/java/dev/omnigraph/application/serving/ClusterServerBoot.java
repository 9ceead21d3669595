package dev.omnigraph.application.serving;

import dev.omnigraph.application.access.AccessControl;
import dev.omnigraph.application.engine.OpenGraph;
import dev.omnigraph.domain.access.RuntimeClassification;
import dev.omnigraph.domain.access.RuntimeStateClassifier;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.serving.QuarantinedGraph;
import dev.omnigraph.domain.cluster.serving.ServingGraph;
import dev.omnigraph.domain.cluster.serving.ServingPolicy;
import dev.omnigraph.domain.cluster.serving.ServingStoredQuery;
import dev.omnigraph.domain.lang.DiagnosticException;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.policy.PolicyBundle;
import dev.omnigraph.domain.policy.PolicyBundleRead;
import dev.omnigraph.domain.policy.PolicyBundleReader;
import dev.omnigraph.domain.policy.PolicyKind;
import dev.omnigraph.domain.policy.PolicyScope;
import dev.omnigraph.domain.query.QueryCompiler;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.serving.ServedGraphIds;
import dev.omnigraph.ports.in.ReadServingSnapshotUseCase;
import dev.omnigraph.ports.in.ServingSnapshotQuery;
import dev.omnigraph.ports.in.ServingSnapshotResult;
import dev.omnigraph.ports.out.MalformedYamlException;
import dev.omnigraph.ports.out.PolicyDecider;
import dev.omnigraph.ports.out.PolicyEngine;
import dev.omnigraph.ports.out.PolicyEngineException;
import dev.omnigraph.ports.out.YamlDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots the served surface of a cluster (cluster-server notes §7.2–7.4, §8.1): reads the serving
 * snapshot (cluster-global problems refuse the boot with every diagnostic), binds one policy bundle per
 * scope, builds each graph's stored-query registry, classifies the runtime state, then opens every graph
 * and type-checks its stored queries against the live schema. A graph-local problem quarantines just that
 * graph (logged loudly, absent from every route); strict mode turns any quarantine into a refusal; a
 * boot that would serve nothing is refused. Opening a graph runs its engine recovery sweep once (the
 * serving engine's writers then only roll forward); a sweep that fails quarantines the graph.
 */
public final class ClusterServerBoot {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterServerBoot.class);
    private static final int OPEN_CONCURRENCY = 4;
    private static final String MAIN = "main";

    private final ReadServingSnapshotUseCase snapshots;
    private final YamlDecoder yaml;
    private final PolicyEngine policyEngine;
    private final ClusterServingService.Engines engines;

    public ClusterServerBoot(ReadServingSnapshotUseCase snapshots, YamlDecoder yaml, PolicyEngine policyEngine,
                             ClusterServingService.Engines engines) {
        this.snapshots = snapshots;
        this.yaml = yaml;
        this.policyEngine = policyEngine;
        this.engines = engines;
    }

    public BootOutcome boot(BootSettings settings) {
        ServingSnapshotResult snapshot = snapshots.readServingSnapshot(new ServingSnapshotQuery(settings.cluster()));
        if (!snapshot.ready()) {
            return new BootOutcome.Refused(snapshot.refusalMessage());
        }
        if (settings.requireAllGraphs()) {
            Optional<String> strict = snapshot.strictRefusalMessage();
            if (strict.isPresent()) {
                return new BootOutcome.Refused(strict.get());
            }
        }
        List<String> warnings = new ArrayList<>();
        for (ClusterDiagnostic diagnostic : snapshot.diagnostics()) {
            warnings.add("[" + diagnostic.code() + "] " + diagnostic.path() + ": " + diagnostic.message());
        }
        List<QuarantinedGraph> quarantined = new ArrayList<>(snapshot.quarantined());

        // ---- policy slots: one bundle per scope --------------------------------------------------
        Optional<ServingPolicy> serverPolicy = Optional.empty();
        Map<String, ServingPolicy> graphPolicies = new TreeMap<>();
        for (ServingPolicy policy : snapshot.policies()) {
            for (String binding : policy.appliesTo()) {
                if (binding.equals("cluster")) {
                    if (serverPolicy.isPresent()) {
                        return new BootOutcome.Refused("multiple policy bundles bind the cluster scope; cluster-mode "
                                + "serving supports one bundle per scope — split or merge bundles");
                    }
                    serverPolicy = Optional.of(policy);
                } else if (binding.startsWith("graph.")) {
                    String graphId = binding.substring("graph.".length());
                    if (graphPolicies.put(graphId, policy) != null) {
                        return new BootOutcome.Refused("multiple policy bundles bind graph '" + graphId
                                + "'; cluster-mode serving supports one bundle per scope — split or merge bundles");
                    }
                } else {
                    return new BootOutcome.Refused("unrecognized policy binding '" + binding + "' in the applied revision");
                }
            }
        }
        List<PolicyDecider> deciders = new ArrayList<>();
        if (serverPolicy.isPresent()) {
            try {
                deciders.add(compile(serverPolicy.get(), PolicyKind.SERVER, PolicyScope.server()));
            } catch (UnservablePolicyException broken) {
                return new BootOutcome.Refused("the cluster policy bundle cannot be served: " + broken.getMessage());
            }
        }

        // ---- per graph: stored-query registry and policy ------------------------------------------
        Map<String, ServingGraph> candidates = new LinkedHashMap<>();
        Map<String, Map<String, StoredQuery>> registries = new TreeMap<>();
        for (ServingGraph graph : snapshot.graphs()) {
            Optional<String> invalidId = ServedGraphIds.problem(graph.graphId());
            if (invalidId.isPresent()) {
                quarantine(quarantined, warnings, graph.graphId(), "invalid server graph id: " + invalidId.get());
                continue;
            }
            try {
                registries.put(graph.graphId(), registry(snapshot.queriesOf(graph.graphId())));
            } catch (DiagnosticException | IllegalArgumentException unparsable) {
                quarantine(quarantined, warnings, graph.graphId(), "stored queries failed to parse: " + unparsable.getMessage());
                continue;
            }
            ServingPolicy bound = graphPolicies.get(graph.graphId());
            if (bound != null) {
                try {
                    deciders.add(compile(bound, PolicyKind.GRAPH, PolicyScope.graph(graph.graphId())));
                } catch (UnservablePolicyException broken) {
                    quarantine(quarantined, warnings, graph.graphId(), "graph policy failed to load: " + broken.getMessage());
                    registries.remove(graph.graphId());
                    continue;
                }
            }
            candidates.put(graph.graphId(), graph);
        }
        if (candidates.isEmpty()) {
            return new BootOutcome.Refused("the cluster at '" + settings.cluster() + "' has no healthy graphs to serve"
                    + (quarantined.isEmpty() ? "" : " (quarantined: " + describe(quarantined) + ")"));
        }
        if (settings.requireAllGraphs() && !quarantined.isEmpty()) {
            return new BootOutcome.Refused("strict cluster boot requires every graph to build startup settings "
                    + "(quarantined: " + describe(quarantined) + ")");
        }

        // ---- runtime state ---------------------------------------------------------------------------
        // deciders exist only for the server and for graphs still served (a quarantined graph's bundle is never compiled)
        RuntimeClassification classification = RuntimeStateClassifier.classify(!settings.tokens().isEmpty(),
                !deciders.isEmpty(), settings.allowUnauthenticated());
        if (classification instanceof RuntimeClassification.Refuse refuse) {
            return new BootOutcome.Refused(refuse.message());
        }
        RuntimeClassification.Serve serve = (RuntimeClassification.Serve) classification;
        serve.warning().ifPresent(warnings::add);

        // ---- open the graphs ------------------------------------------------------------------------
        int configured = candidates.size();
        Map<String, String> openFailures = openAll(candidates, registries);
        openFailures.forEach((graphId, reason) -> quarantine(quarantined, warnings, graphId, reason));
        if (settings.requireAllGraphs() && !openFailures.isEmpty()) {
            return new BootOutcome.Refused("strict multi-graph startup requires every graph to open (" + configured
                    + " configured, " + openFailures.size() + " failed)");
        }
        if (openFailures.size() == configured) {
            return new BootOutcome.Refused("no healthy graphs opened from multi-graph startup config (" + configured
                    + " configured, " + openFailures.size() + " failed)");
        }
        List<ServedGraph> served = candidates.values().stream()
                .filter(graph -> !openFailures.containsKey(graph.graphId()))
                .map(graph -> new ServedGraph(graph.graphId(), graph.root(), registries.get(graph.graphId())))
                .toList();
        AccessControl servedAccess = new AccessControl(deciders.stream()
                .filter(decider -> !(decider.scope() instanceof PolicyScope.Graph graph)
                        || !openFailures.containsKey(graph.graphId()))
                .toList());
        ClusterServingService service = new ClusterServingService(served,
                new TokenAuthentication(settings.tokens(), servedAccess.hasPolicy()), new PolicyAccessGate(servedAccess),
                settings.admission(), engines);
        return new BootOutcome.Ready(service, serve.state(), quarantined, warnings);
    }

    /**
     * The stored queries of one graph by name. Each catalog entry names one query of its source (a
     * {@code .gq} file may declare several, each applied as its own resource); the whole source is kept
     * so the query compiles with its siblings.
     */
    private static Map<String, StoredQuery> registry(List<ServingStoredQuery> sources) {
        Map<String, StoredQuery> byName = new TreeMap<>();
        for (ServingStoredQuery stored : sources) {
            String sourceName = "query." + stored.graphId() + "." + stored.name();
            QueryDecl declaration = QueryCompiler.parse(new SourceFile(sourceName, stored.source())).file().queries()
                    .stream().filter(query -> query.name().equals(stored.name())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("stored query '" + stored.name()
                            + "' is not declared in its applied source"));
            byName.put(stored.name(), new StoredQuery(declaration, sourceName, stored.source()));
        }
        return byName;
    }

    /** Opens each graph (a few at a time) and type-checks its stored queries; returns the failures by graph id. */
    private Map<String, String> openAll(Map<String, ServingGraph> graphs, Map<String, Map<String, StoredQuery>> registries) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(OPEN_CONCURRENCY, graphs.size()));
        try {
            Map<String, Future<Optional<String>>> pending = new LinkedHashMap<>();
            for (ServingGraph graph : graphs.values()) {
                pending.put(graph.graphId(), pool.submit(() -> openFailure(graph, registries.get(graph.graphId()))));
            }
            Map<String, String> failures = new TreeMap<>();
            for (Map.Entry<String, Future<Optional<String>>> entry : pending.entrySet()) {
                try {
                    entry.getValue().get().ifPresent(reason -> failures.put(entry.getKey(), reason));
                } catch (ExecutionException crashed) {
                    failures.put(entry.getKey(), "graph open failed: " + crashed.getCause());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    failures.put(entry.getKey(), "graph open was interrupted");
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<String> openFailure(ServingGraph graph, Map<String, StoredQuery> registry) {
        OpenGraph open;
        try {
            // opening for writes: finish or undo interrupted engine writes first (the full sweep)
            int recovered = engines.engine().recoverGraph(graph.root());
            if (recovered > 0) {
                LOG.warn("graph '{}': recovered {} interrupted write(s) at startup", graph.graphId(), recovered);
            }
            open = engines.engine().open(graph.root(), MAIN);
        } catch (RuntimeException unopenable) {
            return Optional.of("graph open failed at '" + graph.root() + "': " + unopenable.getMessage());
        }
        List<String> broken = new ArrayList<>();
        for (StoredQuery stored : registry.values()) {
            try {
                QueryCompiler.compile(open.catalog(), new SourceFile(stored.sourceName(), stored.source()), stored.name());
            } catch (DiagnosticException | IllegalArgumentException invalid) {
                broken.add(stored.name() + ": " + invalid.getMessage());
            }
        }
        return broken.isEmpty() ? Optional.empty()
                : Optional.of("stored queries no longer type-check against the live schema: " + String.join("; ", broken));
    }

    private PolicyDecider compile(ServingPolicy policy, PolicyKind kind, PolicyScope scope) {
        PolicyBundleRead read;
        try {
            read = PolicyBundleReader.read(policy.name(), policy.source(), yaml.decode(policy.name(), policy.source()),
                    Optional.of(kind));
        } catch (MalformedYamlException malformed) {
            throw new UnservablePolicyException("policy '" + policy.name() + "' is not valid YAML: " + malformed.getMessage());
        }
        if (read instanceof PolicyBundleRead.Invalid invalid) {
            throw new UnservablePolicyException(invalid.message());
        }
        PolicyBundle bundle = ((PolicyBundleRead.Valid) read).bundle();
        try {
            return policyEngine.compile(bundle, scope);
        } catch (PolicyEngineException failed) {
            throw new UnservablePolicyException("policy '" + policy.name() + "' does not compile: " + failed.getMessage());
        }
    }

    /** Leaves a graph out; the warning is logged by whoever starts the server (once, with the others). */
    private static void quarantine(List<QuarantinedGraph> quarantined, List<String> warnings, String graphId, String reason) {
        quarantined.add(new QuarantinedGraph(graphId, reason));
        warnings.add("graph quarantined during startup: graph '" + graphId + "': " + reason);
    }

    private static String describe(List<QuarantinedGraph> quarantined) {
        return quarantined.stream().map(graph -> graph.graphId() + ": " + graph.reason()).collect(Collectors.joining(", "));
    }

    /** A bundle that cannot be served (invalid or not compiling); quarantines its graph or refuses the boot. */
    private static final class UnservablePolicyException extends RuntimeException {
        UnservablePolicyException(String message) {
            super(message);
        }
    }
}
