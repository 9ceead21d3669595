package dev.omnigraph.domain.graph.recovery;

import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The recovery sidecar {@code __recovery/<operation_id>.json}: the durable intent of one staged write, written
 * before its first table effect (Phase A), confirmed once every table effect landed (Phase B), made redundant by
 * the manifest publish (Phase C) and deleted last (Phase D). Its presence means the operation may have left table
 * heads ahead of the manifest; {@link SweepClassifier} decides what to do about it.
 *
 * <p>Only schema version {@value #SCHEMA_VERSION} is written and read. The field names are the reference's where it
 * has the field at the top level or in a table pin; the commit identity, authority and phase, which the reference
 * nests in per-writer protocol payloads, are top-level members here (see {@code docs/recovery.md}).
 *
 * @param operationId the sidecar's ULID and file name
 * @param startedAtMicros when the writer armed, in microseconds since the epoch; written as a decimal string
 *     like the reference, and the {@code created_at} of the commit the operation publishes
 * @param branch the graph branch written; empty for main (a given {@code "main"} is normalised to empty)
 * @param actorId who initiated the write; a roll-forward publishes under this actor
 * @param writerKind which writer armed the sidecar
 * @param graphCommitId the commit id minted before any effect; the writer's own publish and a recovery
 *     roll-forward both use it, so it identifies the operation's outcome in the lineage
 * @param rollbackGraphCommitId the commit id a roll-back publishes, minted at arm time so that a roll-back
 *     interrupted after its publish is recognised instead of repeated
 * @param mergeSourceCommitId for a branch merge, the source head: the merged parent of the commit
 * @param authority the branch authority the writer prepared against
 * @param effectPhase armed, or effects confirmed
 * @param tables the tables the writer moves, each with a unique key and identity
 * @param additionalRegistrations for a schema apply, tables registered by its publish
 * @param tombstones for a schema apply, table lifetimes tombstoned by its publish
 * @param schemaTargetIrHash for a schema apply, the IR hash of the schema it stages and promotes
 *     ({@code schema_apply_target_schema_ir_hash}): recovery promotes the staged schema files only when they hold
 *     exactly this schema, so a roll-forward can never accept a schema other than the one the apply published
 * @param rollbackAuditOutcomes the roll-back's audit outcomes, recorded before the first restore so that a retry
 *     reports the original observations rather than the post-restore heads
 */
public record RecoverySidecar(String operationId, long startedAtMicros, Optional<String> branch,
                              Optional<String> actorId, WriterKind writerKind, String graphCommitId,
                              String rollbackGraphCommitId, Optional<String> mergeSourceCommitId,
                              RecoveryAuthority authority, EffectPhase effectPhase, List<SidecarTablePin> tables,
                              List<SidecarTableRegistration> additionalRegistrations, List<SidecarTombstone> tombstones,
                              Optional<String> schemaTargetIrHash, Optional<List<TableOutcome>> rollbackAuditOutcomes) {

    /** The only sidecar schema version written and read. */
    public static final int SCHEMA_VERSION = 9;

    /** The directory under the graph root that holds sidecars. */
    public static final String RECOVERY_DIRECTORY = "__recovery";

    /** The actor of roll-back and orphan-discard commits; exact roll-forwards keep the writer's actor. */
    public static final String RECOVERY_ACTOR = "omnigraph:recovery";

    private static final String MAIN = "main";

    private static final Set<String> FIELDS = Set.of("schema_version", "operation_id", "started_at", "branch",
            "actor_id", "writer_kind", "tables", "merge_source_commit_id", "additional_registrations", "tombstones",
            "graph_commit_id", "rollback_graph_commit_id", "authority", "effect_phase", "schema_apply_target_schema_ir_hash",
            "rollback_audit_outcomes");

    public RecoverySidecar {
        Ulids.require(operationId, "operation_id");
        if (startedAtMicros < 0) {
            throw new IllegalArgumentException("started_at must not be negative: " + startedAtMicros);
        }
        Objects.requireNonNull(branch, "branch");
        if (branch.isPresent() && branch.get().isEmpty()) {
            throw new IllegalArgumentException("branch must not be empty (leave it out for main)");
        }
        branch = branch.filter(name -> !name.equals(MAIN));
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(writerKind, "writerKind");
        Ulids.require(graphCommitId, "graph_commit_id");
        Ulids.require(rollbackGraphCommitId, "rollback_graph_commit_id");
        if (graphCommitId.equals(rollbackGraphCommitId)) {
            throw new IllegalArgumentException("graph_commit_id and rollback_graph_commit_id must differ: " + graphCommitId);
        }
        Objects.requireNonNull(mergeSourceCommitId, "mergeSourceCommitId");
        if (mergeSourceCommitId.isPresent() && writerKind != WriterKind.BRANCH_MERGE) {
            throw new IllegalArgumentException("merge_source_commit_id is only defined for BranchMerge, not " + writerKind.jsonName());
        }
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(effectPhase, "effectPhase");
        tables = List.copyOf(tables);
        additionalRegistrations = List.copyOf(additionalRegistrations);
        tombstones = List.copyOf(tombstones);
        if ((!additionalRegistrations.isEmpty() || !tombstones.isEmpty()) && writerKind != WriterKind.SCHEMA_APPLY) {
            throw new IllegalArgumentException("additional_registrations and tombstones are only defined for SchemaApply, not "
                    + writerKind.jsonName());
        }
        Objects.requireNonNull(schemaTargetIrHash, "schemaTargetIrHash");
        if (schemaTargetIrHash.isPresent() && writerKind != WriterKind.SCHEMA_APPLY) {
            throw new IllegalArgumentException("schema_apply_target_schema_ir_hash is only defined for SchemaApply, not "
                    + writerKind.jsonName());
        }
        if (schemaTargetIrHash.isPresent() && schemaTargetIrHash.get().isEmpty()) {
            throw new IllegalArgumentException("schema_apply_target_schema_ir_hash must not be empty");
        }
        Objects.requireNonNull(rollbackAuditOutcomes, "rollbackAuditOutcomes");
        rollbackAuditOutcomes = rollbackAuditOutcomes.map(List::copyOf);
        requireUniquePins(tables);
        requireConfirmationMatchesPhase(effectPhase, tables);
    }

    /** A Phase-A sidecar: armed, no confirmed versions, no roll-back plan. */
    public static RecoverySidecar arm(String operationId, long startedAtMicros, Optional<String> branch,
                                      Optional<String> actorId, WriterKind writerKind, String graphCommitId,
                                      String rollbackGraphCommitId, RecoveryAuthority authority,
                                      List<SidecarTablePin> tables) {
        return new RecoverySidecar(operationId, startedAtMicros, branch, actorId, writerKind, graphCommitId,
                rollbackGraphCommitId, Optional.empty(), authority, EffectPhase.ARMED, tables, List.of(), List.of(),
                Optional.empty(), Optional.empty());
    }

    /** The Phase-B transition: every pinned table's final head, keyed by table key, and no other key. */
    public RecoverySidecar confirmEffects(Map<String, Long> confirmedVersionByTableKey) {
        if (effectPhase != EffectPhase.ARMED) {
            throw new IllegalStateException("sidecar " + operationId + " is already " + effectPhase.jsonName());
        }
        Set<String> pinned = new HashSet<>();
        tables.forEach(pin -> pinned.add(pin.tableKey()));
        if (!pinned.equals(confirmedVersionByTableKey.keySet())) {
            throw new IllegalArgumentException("confirmation must name exactly the pinned tables " + pinned + ", got "
                    + confirmedVersionByTableKey.keySet());
        }
        List<SidecarTablePin> confirmed = tables.stream()
                .map(pin -> pin.withConfirmedVersion(confirmedVersionByTableKey.get(pin.tableKey())))
                .toList();
        return new RecoverySidecar(operationId, startedAtMicros, branch, actorId, writerKind, graphCommitId,
                rollbackGraphCommitId, mergeSourceCommitId, authority, EffectPhase.EFFECTS_CONFIRMED, confirmed,
                additionalRegistrations, tombstones, schemaTargetIrHash, rollbackAuditOutcomes);
    }

    public RecoverySidecar withMergeSourceCommitId(String sourceHeadCommitId) {
        return new RecoverySidecar(operationId, startedAtMicros, branch, actorId, writerKind, graphCommitId,
                rollbackGraphCommitId, Optional.of(sourceHeadCommitId), authority, effectPhase, tables,
                additionalRegistrations, tombstones, schemaTargetIrHash, rollbackAuditOutcomes);
    }

    public RecoverySidecar withSchemaChanges(List<SidecarTableRegistration> registrations, List<SidecarTombstone> removed) {
        return new RecoverySidecar(operationId, startedAtMicros, branch, actorId, writerKind, graphCommitId,
                rollbackGraphCommitId, mergeSourceCommitId, authority, effectPhase, tables, registrations, removed,
                schemaTargetIrHash, rollbackAuditOutcomes);
    }

    /** A schema apply's target: the IR hash of the schema it stages, publishes and promotes. */
    public RecoverySidecar withSchemaTarget(String targetIrHash) {
        return new RecoverySidecar(operationId, startedAtMicros, branch, actorId, writerKind, graphCommitId,
                rollbackGraphCommitId, mergeSourceCommitId, authority, effectPhase, tables, additionalRegistrations,
                tombstones, Optional.of(targetIrHash), rollbackAuditOutcomes);
    }

    /** Records the roll-back plan's audit outcomes; the sweep persists this before its first restore. */
    public RecoverySidecar withRollbackAuditOutcomes(List<TableOutcome> outcomes) {
        return new RecoverySidecar(operationId, startedAtMicros, branch, actorId, writerKind, graphCommitId,
                rollbackGraphCommitId, mergeSourceCommitId, authority, effectPhase, tables, additionalRegistrations,
                tombstones, schemaTargetIrHash, Optional.of(outcomes));
    }

    /** {@code __recovery/<operation_id>.json}, relative to the graph root. */
    public String relativePath() {
        return relativePathOf(operationId);
    }

    public static String relativePathOf(String operationId) {
        return RECOVERY_DIRECTORY + "/" + Ulids.require(operationId, "operation_id") + ".json";
    }

    public Optional<SidecarTablePin> pin(String tableKey) {
        return tables.stream().filter(pin -> pin.tableKey().equals(tableKey)).findFirst();
    }

    public ClassificationMode classificationMode() {
        return writerKind.classificationMode();
    }

    /** The v9 JSON document; write it with {@code JsonWriter.pretty} as the reference does. */
    public JsonObject encode() {
        JsonObject.Builder json = JsonObject.builder()
                .put("schema_version", SCHEMA_VERSION)
                .put("operation_id", operationId)
                .put("started_at", Long.toString(startedAtMicros))
                .put("branch", nullable(branch))
                .put("actor_id", nullable(actorId))
                .put("writer_kind", writerKind.jsonName())
                .put("tables", new JsonArray(tables.stream().<JsonValue>map(SidecarTablePin::encode).toList()));
        mergeSourceCommitId.ifPresent(id -> json.put("merge_source_commit_id", id));
        if (!additionalRegistrations.isEmpty()) {
            json.put("additional_registrations",
                    new JsonArray(additionalRegistrations.stream().<JsonValue>map(SidecarTableRegistration::encode).toList()));
        }
        if (!tombstones.isEmpty()) {
            json.put("tombstones", new JsonArray(tombstones.stream().<JsonValue>map(SidecarTombstone::encode).toList()));
        }
        json.put("graph_commit_id", graphCommitId)
                .put("rollback_graph_commit_id", rollbackGraphCommitId)
                .put("authority", authority.encode())
                .put("effect_phase", effectPhase.jsonName());
        schemaTargetIrHash.ifPresent(hash -> json.put("schema_apply_target_schema_ir_hash", hash));
        rollbackAuditOutcomes.ifPresent(outcomes -> json.put("rollback_audit_outcomes", TableOutcome.encodeAll(outcomes)));
        return json.build();
    }

    /**
     * Reads a sidecar document strictly: the schema version is checked first (newer and older versions are refused
     * with their own {@link SidecarDecodeException.Problem}), then every member; unknown members, missing required
     * ones and values that break this record's invariants are refused as {@link SidecarDecodeException.Problem#MALFORMED}.
     */
    public static RecoverySidecar decode(JsonValue document) {
        if (!(document instanceof JsonObject object)) {
            throw SidecarDecodeException.malformed("expected a JSON object, found " + document.kind());
        }
        JsonValue declared = object.members().get("schema_version");
        if (declared == null || declared.isNull()) {
            throw SidecarDecodeException.malformed("schema_version: missing required field");
        }
        long version = StrictJson.version(declared, "schema_version");
        if (version > SCHEMA_VERSION) {
            throw SidecarDecodeException.newer(version);
        }
        if (version < SCHEMA_VERSION) {
            throw SidecarDecodeException.older(version);
        }
        StrictJson json = StrictJson.object(object, "", FIELDS);
        String writerKind = json.requiredString("writer_kind");
        String effectPhase = json.requiredString("effect_phase");
        try {
            return new RecoverySidecar(
                    json.requiredString("operation_id"),
                    decodeMicros(json.requiredString("started_at")),
                    json.optionalString("branch"),
                    json.optionalString("actor_id"),
                    WriterKind.fromJsonName(writerKind).orElseThrow(() -> unknownValue("writer_kind", writerKind)),
                    json.requiredString("graph_commit_id"),
                    json.requiredString("rollback_graph_commit_id"),
                    json.optionalString("merge_source_commit_id"),
                    RecoveryAuthority.decode(json.required("authority"), "authority"),
                    EffectPhase.fromJsonName(effectPhase).orElseThrow(() -> unknownValue("effect_phase", effectPhase)),
                    StrictJson.elements(json.requiredArray("tables"), "tables", SidecarTablePin::decode),
                    StrictJson.elements(json.optionalArray("additional_registrations"), "additional_registrations",
                            SidecarTableRegistration::decode),
                    StrictJson.elements(json.optionalArray("tombstones"), "tombstones", SidecarTombstone::decode),
                    json.optionalString("schema_apply_target_schema_ir_hash"),
                    json.optional("rollback_audit_outcomes").map(outcomes -> StrictJson.elements(
                            StrictJson.array(outcomes, "rollback_audit_outcomes"), "rollback_audit_outcomes",
                            TableOutcome::decode)));
        } catch (IllegalArgumentException inconsistent) {
            throw SidecarDecodeException.malformed(inconsistent.getMessage());
        }
    }

    private static JsonValue nullable(Optional<String> value) {
        return value.<JsonValue>map(JsonString::new).orElse(JsonNull.INSTANCE);
    }

    private static long decodeMicros(String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw SidecarDecodeException.malformed("started_at: expected decimal microseconds since the epoch, found '" + text + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException overflow) {
            throw SidecarDecodeException.malformed("started_at: out of range: '" + text + "'");
        }
    }

    private static SidecarDecodeException unknownValue(String field, String text) {
        return SidecarDecodeException.malformed(field + ": unknown value '" + text + "'");
    }

    private static void requireUniquePins(List<SidecarTablePin> pins) {
        Set<String> keys = new HashSet<>();
        Set<TableIdentity> identities = new HashSet<>();
        for (SidecarTablePin pin : pins) {
            if (!keys.add(pin.tableKey())) {
                throw new IllegalArgumentException("table " + pin.tableKey() + " is pinned twice");
            }
            if (!identities.add(pin.identity())) {
                throw new IllegalArgumentException("table identity " + pin.identity() + " is pinned twice");
            }
        }
    }

    private static void requireConfirmationMatchesPhase(EffectPhase phase, List<SidecarTablePin> pins) {
        for (SidecarTablePin pin : pins) {
            boolean confirmed = pin.confirmedVersion().isPresent();
            if (phase == EffectPhase.ARMED && confirmed) {
                throw new IllegalArgumentException(pin.tableKey() + ": an Armed sidecar carries no confirmed_version");
            }
            if (phase == EffectPhase.EFFECTS_CONFIRMED && !confirmed) {
                throw new IllegalArgumentException(pin.tableKey() + ": an EffectsConfirmed sidecar needs a confirmed_version on every table");
            }
        }
    }
}
