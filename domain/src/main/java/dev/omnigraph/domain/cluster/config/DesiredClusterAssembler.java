package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.cluster.ResourceDigests;
import dev.omnigraph.domain.json.JsonDigest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the desired revision from the file-free validation and what the application read:
 * one resource per readable schema, query and policy file (digest = the file's hash), one per
 * provider, one composite per declared graph; dependency edges including the query edges; the
 * config digest over the parsed config and every resource digest. Query names are id-checked
 * here because discovery is where they become known.
 */
public final class DesiredClusterAssembler {

    private DesiredClusterAssembler() {
    }

    public record Assembly(DesiredCluster desired, List<ClusterDiagnostic> diagnostics) {
        public Assembly {
            Objects.requireNonNull(desired, "desired");
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * @param graphSources per graph id; a graph without an entry is treated as unreadable schema and no queries
     * @param policyFiles  per policy name, the readable bundle files only
     */
    public static Assembly assemble(DeclaredCluster declared, Map<String, GraphSources> graphSources,
                                    Map<String, SourceFile> policyFiles) {
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        TreeMap<String, ResourceSummary> resources = new TreeMap<>();
        TreeSet<Dependency> dependencies = new TreeSet<>(declared.dependencies());
        declared.embeddingProviderDigests().forEach((address, digest) ->
                resources.put(address, new ResourceSummary(address, "embedding_provider", digest, Optional.empty())));

        List<DesiredGraph> graphs = new ArrayList<>();
        for (DeclaredGraph graph : declared.graphs().values()) {
            GraphSources sources = graphSources.getOrDefault(graph.id(), new GraphSources(Optional.empty(), new TreeMap<>()));
            String graphAddress = ResourceAddress.graph(graph.id());
            String schemaAddress = ResourceAddress.schema(graph.id());
            sources.schema().ifPresent(schema -> resources.put(schemaAddress,
                    new ResourceSummary(schemaAddress, "schema", schema.digest(), Optional.of(schema.displayPath()))));
            TreeMap<String, String> queryDigests = new TreeMap<>();
            sources.queries().forEach((name, file) -> {
                ClusterConfigValidator.validateId("query name", "graphs." + graph.id() + ".queries." + name, name,
                        diagnostics);
                String queryAddress = ResourceAddress.query(graph.id(), name);
                dependencies.add(new Dependency(queryAddress, graphAddress));
                dependencies.add(new Dependency(queryAddress, schemaAddress));
                file.ifPresent(source -> {
                    queryDigests.put(name, source.digest());
                    resources.put(queryAddress, new ResourceSummary(queryAddress, "query", source.digest(),
                            Optional.of(source.displayPath())));
                });
            });
            Optional<String> providerDigest = graph.embeddingProvider()
                    .map(address -> declared.embeddingProviderDigests().get(address));
            String composite = ResourceDigests.graphComposite(graph.id(), sources.schema().map(SourceFile::digest),
                    queryDigests, graph.embeddingProvider(), providerDigest, graph.externalBlobPolicy());
            resources.put(graphAddress, new ResourceSummary(graphAddress, "graph", composite, Optional.empty()));
            graphs.add(new DesiredGraph(graph.id(), sources.schema().map(SourceFile::digest).orElse(""),
                    graph.embeddingProvider(), graph.externalBlobPolicy()));
        }

        TreeMap<String, List<String>> policyBindings = new TreeMap<>();
        for (DeclaredPolicy policy : declared.policies().values()) {
            String address = ResourceAddress.policy(policy.name());
            SourceFile file = policyFiles.get(policy.name());
            if (file != null) {
                resources.put(address, new ResourceSummary(address, "policy", file.digest(),
                        Optional.of(file.displayPath())));
            }
            policyBindings.put(address, policy.bindings());
        }

        TreeMap<String, String> resourceDigests = new TreeMap<>();
        resources.forEach((address, summary) -> resourceDigests.put(address, summary.digest()));
        DesiredCluster desired = new DesiredCluster(
                ResourceDigests.config(declared.config().toSemanticJson(), resourceDigests),
                declared.settings(), declared.embeddingProviders(), graphs, resourceDigests,
                sortedByAddress(resources), new ArrayList<>(dependencies), policyBindings);
        return new Assembly(desired, diagnostics);
    }

    private static List<ResourceSummary> sortedByAddress(TreeMap<String, ResourceSummary> resources) {
        List<ResourceSummary> list = new ArrayList<>(resources.values());
        list.sort((a, b) -> JsonDigest.CODE_POINT_ORDER.compare(a.address(), b.address()));
        return list;
    }
}
