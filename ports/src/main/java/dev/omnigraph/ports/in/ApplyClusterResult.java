package dev.omnigraph.ports.in;

import dev.omnigraph.domain.cluster.AddressMaps;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.plan.PlanChange;
import dev.omnigraph.domain.cluster.state.ResourceStatus;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.ManageClusterUseCase.StateObservations;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code cluster apply}: every change with its final disposition, the counts, whether the ledger now
 * matches the desired revision ({@code converged}, the automation signal) and whether it was written (a
 * converged re-apply writes nothing), and the resource statuses as persisted (the statuses read at the
 * start when the write failed).
 *
 * @param appliedCount changes that ran
 * @param deferredCount deferred plus blocked changes (derived counts as neither)
 */
public record ApplyClusterResult(boolean ok, String configDir, Optional<String> actor, Optional<String> configDigest,
                                 StateObservations stateObservations, List<PlanChange> changes, long appliedCount,
                                 long deferredCount, boolean converged, boolean stateWritten,
                                 Map<String, ResourceStatus> resourceStatuses, List<ClusterDiagnostic> diagnostics) {

    public ApplyClusterResult {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(configDigest, "configDigest");
        Objects.requireNonNull(stateObservations, "stateObservations");
        changes = List.copyOf(changes);
        resourceStatuses = AddressMaps.copyOf(resourceStatuses);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * {@code {ok, config_dir, actor?, desired_revision, state_observations, changes, applied_count,
     * deferred_count, converged, state_written, resource_statuses, diagnostics}}.
     */
    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder().put("ok", ok).put("config_dir", configDir);
        actor.ifPresent(value -> json.put("actor", value));
        JsonObject.Builder revision = JsonObject.builder();
        configDigest.ifPresent(digest -> revision.put("config_digest", digest));
        JsonObject.Builder statuses = JsonObject.builder();
        resourceStatuses.forEach((address, status) -> statuses.put(address, status.toJson()));
        return json
                .put("desired_revision", revision.build())
                .put("state_observations", stateObservations.toJson())
                .put("changes", new JsonArray(changes.stream().<JsonValue>map(PlanChange::toJson).toList()))
                .put("applied_count", appliedCount)
                .put("deferred_count", deferredCount)
                .put("converged", converged)
                .put("state_written", stateWritten)
                .put("resource_statuses", statuses.build())
                .put("diagnostics", new JsonArray(diagnostics.stream().<JsonValue>map(ClusterDiagnostic::toJson).toList()))
                .build();
    }
}
