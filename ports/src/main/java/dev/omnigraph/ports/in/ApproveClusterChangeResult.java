package dev.omnigraph.ports.in;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code cluster approve}: the artifact written (its id, resource, operation and approver), or the
 * findings that refused it.
 */
public record ApproveClusterChangeResult(boolean ok, String configDir, Optional<String> approvalId,
                                         Optional<String> resource, Optional<String> operation,
                                         Optional<String> approvedBy, List<ClusterDiagnostic> diagnostics) {

    public ApproveClusterChangeResult {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(approvedBy, "approvedBy");
        diagnostics = List.copyOf(diagnostics);
    }

    /** {@code {ok, config_dir, approval_id?, resource?, operation?, approved_by?, diagnostics}}. */
    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder().put("ok", ok).put("config_dir", configDir);
        approvalId.ifPresent(value -> json.put("approval_id", value));
        resource.ifPresent(value -> json.put("resource", value));
        operation.ifPresent(value -> json.put("operation", value));
        approvedBy.ifPresent(value -> json.put("approved_by", value));
        return json.put("diagnostics", new JsonArray(diagnostics.stream().<JsonValue>map(ClusterDiagnostic::toJson).toList()))
                .build();
    }
}
