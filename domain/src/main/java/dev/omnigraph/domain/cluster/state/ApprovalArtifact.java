package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.StrictDocumentReader;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code __cluster/approvals/<approval_id>.json}: a digest-bound human approval of one gated
 * change. It authorises exactly the change whose resource, before and after digests and desired
 * config digest it names; consumption rewrites the file with {@code consumed_at} (never deletes
 * it) and records the fact in the ledger's {@code approval_records} as well.
 */
public record ApprovalArtifact(long schemaVersion,
                               String approvalId,
                               String resource,
                               String operation,
                               String reason,
                               String boundConfigDigest,
                               Optional<String> boundBeforeDigest,
                               Optional<String> boundAfterDigest,
                               String approvedBy,
                               String createdAt,
                               Optional<String> consumedAt,
                               Optional<String> consumedByOperation) {

    public static final long SCHEMA_VERSION = 1;

    static final List<String> FIELDS = List.of("schema_version", "approval_id", "resource", "operation", "reason",
            "bound_config_digest", "bound_before_digest", "bound_after_digest", "approved_by", "created_at",
            "consumed_at", "consumed_by_operation");

    public ApprovalArtifact {
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(boundConfigDigest, "boundConfigDigest");
        Objects.requireNonNull(boundBeforeDigest, "boundBeforeDigest");
        Objects.requireNonNull(boundAfterDigest, "boundAfterDigest");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(consumedAt, "consumedAt");
        Objects.requireNonNull(consumedByOperation, "consumedByOperation");
    }

    public boolean isConsumed() {
        return consumedAt.isPresent();
    }

    /** The rewrite after consumption: only {@code consumed_at} is set, as the reference does. */
    public ApprovalArtifact markConsumed(String at) {
        return new ApprovalArtifact(schemaVersion, approvalId, resource, operation, reason, boundConfigDigest,
                boundBeforeDigest, boundAfterDigest, approvedBy, createdAt, Optional.of(at), consumedByOperation);
    }

    public JsonObject toJson() {
        return JsonObject.builder()
                .put("schema_version", schemaVersion)
                .put("approval_id", approvalId)
                .put("resource", resource)
                .put("operation", operation)
                .put("reason", reason)
                .put("bound_config_digest", boundConfigDigest)
                .put("bound_before_digest", boundBeforeDigest.orElse(null))
                .put("bound_after_digest", boundAfterDigest.orElse(null))
                .put("approved_by", approvedBy)
                .put("created_at", createdAt)
                .put("consumed_at", consumedAt.orElse(null))
                .put("consumed_by_operation", consumedByOperation.orElse(null))
                .build();
    }

    /** Pretty JSON and a trailing newline. */
    public String fileText() {
        return JsonWriter.pretty(toJson()) + "\n";
    }

    public static DocumentDecoding<ApprovalArtifact> decode(JsonValue document) {
        StrictDocumentReader reader = new StrictDocumentReader();
        JsonObject object = reader.struct(document, "", "ApprovalArtifact", FIELDS, false);
        if (object == null) {
            return new DocumentDecoding.Malformed<>(reader.problems().get(0));
        }
        JsonValue versionValue = reader.required(object, "schema_version", "");
        Long version = versionValue == null ? null : reader.u32(versionValue, "schema_version");
        ApprovalArtifact artifact = new ApprovalArtifact(version == null ? 0 : version,
                text(reader, object, "approval_id"), text(reader, object, "resource"), text(reader, object, "operation"),
                text(reader, object, "reason"), text(reader, object, "bound_config_digest"),
                reader.optionalString(object, "bound_before_digest", ""),
                reader.optionalString(object, "bound_after_digest", ""), text(reader, object, "approved_by"),
                text(reader, object, "created_at"), reader.optionalString(object, "consumed_at", ""),
                reader.optionalString(object, "consumed_by_operation", ""));
        if (!reader.clean()) {
            return new DocumentDecoding.Malformed<>(reader.problems().get(0));
        }
        if (artifact.schemaVersion() != SCHEMA_VERSION) {
            return new DocumentDecoding.UnsupportedVersion<>(artifact.schemaVersion());
        }
        return new DocumentDecoding.Decoded<>(artifact);
    }

    /** A required string, or {@code ""} after recording the problem (the result is discarded then). */
    private static String text(StrictDocumentReader reader, JsonObject object, String field) {
        String value = reader.requiredString(object, field, "");
        return value == null ? "" : value;
    }

    /**
     * The warning for an artifact that is left in place because it did not decode
     * ({@code invalid_approval_artifact} / {@code unsupported_approval_version}, path = its location);
     * empty for a usable one.
     */
    public static Optional<ClusterDiagnostic> listingWarning(String location, DocumentDecoding<ApprovalArtifact> decoding) {
        return ListingWarnings.of(location, decoding, ClusterCodes.INVALID_APPROVAL_ARTIFACT,
                ClusterCodes.UNSUPPORTED_APPROVAL_VERSION);
    }
}
