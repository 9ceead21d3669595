package dev.omnigraph.domain.graph.recovery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sweep does with one sidecar: all of it or none of it. Every decision either finishes the operation and
 * deletes the sidecar (after its publish and audit row, if any), or keeps the sidecar on disk
 * ({@link RecoveryRequired}, {@link Abort}).
 *
 * <p>Audit rows are appended at most once per operation and kind: a sweep re-entered after its publish (audit or
 * delete failed) sees {@link AlreadyPublished} or {@link AlreadyRolledBack}, and must look for an existing row of
 * that operation before appending.
 */
public sealed interface SweepDecision {

    /** The audit row kind this decision records, if it records one. */
    Optional<RecoveryKind> recoveryKind();

    /** The per-table outcomes of its audit row (empty when it records none). */
    List<TableOutcome> auditOutcomes();

    /** Whether the sidecar is deleted once the decision is carried out. */
    boolean deletesSidecar();

    /**
     * The operation's commit is already in the branch's lineage: its publish landed and only the sidecar delete (and
     * maybe the audit row) was lost. Record {@code RolledForward} under {@code graphCommitId} and delete the sidecar.
     */
    record AlreadyPublished(String graphCommitId, List<TableOutcome> auditOutcomes) implements SweepDecision {
        public AlreadyPublished {
            Objects.requireNonNull(graphCommitId, "graphCommitId");
            auditOutcomes = List.copyOf(auditOutcomes);
        }

        @Override
        public Optional<RecoveryKind> recoveryKind() {
            return Optional.of(RecoveryKind.ROLLED_FORWARD);
        }

        @Override
        public boolean deletesSidecar() {
            return true;
        }
    }

    /**
     * The roll-back commit is already in the branch's lineage: a previous sweep restored and published, then lost
     * its audit row or delete. Record {@code RolledBack} with the persisted plan's outcomes and delete the sidecar.
     */
    record AlreadyRolledBack(String rollbackGraphCommitId, List<TableOutcome> auditOutcomes) implements SweepDecision {
        public AlreadyRolledBack {
            Objects.requireNonNull(rollbackGraphCommitId, "rollbackGraphCommitId");
            auditOutcomes = List.copyOf(auditOutcomes);
        }

        @Override
        public Optional<RecoveryKind> recoveryKind() {
            return Optional.of(RecoveryKind.ROLLED_BACK);
        }

        @Override
        public boolean deletesSidecar() {
            return true;
        }
    }

    /**
     * Every table carries the writer's completed effect; only the publish is missing. Publish, in one manifest
     * commit, every table at {@link TablePublish#toVersion()} (CAS on {@link TablePublish#publishedVersion()}) plus the
     * sidecar's registrations and tombstones, as the sidecar's {@code graph_commit_id} with its actor, merged parent
     * and {@code started_at}; then record {@code RolledForward} and delete the sidecar.
     *
     * @param requiredAuthority present for exact writers: the publish must assert the branch still shows exactly this
     *     authority (head and manifest version), and a CAS failure is re-observed rather than retried blindly
     */
    record RollForward(String graphCommitId, Optional<RecoveryAuthority> requiredAuthority, List<TablePublish> tables)
            implements SweepDecision {
        public RollForward {
            Objects.requireNonNull(graphCommitId, "graphCommitId");
            Objects.requireNonNull(requiredAuthority, "requiredAuthority");
            tables = List.copyOf(tables);
        }

        @Override
        public Optional<RecoveryKind> recoveryKind() {
            return Optional.of(RecoveryKind.ROLLED_FORWARD);
        }

        @Override
        public List<TableOutcome> auditOutcomes() {
            return tables.stream()
                    .map(table -> new TableOutcome(table.pin().tableKey(), table.publishedVersion(), table.toVersion()))
                    .toList();
        }

        @Override
        public boolean deletesSidecar() {
            return true;
        }
    }

    /**
     * The effects must be undone. First persist {@code auditOutcomes} into the sidecar
     * ({@link RecoverySidecar#withRollbackAuditOutcomes}) unless it already holds them; then restore each table in
     * {@code restores} to the content of {@link TableRestore#restoreTo()} (a new commit above the head), publish the
     * restored heads in one manifest commit as {@code rollbackGraphCommitId} by {@value RecoverySidecar#RECOVERY_ACTOR},
     * record {@code RolledBack} and delete the sidecar. Tables that never moved are neither restored nor published.
     */
    record RollBack(String rollbackGraphCommitId, List<TableRestore> restores, List<TableOutcome> auditOutcomes)
            implements SweepDecision {
        public RollBack {
            Objects.requireNonNull(rollbackGraphCommitId, "rollbackGraphCommitId");
            restores = List.copyOf(restores);
            auditOutcomes = List.copyOf(auditOutcomes);
        }

        @Override
        public Optional<RecoveryKind> recoveryKind() {
            return Optional.of(RecoveryKind.ROLLED_BACK);
        }

        @Override
        public boolean deletesSidecar() {
            return true;
        }
    }

    /**
     * No effect of the operation landed and nothing moved the manifest since: delete the sidecar; publish and record
     * nothing. (An unpublished first-touch branch ref the writer may have created is reclaimed by cleanup.)
     */
    record AbandonUnapplied(String operationId, String reason) implements SweepDecision {
        public AbandonUnapplied {
            Objects.requireNonNull(operationId, "operationId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<RecoveryKind> recoveryKind() {
            return Optional.empty();
        }

        @Override
        public List<TableOutcome> auditOutcomes() {
            return List.of();
        }

        @Override
        public boolean deletesSidecar() {
            return true;
        }
    }

    /**
     * Only a read-write open may settle this sidecar (it needs a restore, or it may belong to a live writer). Keep
     * it; a writer healing in {@link SweepMode#ROLL_FORWARD_ONLY} refuses with {@code recovery_required} naming the
     * operation.
     */
    record RecoveryRequired(String operationId, String reason) implements SweepDecision {
        public RecoveryRequired {
            Objects.requireNonNull(operationId, "operationId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<RecoveryKind> recoveryKind() {
            return Optional.empty();
        }

        @Override
        public List<TableOutcome> auditOutcomes() {
            return List.of();
        }

        @Override
        public boolean deletesSidecar() {
            return false;
        }
    }

    /** An invariant is broken or the evidence is ambiguous: act on nothing, keep the sidecar, fail loudly. */
    record Abort(String operationId, String reason) implements SweepDecision {
        public Abort {
            Objects.requireNonNull(operationId, "operationId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<RecoveryKind> recoveryKind() {
            return Optional.empty();
        }

        @Override
        public List<TableOutcome> auditOutcomes() {
            return List.of();
        }

        @Override
        public boolean deletesSidecar() {
            return false;
        }
    }

    /**
     * The sidecar's branch was deleted, so its effects are unreachable. Publish a lineage-only commit on main with a
     * fresh id by {@value RecoverySidecar#RECOVERY_ACTOR}, record {@code OrphanedBranchDiscarded} (no outcomes)
     * unless this operation already has such a row, and delete the sidecar.
     */
    record OrphanedBranchDiscarded(String branch) implements SweepDecision {
        public OrphanedBranchDiscarded {
            Objects.requireNonNull(branch, "branch");
        }

        @Override
        public Optional<RecoveryKind> recoveryKind() {
            return Optional.of(RecoveryKind.ORPHANED_BRANCH_DISCARDED);
        }

        @Override
        public List<TableOutcome> auditOutcomes() {
            return List.of();
        }

        @Override
        public boolean deletesSidecar() {
            return true;
        }
    }

    /** One table of a roll-forward: publish {@code toVersion} where the manifest publishes {@code publishedVersion}. */
    record TablePublish(SidecarTablePin pin, long publishedVersion, long toVersion) {
        public TablePublish {
            Objects.requireNonNull(pin, "pin");
            if (toVersion <= publishedVersion) {
                throw new IllegalArgumentException(pin.tableKey() + ": a roll-forward must advance the table");
            }
        }
    }

    /**
     * One table of a roll-back: restore the content of {@code restoreTo} (the version the manifest publishes) over
     * {@code observedHead} on the pin's ref, then publish the restore commit with a CAS on {@code restoreTo}.
     */
    record TableRestore(SidecarTablePin pin, long observedHead, long restoreTo) {
        public TableRestore {
            Objects.requireNonNull(pin, "pin");
            if (observedHead <= restoreTo) {
                throw new IllegalArgumentException(pin.tableKey() + ": a restore must undo movement above the published version");
            }
        }
    }
}
