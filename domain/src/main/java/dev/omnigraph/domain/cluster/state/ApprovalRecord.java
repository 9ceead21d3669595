package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.json.JsonObject;

import java.util.Objects;

/**
 * {@code approval_records[<approval id>]}: when the approval was consumed and by what
 * ({@code apply}, or the operation id of the sidecar a sweep rolled forward).
 */
public record ApprovalRecord(String consumedAt, String consumedByOperation) {

    public ApprovalRecord {
        Objects.requireNonNull(consumedAt, "consumedAt");
        Objects.requireNonNull(consumedByOperation, "consumedByOperation");
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("consumed_at", consumedAt).put("consumed_by_operation", consumedByOperation)
                .build();
    }
}
