package dev.omnigraph.ports.in;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.ManageClusterUseCase.StateObservations;
import java.util.List;
import java.util.Objects;

/** {@code cluster force-unlock}: whether the lock was removed, what was observed, and why not. */
public record ForceUnlockClusterResult(boolean ok, String configDir, StateObservations stateObservations,
                                       boolean lockRemoved, List<ClusterDiagnostic> diagnostics) {

    public ForceUnlockClusterResult {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(stateObservations, "stateObservations");
        diagnostics = List.copyOf(diagnostics);
    }

    /** {@code {ok, config_dir, state_observations, lock_removed, diagnostics}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("ok", ok)
                .put("config_dir", configDir)
                .put("state_observations", stateObservations.toJson())
                .put("lock_removed", lockRemoved)
                .put("diagnostics", new JsonArray(diagnostics.stream().<JsonValue>map(ClusterDiagnostic::toJson).toList()))
                .build();
    }
}
