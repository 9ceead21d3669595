package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.json.JsonObject;

import java.util.Objects;

/** One approval gate of a plan; {@code satisfied} when a valid, unconsumed, digest-matching artifact exists. */
public record ApprovalRequirement(String resource, String reason, boolean satisfied) {

    public ApprovalRequirement {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(reason, "reason");
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("resource", resource).put("reason", reason).put("satisfied", satisfied).build();
    }
}
