package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.ResourceDigests;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesiredClusterAssemblerTest {

    private static DesiredClusterAssembler.Assembly assembleExample(String peopleSchemaDigest) {
        DeclaredCluster declared = ClusterConfigValidator.validate(ConfigFixtures.parse(ConfigFixtures.EXAMPLE));
        TreeMap<String, Optional<SourceFile>> peopleQueries = new TreeMap<>();
        peopleQueries.put("find", Optional.of(new SourceFile("/c/queries/people.gq", "qd")));
        peopleQueries.put("list", Optional.of(new SourceFile("/c/queries/people.gq", "qd")));
        TreeMap<String, Optional<SourceFile>> archiveQueries = new TreeMap<>();
        archiveQueries.put("find_old", Optional.empty());
        return DesiredClusterAssembler.assemble(declared, Map.of(
                        "people", new GraphSources(Optional.of(new SourceFile("/c/people.pg", peopleSchemaDigest)), peopleQueries),
                        "archive", new GraphSources(Optional.of(new SourceFile("/c/people.pg", "sd")), archiveQueries)),
                Map.of("graph_rules", new SourceFile("/c/graph.policy.yaml", "gp")));
    }

    @Test
    void resourcesEdgesAndDigestsOfTheExample() {
        DesiredCluster desired = assembleExample("sd").desired();
        assertEquals(List.of("graph.archive", "graph.people", "policy.graph_rules", "provider.embedding.default",
                "query.people.find", "query.people.list", "schema.archive", "schema.people"),
                List.copyOf(desired.resourceDigests().keySet()));
        assertEquals(ResourceDigests.graphComposite("people", Optional.of("sd"), Map.of("find", "qd", "list", "qd"),
                        Optional.of("provider.embedding.default"),
                        Optional.of(desired.resourceDigests().get("provider.embedding.default")),
                        desired.graph("people").orElseThrow().externalBlobPolicy()),
                desired.resourceDigests().get("graph.people"));
        assertEquals(ResourceDigests.graphComposite("archive", Optional.of("sd"), Map.of(), Optional.empty(),
                Optional.empty(), desired.graph("archive").orElseThrow().externalBlobPolicy()),
                desired.resourceDigests().get("graph.archive"));
        assertTrue(desired.dependencies().contains(new Dependency("query.archive.find_old", "schema.archive")),
                "declared queries have edges even when their file was unreadable");
        assertEquals(Optional.of("/c/graph.policy.yaml"), desired.sourcePath("policy.graph_rules"));
        assertEquals(List.of("cluster"), desired.policyBindings().get("policy.server_rules"));
        assertEquals(ResourceDigests.config(ConfigFixtures.parse(ConfigFixtures.EXAMPLE).toSemanticJson(),
                desired.resourceDigests()), desired.configDigest());
    }

    @Test
    void anyReferencedFileEditChangesTheConfigDigest() {
        assertNotEquals(assembleExample("sd").desired().configDigest(), assembleExample("sd2").desired().configDigest());
        assertEquals(assembleExample("sd").desired().configDigest(), assembleExample("sd").desired().configDigest());
    }

    @Test
    void validateExtrasWarnForDenyGraphs() {
        assertEquals(List.of(ClusterDiagnostic.warning(ClusterCodes.EXTERNAL_BLOB_INGRESS_DEFAULT_DENY,
                        "graphs.archive.external_blobs", "effective policy is deny: new external Blob URI references "
                                + "will be rejected; existing stored references remain readable")),
                assembleExample("sd").desired().validateExtras());
    }

    @Test
    void queryNamesAreIdCheckedAndDuplicatesAcrossFilesReported() {
        DeclaredCluster declared = ClusterConfigValidator.validate(ConfigFixtures.parse(
                "{\"version\": 1, \"graphs\": {\"g\": {\"schema\": \"g.pg\"}}}"));
        TreeMap<String, Optional<SourceFile>> queries = new TreeMap<>();
        queries.put("9bad", Optional.of(new SourceFile("q.gq", "d")));
        List<ClusterDiagnostic> diagnostics = DesiredClusterAssembler.assemble(declared,
                Map.of("g", new GraphSources(Optional.empty(), queries)), Map.of()).diagnostics();
        assertEquals(ClusterCodes.INVALID_RESOURCE_ID, diagnostics.get(0).code());
        assertEquals("graphs.g.queries.9bad", diagnostics.get(0).path());

        QueryRegistry.Registry registry = QueryRegistry.merge("g", List.of(
                new QueryRegistry.DiscoveredFile("queries/a.gq", List.of("x", "y")),
                new QueryRegistry.DiscoveredFile("queries/b.gq", List.of("y"))));
        assertEquals(Map.of("x", "queries/a.gq", "y", "queries/a.gq"), registry.files());
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.DUPLICATE_QUERY_NAME, "graphs.g.queries.y",
                "query 'y' is declared in both 'queries/a.gq' and 'queries/b.gq'")), registry.diagnostics());
    }
}
