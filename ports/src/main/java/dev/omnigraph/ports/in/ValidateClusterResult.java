package dev.omnigraph.ports.in;

import dev.omnigraph.domain.cluster.AddressMaps;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.config.ResourceSummary;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code cluster validate}: the desired resources (address, kind, digest, source path), their dependency
 * edges and every finding. Resources are empty when validation stopped before the referenced files.
 */
public record ValidateClusterResult(boolean ok, String configDir, String configFile, Map<String, String> resourceDigests,
                                    List<ResourceSummary> resources, List<Dependency> dependencies,
                                    List<ClusterDiagnostic> diagnostics) {

    public ValidateClusterResult {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(configFile, "configFile");
        resourceDigests = AddressMaps.copyOf(resourceDigests);
        resources = List.copyOf(resources);
        dependencies = List.copyOf(dependencies);
        diagnostics = List.copyOf(diagnostics);
    }

    /** {@code {ok, config_dir, config_file, resource_digests, resources, dependencies, diagnostics}}. */
    public JsonObject toJson() {
        JsonObject.Builder digests = JsonObject.builder();
        resourceDigests.forEach(digests::put);
        return JsonObject.builder()
                .put("ok", ok)
                .put("config_dir", configDir)
                .put("config_file", configFile)
                .put("resource_digests", digests.build())
                .put("resources", new JsonArray(resources.stream().<JsonValue>map(ResourceSummary::toJson).toList()))
                .put("dependencies", new JsonArray(dependencies.stream().<JsonValue>map(Dependency::toJson).toList()))
                .put("diagnostics", new JsonArray(diagnostics.stream().<JsonValue>map(ClusterDiagnostic::toJson).toList()))
                .build();
    }
}
