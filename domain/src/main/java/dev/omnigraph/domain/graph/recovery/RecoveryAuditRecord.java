package dev.omnigraph.domain.graph.recovery;

import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the recovery audit table {@value #TABLE_DIRECTORY}: a completed recovery action, with the commit it
 * published, the actor it acted for and what it did to each table. The table is created on the first append and is
 * not part of the manifest.
 *
 * @param graphCommitId the commit the recovery published (the writer's own id for a roll-forward)
 * @param recoveryForActor the interrupted writer's actor
 * @param sidecarWriterKind stored as its JSON spelling ({@code Mutation}, …)
 * @param createdAtMicros when the row was written, in microseconds since the epoch
 */
public record RecoveryAuditRecord(String graphCommitId, RecoveryKind recoveryKind, Optional<String> recoveryForActor,
                                  String operationId, WriterKind sidecarWriterKind, List<TableOutcome> perTableOutcomes,
                                  long createdAtMicros) {

    /** The audit table's directory under the graph root. */
    public static final String TABLE_DIRECTORY = "_graph_commit_recoveries.lance";

    public static final String COLUMN_GRAPH_COMMIT_ID = "graph_commit_id";
    public static final String COLUMN_RECOVERY_KIND = "recovery_kind";
    /** Nullable. */
    public static final String COLUMN_RECOVERY_FOR_ACTOR = "recovery_for_actor";
    public static final String COLUMN_OPERATION_ID = "operation_id";
    public static final String COLUMN_SIDECAR_WRITER_KIND = "sidecar_writer_kind";
    /** The outcomes as compact JSON: {@code [{"table_key":…,"from_version":…,"to_version":…}]}. */
    public static final String COLUMN_PER_TABLE_OUTCOMES_JSON = "per_table_outcomes_json";
    /** A timestamp in microseconds without a time zone. */
    public static final String COLUMN_CREATED_AT = "created_at";

    /** Every column, in the table's order. All are UTF-8 strings except {@link #COLUMN_CREATED_AT}. */
    public static final List<String> COLUMNS = List.of(COLUMN_GRAPH_COMMIT_ID, COLUMN_RECOVERY_KIND,
            COLUMN_RECOVERY_FOR_ACTOR, COLUMN_OPERATION_ID, COLUMN_SIDECAR_WRITER_KIND, COLUMN_PER_TABLE_OUTCOMES_JSON,
            COLUMN_CREATED_AT);

    public RecoveryAuditRecord {
        Objects.requireNonNull(graphCommitId, "graphCommitId");
        Objects.requireNonNull(recoveryKind, "recoveryKind");
        Objects.requireNonNull(recoveryForActor, "recoveryForActor");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(sidecarWriterKind, "sidecarWriterKind");
        perTableOutcomes = List.copyOf(perTableOutcomes);
    }

    /**
     * The row for carrying out {@code decision} on {@code sidecar}.
     *
     * @param graphCommitId the commit the recovery published: the decision's id for every decision except
     *     {@link SweepDecision.OrphanedBranchDiscarded}, whose lineage-only commit on main gets a fresh id
     * @throws IllegalArgumentException when the decision records no audit row
     */
    public static RecoveryAuditRecord forDecision(RecoverySidecar sidecar, SweepDecision decision, String graphCommitId,
                                                  long createdAtMicros) {
        RecoveryKind kind = decision.recoveryKind().orElseThrow(() ->
                new IllegalArgumentException(decision.getClass().getSimpleName() + " records no audit row"));
        return new RecoveryAuditRecord(graphCommitId, kind, sidecar.actorId(), sidecar.operationId(), sidecar.writerKind(),
                decision.auditOutcomes(), createdAtMicros);
    }

    /** The {@value #COLUMN_PER_TABLE_OUTCOMES_JSON} cell. */
    public String perTableOutcomesJson() {
        return JsonWriter.compact(TableOutcome.encodeAll(perTableOutcomes));
    }

    /**
     * Reads a row back from its cells; {@code perTableOutcomesJson} is the parsed cell.
     *
     * @throws IllegalArgumentException when a cell holds an unknown kind or outcomes of the wrong shape
     */
    public static RecoveryAuditRecord fromColumns(String graphCommitId, String recoveryKind, Optional<String> recoveryForActor,
                                                  String operationId, String sidecarWriterKind,
                                                  JsonValue perTableOutcomesJson, long createdAtMicros) {
        RecoveryKind kind = RecoveryKind.fromColumnValue(recoveryKind).orElseThrow(() ->
                new IllegalArgumentException("unknown recovery_kind '" + recoveryKind + "' in " + TABLE_DIRECTORY));
        WriterKind writerKind = WriterKind.fromJsonName(sidecarWriterKind).orElseThrow(() ->
                new IllegalArgumentException("unknown sidecar_writer_kind '" + sidecarWriterKind + "' in " + TABLE_DIRECTORY));
        List<TableOutcome> outcomes;
        try {
            outcomes = TableOutcome.decodeAll(perTableOutcomesJson);
        } catch (SidecarDecodeException malformed) {
            throw new IllegalArgumentException("malformed per_table_outcomes_json in " + TABLE_DIRECTORY + ": "
                    + malformed.detail(), malformed);
        }
        return new RecoveryAuditRecord(graphCommitId, kind, recoveryForActor, operationId, writerKind, outcomes,
                createdAtMicros);
    }
}
