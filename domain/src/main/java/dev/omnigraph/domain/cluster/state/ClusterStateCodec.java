package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.StrictDocumentReader;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.omnigraph.domain.cluster.StrictDocumentReader.child;
import static dev.omnigraph.domain.cluster.StrictDocumentReader.index;

/**
 * Strict codec of {@code __cluster/state.json}.
 *
 * <p>Decoding follows the reference: first the shape (unknown fields rejected at every level,
 * {@code state_revision} and the four maps optional, option fields accepting {@code null}), then
 * the version (only 1), then observation coordinates (a legacy {@code manifest_version} is renamed
 * to {@code graph_manifest_version}; both present with different values is an error).
 * Observations themselves are kept as JSON, as the reference does. Encoding writes every
 * top-level member, {@code config_digest} as {@code null} when absent, maps in address order;
 * {@link #fileText} is the pretty form plus a trailing newline, whose bytes the CAS token hashes.
 */
public final class ClusterStateCodec {

    static final List<String> TOP_LEVEL = List.of("version", "state_revision", "applied_revision", "resource_statuses",
            "approval_records", "recovery_records", "observations");
    static final List<String> RESOURCE_FIELDS = List.of("digest", "applies_to", "embedding_provider",
            "embedding_profile", "external_blob_policy");

    private ClusterStateCodec() {
    }

    public static JsonObject encode(ClusterState state) {
        JsonObject.Builder statuses = JsonObject.builder();
        state.resourceStatuses().forEach((address, status) -> statuses.put(address, status.toJson()));
        JsonObject.Builder approvals = JsonObject.builder();
        state.approvalRecords().forEach((id, record) -> approvals.put(id, record.toJson()));
        JsonObject.Builder recoveries = JsonObject.builder();
        state.recoveryRecords().forEach((id, record) -> recoveries.put(id, record.toJson()));
        JsonObject.Builder observations = JsonObject.builder();
        state.observations().forEach(observations::put);
        return JsonObject.builder()
                .put("version", state.version())
                .put("state_revision", state.stateRevision())
                .put("applied_revision", state.appliedRevision().toJson())
                .put("resource_statuses", statuses.build())
                .put("approval_records", approvals.build())
                .put("recovery_records", recoveries.build())
                .put("observations", observations.build())
                .build();
    }

    /** The file content: pretty JSON and a trailing newline. */
    public static String fileText(ClusterState state) {
        return JsonWriter.pretty(encode(state)) + "\n";
    }

    public static StateDecoding decode(JsonValue document) {
        StrictDocumentReader reader = new StrictDocumentReader();
        ClusterState state = read(reader, document);
        if (!reader.clean() || state == null) {
            String problem = reader.problems().isEmpty() ? "malformed state" : reader.problems().get(0);
            return new StateDecoding.Rejected(ClusterDiagnostic.error(ClusterCodes.INVALID_STATE_JSON,
                    ClusterLayout.STATE_FILE, "could not parse state JSON: " + problem));
        }
        if (state.version() != ClusterState.VERSION) {
            return new StateDecoding.Rejected(ClusterDiagnostic.error(ClusterCodes.UNSUPPORTED_STATE_VERSION,
                    "state.version", "unsupported cluster state version " + state.version()
                            + "; this build supports version 1"));
        }
        TreeMap<String, JsonValue> observations = new TreeMap<>(state.observations());
        for (Map.Entry<String, JsonValue> entry : state.observations().entrySet()) {
            if (!(entry.getValue() instanceof JsonObject object) || !object.has("manifest_version")) {
                continue;
            }
            JsonValue legacy = object.get("manifest_version");
            if (object.has("graph_manifest_version")) {
                if (!object.get("graph_manifest_version").equals(legacy)) {
                    return new StateDecoding.Rejected(ClusterDiagnostic.error(
                            ClusterCodes.CONFLICTING_GRAPH_MANIFEST_OBSERVATION, "state.observations." + entry.getKey(),
                            "cluster observation '" + entry.getKey()
                                    + "' contains conflicting legacy and canonical graph-manifest versions"));
                }
                observations.put(entry.getKey(), swapRemove(object, "manifest_version", null, null));
            } else {
                observations.put(entry.getKey(), swapRemove(object, "manifest_version", "graph_manifest_version", legacy));
            }
        }
        ClusterState.Editor canonical = state.edit();
        observations.forEach(canonical::observation);
        return new StateDecoding.Decoded(canonical.build());
    }

    /**
     * Removes {@code key} the way the reference's order-preserving map does (the last member moves
     * into the hole), then appends {@code appendKey} when given.
     */
    private static JsonObject swapRemove(JsonObject object, String key, String appendKey, JsonValue appendValue) {
        List<String> keys = new ArrayList<>(object.keys());
        int hole = keys.indexOf(key);
        String last = keys.remove(keys.size() - 1);
        if (!last.equals(key)) {
            keys.set(hole, last);
        }
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        keys.forEach(k -> members.put(k, object.get(k)));
        JsonObject.Builder rebuilt = JsonObject.builder();
        members.forEach(rebuilt::put);
        if (appendKey != null) {
            rebuilt.put(appendKey, appendValue);
        }
        return rebuilt.build();
    }

    private static ClusterState read(StrictDocumentReader reader, JsonValue document) {
        JsonObject root = reader.struct(document, "", "ClusterState", TOP_LEVEL, false);
        if (root == null) {
            return null;
        }
        JsonValue versionValue = reader.required(root, "version", "");
        Long version = versionValue == null ? null : reader.u32(versionValue, "version");
        Long revision = root.find("state_revision").map(value -> reader.u64(value, "state_revision")).orElse(0L);
        JsonValue appliedValue = reader.required(root, "applied_revision", "");
        AppliedRevision applied = appliedValue == null ? null : readApplied(reader, appliedValue);

        TreeMap<String, ResourceStatus> statuses = new TreeMap<>();
        members(reader, root, "resource_statuses").forEach((address, value) -> {
            ResourceStatus status = readStatus(reader, value, child("resource_statuses", address));
            if (status != null) {
                statuses.put(address, status);
            }
        });
        TreeMap<String, ApprovalRecord> approvals = new TreeMap<>();
        members(reader, root, "approval_records").forEach((id, value) -> {
            String path = child("approval_records", id);
            JsonObject record = reader.struct(value, path, "ApprovalRecord",
                    List.of("consumed_at", "consumed_by_operation"), false);
            if (record != null) {
                String consumedAt = reader.requiredString(record, "consumed_at", path);
                String operation = reader.requiredString(record, "consumed_by_operation", path);
                if (consumedAt != null && operation != null) {
                    approvals.put(id, new ApprovalRecord(consumedAt, operation));
                }
            }
        });
        TreeMap<String, RecoveryRecord> recoveries = new TreeMap<>();
        members(reader, root, "recovery_records").forEach((id, value) -> {
            RecoveryRecord record = readRecovery(reader, value, child("recovery_records", id));
            if (record != null) {
                recoveries.put(id, record);
            }
        });
        TreeMap<String, JsonValue> observations = new TreeMap<>(members(reader, root, "observations"));
        if (version == null || revision == null || applied == null) {
            return null;
        }
        return new ClusterState(version, revision, applied, statuses, approvals, recoveries, observations);
    }

    private static Map<String, JsonValue> members(StrictDocumentReader reader, JsonObject root, String field) {
        Optional<JsonValue> value = root.find(field);
        if (value.isEmpty()) {
            return Map.of();
        }
        JsonObject map = reader.map(value.get(), field, false);
        return map == null ? Map.of() : map.members();
    }

    private static AppliedRevision readApplied(StrictDocumentReader reader, JsonValue value) {
        String path = "applied_revision";
        JsonObject applied = reader.struct(value, path, "AppliedRevisionState", List.of("config_digest", "resources"),
                false);
        if (applied == null) {
            return null;
        }
        Optional<String> configDigest = reader.optionalString(applied, "config_digest", path);
        TreeMap<String, StateResource> resources = new TreeMap<>();
        Optional<JsonValue> resourcesValue = applied.find("resources");
        if (resourcesValue.isPresent()) {
            String resourcesPath = child(path, "resources");
            JsonObject map = reader.map(resourcesValue.get(), resourcesPath, false);
            if (map != null) {
                map.members().forEach((address, resource) -> {
                    StateResource read = readResource(reader, resource, child(resourcesPath, address));
                    if (read != null) {
                        resources.put(address, read);
                    }
                });
            }
        }
        return new AppliedRevision(configDigest, resources);
    }

    private static StateResource readResource(StrictDocumentReader reader, JsonValue value, String path) {
        JsonObject resource = reader.struct(value, path, "StateResource", RESOURCE_FIELDS, false);
        if (resource == null) {
            return null;
        }
        String digest = reader.requiredString(resource, "digest", path);
        Optional<List<String>> appliesTo = reader.optional(resource, "applies_to").map(bindings -> {
            String bindingsPath = child(path, "applies_to");
            List<JsonValue> elements = reader.sequence(bindings, bindingsPath, false);
            List<String> out = new ArrayList<>();
            for (int i = 0; elements != null && i < elements.size(); i++) {
                String binding = reader.string(elements.get(i), index(bindingsPath, i));
                if (binding != null) {
                    out.add(binding);
                }
            }
            return out;
        });
        Optional<String> provider = reader.optionalString(resource, "embedding_provider", path);
        Optional<EmbeddingProviderProfile> profile = reader.optional(resource, "embedding_profile")
                .map(json -> readProfile(reader, json, child(path, "embedding_profile")));
        Optional<ExternalBlobPolicy> policy = reader.optional(resource, "external_blob_policy")
                .map(json -> ExternalBlobPolicy.read(reader, json, child(path, "external_blob_policy")));
        if (digest == null) {
            return null;
        }
        return new StateResource(digest, appliesTo, provider, profile, policy);
    }

    private static EmbeddingProviderProfile readProfile(StrictDocumentReader reader, JsonValue json, String path) {
        if (json instanceof JsonObject) {
            return EmbeddingProviderProfile.read(reader, json, path);
        }
        reader.invalidType(json, path, "struct EmbeddingProviderConfig");
        return null;
    }

    private static ResourceStatus readStatus(StrictDocumentReader reader, JsonValue value, String path) {
        JsonObject status = reader.struct(value, path, "ResourceStatusRecord", List.of("status", "conditions", "message"),
                false);
        if (status == null) {
            return null;
        }
        JsonValue statusValue = reader.required(status, "status", path);
        String label = statusValue == null ? null : reader.variant(statusValue, child(path, "status"),
                LifecycleStatus.LABELS);
        List<String> conditions = new ArrayList<>();
        Optional<JsonValue> conditionsValue = status.find("conditions");
        if (conditionsValue.isPresent()) {
            String conditionsPath = child(path, "conditions");
            List<JsonValue> elements = reader.sequence(conditionsValue.get(), conditionsPath, false);
            for (int i = 0; elements != null && i < elements.size(); i++) {
                String condition = reader.string(elements.get(i), index(conditionsPath, i));
                if (condition != null) {
                    conditions.add(condition);
                }
            }
        }
        Optional<String> message = reader.optionalString(status, "message", path);
        if (label == null) {
            return null;
        }
        return new ResourceStatus(LifecycleStatus.fromLabel(label).orElseThrow(), conditions, message);
    }

    private static RecoveryRecord readRecovery(StrictDocumentReader reader, JsonValue value, String path) {
        JsonObject record = reader.struct(value, path, "RecoveryRecord",
                List.of("kind", "graph_id", "outcome", "recovered_at", "actor"), false);
        if (record == null) {
            return null;
        }
        JsonValue kindValue = reader.required(record, "kind", path);
        String kind = kindValue == null ? null : reader.variant(kindValue, child(path, "kind"), RecoverySidecarKind.LABELS);
        String graphId = reader.requiredString(record, "graph_id", path);
        String outcome = reader.requiredString(record, "outcome", path);
        String recoveredAt = reader.requiredString(record, "recovered_at", path);
        Optional<String> actor = reader.optionalString(record, "actor", path);
        if (kind == null || graphId == null || outcome == null || recoveredAt == null) {
            return null;
        }
        return new RecoveryRecord(RecoverySidecarKind.fromLabel(kind).orElseThrow(), graphId, outcome, recoveredAt,
                actor);
    }
}
