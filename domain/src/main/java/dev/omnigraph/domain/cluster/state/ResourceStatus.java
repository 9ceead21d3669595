package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code resource_statuses[<address>]}: status, conditions (omitted from JSON when empty) and an
 * optional message.
 */
public record ResourceStatus(LifecycleStatus status, List<String> conditions, Optional<String> message) {

    public ResourceStatus {
        Objects.requireNonNull(status, "status");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(message, "message");
    }

    public static ResourceStatus applied() {
        return new ResourceStatus(LifecycleStatus.APPLIED, List.of(), Optional.empty());
    }

    /** A status with one condition and its message, the only non-applied shape the control plane writes. */
    public static ResourceStatus of(LifecycleStatus status, String condition, String message) {
        return new ResourceStatus(status, List.of(condition), Optional.of(message));
    }

    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder().put("status", status.label());
        if (!conditions.isEmpty()) {
            json.put("conditions", JsonArray.ofStrings(conditions));
        }
        message.ifPresent(value -> json.put("message", value));
        return json.build();
    }
}
