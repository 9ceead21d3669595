package dev.omnigraph.ports.in;

import dev.omnigraph.domain.cluster.AddressMaps;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.state.ResourceStatus;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.ManageClusterUseCase.StateObservations;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code cluster status}: the ledger's applied digests, statuses and observations, the lock, and the
 * findings of a read-only catalog verification. Also the shape of {@code refresh}/{@code import} minus
 * the operation (see {@link SyncClusterStateResult}).
 */
public record ClusterStatusResult(boolean ok, String configDir, StateObservations stateObservations,
                                  Map<String, String> resourceDigests, Map<String, ResourceStatus> resourceStatuses,
                                  Map<String, JsonValue> observations, List<ClusterDiagnostic> diagnostics) {

    public ClusterStatusResult {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(stateObservations, "stateObservations");
        resourceDigests = AddressMaps.copyOf(resourceDigests);
        resourceStatuses = AddressMaps.copyOf(resourceStatuses);
        observations = AddressMaps.copyOf(observations);
        diagnostics = List.copyOf(diagnostics);
    }

    /** {@code {ok, config_dir, state_observations, resource_digests, resource_statuses, observations, diagnostics}}. */
    public JsonObject toJson() {
        JsonObject.Builder digests = JsonObject.builder();
        resourceDigests.forEach(digests::put);
        JsonObject.Builder statuses = JsonObject.builder();
        resourceStatuses.forEach((address, status) -> statuses.put(address, status.toJson()));
        JsonObject.Builder observed = JsonObject.builder();
        observations.forEach(observed::put);
        return JsonObject.builder()
                .put("ok", ok)
                .put("config_dir", configDir)
                .put("state_observations", stateObservations.toJson())
                .put("resource_digests", digests.build())
                .put("resource_statuses", statuses.build())
                .put("observations", observed.build())
                .put("diagnostics", new JsonArray(diagnostics.stream().<JsonValue>map(ClusterDiagnostic::toJson).toList()))
                .build();
    }
}
