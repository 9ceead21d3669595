package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Objects;
import java.util.Optional;

/**
 * One planned change. JSON: {@code resource}, {@code operation}, then {@code before_digest},
 * {@code after_digest}, {@code disposition}, {@code reason} when present, {@code binding_change}
 * only when true, {@code metadata_change} and {@code migration} (the engine's schema migration
 * preview, schema updates only) when present.
 */
public record PlanChange(String resource,
                         PlanOperation operation,
                         Optional<String> beforeDigest,
                         Optional<String> afterDigest,
                         Optional<ApplyDisposition> disposition,
                         Optional<String> reason,
                         boolean bindingChange,
                         Optional<MetadataChange> metadataChange,
                         Optional<JsonValue> migration) {

    public PlanChange {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(beforeDigest, "beforeDigest");
        Objects.requireNonNull(afterDigest, "afterDigest");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(metadataChange, "metadataChange");
        Objects.requireNonNull(migration, "migration");
    }

    public static PlanChange create(String resource, String after) {
        return new PlanChange(resource, PlanOperation.CREATE, Optional.empty(), Optional.of(after), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    public static PlanChange update(String resource, String before, String after) {
        return new PlanChange(resource, PlanOperation.UPDATE, Optional.of(before), Optional.of(after), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    public static PlanChange delete(String resource, String before) {
        return new PlanChange(resource, PlanOperation.DELETE, Optional.of(before), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    /** A metadata-only update: before and after are the unchanged applied digest. */
    public static PlanChange metadata(String resource, String digest, MetadataChange kind) {
        return new PlanChange(resource, PlanOperation.UPDATE, Optional.of(digest), Optional.of(digest), Optional.empty(),
                Optional.empty(), kind == MetadataChange.POLICY_BINDINGS, Optional.of(kind), Optional.empty());
    }

    public PlanChange classified(ApplyDisposition newDisposition, Optional<String> newReason) {
        return new PlanChange(resource, operation, beforeDigest, afterDigest, Optional.of(newDisposition), newReason,
                bindingChange, metadataChange, migration);
    }

    public PlanChange withMigration(JsonValue preview) {
        return new PlanChange(resource, operation, beforeDigest, afterDigest, disposition, reason, bindingChange,
                metadataChange, Optional.of(preview));
    }

    public boolean is(ApplyDisposition expected) {
        return disposition.filter(expected::equals).isPresent();
    }

    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder().put("resource", resource).put("operation", operation.label());
        beforeDigest.ifPresent(value -> json.put("before_digest", value));
        afterDigest.ifPresent(value -> json.put("after_digest", value));
        disposition.ifPresent(value -> json.put("disposition", value.label()));
        reason.ifPresent(value -> json.put("reason", value));
        if (bindingChange) {
            json.put("binding_change", true);
        }
        metadataChange.ifPresent(value -> json.put("metadata_change", value.label()));
        migration.ifPresent(value -> json.put("migration", value));
        return json.build();
    }
}
