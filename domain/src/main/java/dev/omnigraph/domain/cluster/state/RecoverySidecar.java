package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.StrictDocumentReader;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code __cluster/recoveries/<operation_id>.json}: the intent record of one graph-moving apply
 * operation, written under the lock before the engine call that can move a graph and deleted only
 * after the state write that records the outcome. {@code observed_manifest_version} is the main
 * manifest version before the operation (none for a create); {@code expected_manifest_version}
 * is set after the engine succeeds (never for a delete); both are forensic — the sweep classifies
 * by schema digest. {@code desired_schema_digest} is empty for a delete; {@code approval_id} is
 * set only for a delete.
 */
public record RecoverySidecar(long schemaVersion,
                              String operationId,
                              String startedAt,
                              Optional<String> actor,
                              RecoverySidecarKind kind,
                              String graphId,
                              String graphUri,
                              OptionalLong observedManifestVersion,
                              OptionalLong expectedManifestVersion,
                              String desiredSchemaDigest,
                              Optional<String> stateCasBase,
                              Optional<String> approvalId) {

    public static final long SCHEMA_VERSION = 1;

    static final List<String> FIELDS = List.of("schema_version", "operation_id", "started_at", "actor", "kind",
            "graph_id", "graph_uri", "observed_manifest_version", "expected_manifest_version", "desired_schema_digest",
            "state_cas_base", "approval_id");

    public RecoverySidecar {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(graphId, "graphId");
        Objects.requireNonNull(graphUri, "graphUri");
        Objects.requireNonNull(observedManifestVersion, "observedManifestVersion");
        Objects.requireNonNull(expectedManifestVersion, "expectedManifestVersion");
        Objects.requireNonNull(desiredSchemaDigest, "desiredSchemaDigest");
        Objects.requireNonNull(stateCasBase, "stateCasBase");
        Objects.requireNonNull(approvalId, "approvalId");
    }

    public static RecoverySidecar graphCreate(String operationId, String startedAt, Optional<String> actor,
                                              String graphId, String graphUri, String desiredSchemaDigest,
                                              Optional<String> stateCasBase) {
        return new RecoverySidecar(SCHEMA_VERSION, operationId, startedAt, actor, RecoverySidecarKind.GRAPH_CREATE,
                graphId, graphUri, OptionalLong.empty(), OptionalLong.empty(), desiredSchemaDigest, stateCasBase,
                Optional.empty());
    }

    public static RecoverySidecar schemaApply(String operationId, String startedAt, Optional<String> actor,
                                              String graphId, String graphUri, OptionalLong observedManifestVersion,
                                              String desiredSchemaDigest, Optional<String> stateCasBase) {
        return new RecoverySidecar(SCHEMA_VERSION, operationId, startedAt, actor, RecoverySidecarKind.SCHEMA_APPLY,
                graphId, graphUri, observedManifestVersion, OptionalLong.empty(), desiredSchemaDigest, stateCasBase,
                Optional.empty());
    }

    public static RecoverySidecar graphDelete(String operationId, String startedAt, Optional<String> actor,
                                              String graphId, String graphUri, OptionalLong observedManifestVersion,
                                              Optional<String> stateCasBase, Optional<String> approvalId) {
        return new RecoverySidecar(SCHEMA_VERSION, operationId, startedAt, actor, RecoverySidecarKind.GRAPH_DELETE,
                graphId, graphUri, observedManifestVersion, OptionalLong.empty(), "", stateCasBase, approvalId);
    }

    /** The rewrite after the engine call succeeded (create and schema apply only). */
    public RecoverySidecar withExpectedManifestVersion(long version) {
        if (kind == RecoverySidecarKind.GRAPH_DELETE) {
            throw new IllegalStateException("a graph_delete sidecar is never rewritten");
        }
        return new RecoverySidecar(schemaVersion, operationId, startedAt, actor, kind, graphId, graphUri,
                observedManifestVersion, OptionalLong.of(version), desiredSchemaDigest, stateCasBase, approvalId);
    }

    public JsonObject toJson() {
        return JsonObject.builder()
                .put("schema_version", schemaVersion)
                .put("operation_id", operationId)
                .put("started_at", startedAt)
                .put("actor", actor.orElse(null))
                .put("kind", kind.label())
                .put("graph_id", graphId)
                .put("graph_uri", graphUri)
                .put("observed_manifest_version", number(observedManifestVersion))
                .put("expected_manifest_version", number(expectedManifestVersion))
                .put("desired_schema_digest", desiredSchemaDigest)
                .put("state_cas_base", stateCasBase.orElse(null))
                .put("approval_id", approvalId.orElse(null))
                .build();
    }

    private static JsonValue number(OptionalLong value) {
        return value.isPresent() ? JsonNumber.of(value.getAsLong()) : JsonNull.INSTANCE;
    }

    /** Pretty JSON and a trailing newline. */
    public String fileText() {
        return JsonWriter.pretty(toJson()) + "\n";
    }

    public static DocumentDecoding<RecoverySidecar> decode(JsonValue document) {
        StrictDocumentReader reader = new StrictDocumentReader();
        JsonObject object = reader.struct(document, "", "RecoverySidecar", FIELDS, false);
        if (object == null) {
            return new DocumentDecoding.Malformed<>(reader.problems().get(0));
        }
        JsonValue versionValue = reader.required(object, "schema_version", "");
        Long version = versionValue == null ? null : reader.u32(versionValue, "schema_version");
        JsonValue kindValue = reader.required(object, "kind", "");
        String kind = kindValue == null ? null : reader.variant(kindValue, "kind", RecoverySidecarKind.LABELS);
        String operationId = reader.requiredString(object, "operation_id", "");
        String startedAt = reader.requiredString(object, "started_at", "");
        Optional<String> actor = reader.optionalString(object, "actor", "");
        String graphId = reader.requiredString(object, "graph_id", "");
        String graphUri = reader.requiredString(object, "graph_uri", "");
        OptionalLong observed = optionalU64(reader, object, "observed_manifest_version");
        OptionalLong expected = optionalU64(reader, object, "expected_manifest_version");
        String desired = reader.requiredString(object, "desired_schema_digest", "");
        Optional<String> casBase = reader.optionalString(object, "state_cas_base", "");
        Optional<String> approvalId = reader.optionalString(object, "approval_id", "");
        if (!reader.clean()) {
            return new DocumentDecoding.Malformed<>(reader.problems().get(0));
        }
        if (version != SCHEMA_VERSION) {
            return new DocumentDecoding.UnsupportedVersion<>(version);
        }
        return new DocumentDecoding.Decoded<>(new RecoverySidecar(version, operationId, startedAt, actor,
                RecoverySidecarKind.fromLabel(kind).orElseThrow(), graphId, graphUri, observed, expected, desired,
                casBase, approvalId));
    }

    private static OptionalLong optionalU64(StrictDocumentReader reader, JsonObject object, String field) {
        Optional<JsonValue> value = reader.optional(object, field);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        Long number = reader.u64(value.get(), field);
        return number == null ? OptionalLong.empty() : OptionalLong.of(number);
    }

    /**
     * The warning for a sidecar that is left in place because it did not decode
     * ({@code invalid_recovery_sidecar} / {@code unsupported_recovery_sidecar_version}); empty for a
     * usable one. Serving treats the same findings as errors.
     */
    public static Optional<ClusterDiagnostic> listingWarning(String location, DocumentDecoding<RecoverySidecar> decoding) {
        return ListingWarnings.of(location, decoding, ClusterCodes.INVALID_RECOVERY_SIDECAR,
                ClusterCodes.UNSUPPORTED_RECOVERY_SIDECAR_VERSION);
    }

    /** What {@code plan} and {@code status} say about each pending sidecar (they never act on it). */
    public static ClusterDiagnostic pendingWarning(String location) {
        return ClusterDiagnostic.warning(ClusterCodes.CLUSTER_RECOVERY_PENDING, location,
                "a recovery sidecar from an interrupted apply is pending; the next state-mutating command will "
                        + "classify it");
    }
}
