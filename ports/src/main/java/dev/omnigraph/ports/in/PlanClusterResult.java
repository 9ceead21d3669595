package dev.omnigraph.ports.in;

import dev.omnigraph.domain.cluster.AddressMaps;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.plan.ApprovalRequirement;
import dev.omnigraph.domain.cluster.plan.BlastRadius;
import dev.omnigraph.domain.cluster.plan.PlanChange;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.ManageClusterUseCase.StateObservations;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code cluster plan}: the changes between the ledger and the desired revision with their dispositions
 * (and, for schema updates, the engine's migration preview), who depends on each change, the approval
 * gates, and the findings.
 *
 * @param configDigest the desired config digest (absent when validation failed)
 */
public record PlanClusterResult(boolean ok, String configDir, Optional<String> configDigest,
                                Map<String, String> resourceDigests, List<Dependency> dependencies,
                                StateObservations stateObservations, List<PlanChange> changes,
                                List<BlastRadius> blastRadius, List<ApprovalRequirement> approvalsRequired,
                                List<ClusterDiagnostic> diagnostics) {

    public PlanClusterResult {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(configDigest, "configDigest");
        resourceDigests = AddressMaps.copyOf(resourceDigests);
        dependencies = List.copyOf(dependencies);
        Objects.requireNonNull(stateObservations, "stateObservations");
        changes = List.copyOf(changes);
        blastRadius = List.copyOf(blastRadius);
        approvalsRequired = List.copyOf(approvalsRequired);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * {@code {ok, config_dir, desired_revision: {config_digest?}, resource_digests, dependencies,
     * state_observations, changes, blast_radius, approvals_required, diagnostics}}.
     */
    public JsonObject toJson() {
        JsonObject.Builder revision = JsonObject.builder();
        configDigest.ifPresent(digest -> revision.put("config_digest", digest));
        JsonObject.Builder digests = JsonObject.builder();
        resourceDigests.forEach(digests::put);
        return JsonObject.builder()
                .put("ok", ok)
                .put("config_dir", configDir)
                .put("desired_revision", revision.build())
                .put("resource_digests", digests.build())
                .put("dependencies", new JsonArray(dependencies.stream().<JsonValue>map(Dependency::toJson).toList()))
                .put("state_observations", stateObservations.toJson())
                .put("changes", new JsonArray(changes.stream().<JsonValue>map(PlanChange::toJson).toList()))
                .put("blast_radius", new JsonArray(blastRadius.stream().<JsonValue>map(BlastRadius::toJson).toList()))
                .put("approvals_required", new JsonArray(approvalsRequired.stream()
                        .<JsonValue>map(ApprovalRequirement::toJson).toList()))
                .put("diagnostics", new JsonArray(diagnostics.stream().<JsonValue>map(ClusterDiagnostic::toJson).toList()))
                .build();
    }
}
