package dev.omnigraph.application.failpoint;

import java.util.Set;

/**
 * The catalogue of failpoint names: one constant per crash window, spelled {@code area.step} exactly as the reference
 * spells it, so the reference's crash tests translate name for name. Call sites and tests use these constants, never
 * string literals ({@code FailpointNamesGuardTest} scans the source tree for literals): a misspelt literal would
 * compile and silently never fire. Arming a name outside {@link #ALL} is refused.
 *
 * <p>Loads have no names of their own: they run the mutation's staged-write path and fire the {@code mutation.*}
 * windows, as in the reference. Some windows belong to features this build does not have yet; their names are here
 * so that the catalogue stays one-to-one with the reference.
 *
 * <p>The {@code cluster_apply.*} names are the reference's cluster crate catalogue (its {@code failpoints::names}),
 * kept here too so one registry and one guard cover the engine and the control plane.
 */
public final class FailpointNames {

    private FailpointNames() {
    }

    // ---- mutation --------------------------------------------------------------------------------
    /** A node delete has staged its cascade and not yet the node row itself. */
    public static final String MUTATION_DELETE_NODE_PRE_PRIMARY_DELETE = "mutation.delete_node_pre_primary_delete";
    /**
     * Every table committed and the sidecar confirmed, the manifest publish not started: the next write heals by
     * rolling forward. Loads use this window too.
     */
    public static final String MUTATION_POST_FINALIZE_PRE_PUBLISHER = "mutation.post_finalize_pre_publisher";
    /** Every first-touch branch ref exists, no table head has advanced yet. */
    public static final String MUTATION_POST_FORK_PRE_COMMIT = "mutation.post_fork_pre_commit";
    /**
     * A conditional mutation found nothing to change and is about to take the branch gate to revalidate the expected
     * head.
     */
    public static final String MUTATION_POST_NO_EFFECT_PRE_GATE = "mutation.post_no_effect_pre_gate";
    /** The sidecar is armed, no first-touch branch ref exists yet: recovery must accept the absent ref. */
    public static final String MUTATION_POST_SIDECAR_PRE_FORK = "mutation.post_sidecar_pre_fork";
    /**
     * A mutation or load has staged its whole attempt and is about to take the branch gate and revalidate its
     * authority: park a writer here to let a conflicting writer win first.
     */
    public static final String MUTATION_POST_STAGE_PRE_EFFECT_GATE = "mutation.post_stage_pre_effect_gate";
    /**
     * After each table commit, before the next table or the Phase-B confirmation: leaves a partial multi-table write.
     */
    public static final String MUTATION_POST_TABLE_COMMIT = "mutation.post_table_commit";

    // ---- graph_publish ---------------------------------------------------------------------------
    /** The manifest publish landed and nothing after it ran: the write is visible although the caller sees an error. */
    public static final String GRAPH_PUBLISH_AFTER_MANIFEST_COMMIT = "graph_publish.after_manifest_commit";
    /** Inside the manifest publish, before the commit row is appended. */
    public static final String GRAPH_PUBLISH_BEFORE_COMMIT_APPEND = "graph_publish.before_commit_append";

    // ---- publish ---------------------------------------------------------------------------------
    /**
     * Arm with a callback that throws the publisher's retryable conflict, to drive its retry loop deterministically.
     */
    public static final String PUBLISH_LOAD_STATE_RETRYABLE_CONTENTION = "publish.load_state_retryable_contention";

    // ---- recovery --------------------------------------------------------------------------------
    /** A roll-forward was decided and its publish not started: a concurrent writer may move the manifest here. */
    public static final String RECOVERY_BEFORE_ROLL_FORWARD_PUBLISH = "recovery.before_roll_forward_publish";
    /** The orphan-discard commit is published and its audit row not written. */
    public static final String RECOVERY_ORPHAN_DISCARD_AUDIT_APPEND = "recovery.orphan_discard_audit_append";
    /** The sweep parsed the listed sidecars and has not taken any gate yet. */
    public static final String RECOVERY_POST_LIST_PRE_GATES = "recovery.post_list_pre_gates";
    /** The roll-back commit is published and its audit row not written. */
    public static final String RECOVERY_POST_ROLLBACK_PUBLISH_PRE_AUDIT = "recovery.post_rollback_publish_pre_audit";
    /** Listed, not yet read: a sidecar deleted in this window is a concurrent completion, not an error. */
    public static final String RECOVERY_POST_SIDECAR_LIST_PRE_READ = "recovery.post_sidecar_list_pre_read";
    /** A roll-back restored a table and has not published yet: a retry must restore again and converge. */
    public static final String RECOVERY_POST_TABLE_RESTORE_PRE_PUBLISH = "recovery.post_table_restore_pre_publish";
    /** Before a recovery appends its audit row: a retry appends exactly one row. */
    public static final String RECOVERY_RECORD_AUDIT = "recovery.record_audit";
    /** Phase B: before the sidecar is rewritten as effects-confirmed. */
    public static final String RECOVERY_SIDECAR_CONFIRM = "recovery.sidecar_confirm";
    /**
     * Phase D: before the sidecar is deleted. A failure is swallowed; the stale sidecar is finished by the next sweep.
     */
    public static final String RECOVERY_SIDECAR_DELETE = "recovery.sidecar_delete";
    /** Before the sweep lists {@code __recovery/}. A failure fails the open loudly. */
    public static final String RECOVERY_SIDECAR_LIST = "recovery.sidecar_list";
    /** Phase A: before the sidecar is written. Failing here aborts the write with no effect. */
    public static final String RECOVERY_SIDECAR_WRITE = "recovery.sidecar_write";

    // ---- branch_create ---------------------------------------------------------------------------
    /** The manifest branch ref exists but the create was not acknowledged: recovery must treat it as created. */
    public static final String BRANCH_CREATE_POST_NATIVE = "branch_create.post_native";

    // ---- branch_delete ---------------------------------------------------------------------------
    /** The branch ref is removed, its table forks not yet reclaimed (cleanup is the backstop). */
    public static final String BRANCH_DELETE_BEFORE_TABLE_CLEANUP = "branch_delete.before_table_cleanup";
    /** The manifest branch ref is gone but the delete was not acknowledged: recovery must treat it as deleted. */
    public static final String BRANCH_DELETE_POST_NATIVE = "branch_delete.post_native";
    /** A branch delete holds its gates and passed its last recovery check, before the ref is removed. */
    public static final String BRANCH_DELETE_POST_TABLE_GATES = "branch_delete.post_table_gates";

    // ---- branch_control --------------------------------------------------------------------------
    /** Branch create or delete passed its first recovery check and has not taken its gates. */
    public static final String BRANCH_CONTROL_POST_RECOVERY_BARRIER = "branch_control.post_recovery_barrier";

    // ---- branch_merge ----------------------------------------------------------------------------
    public static final String BRANCH_MERGE_ADOPT_AFTER_APPEND_PRE_UPSERT = "branch_merge.adopt_after_append_pre_upsert";
    public static final String BRANCH_MERGE_ADOPT_AFTER_UPSERT_PRE_DELETE = "branch_merge.adopt_after_upsert_pre_delete";
    public static final String BRANCH_MERGE_ADOPT_BETWEEN_INSERT_CHUNKS = "branch_merge.adopt_between_insert_chunks";
    public static final String BRANCH_MERGE_BETWEEN_DELETE_CHUNKS = "branch_merge.between_delete_chunks";
    public static final String BRANCH_MERGE_POST_AUTHORITY_CAPTURE = "branch_merge.post_authority_capture";
    public static final String BRANCH_MERGE_POST_CANDIDATE_VALIDATION = "branch_merge.post_candidate_validation";
    public static final String BRANCH_MERGE_POST_EFFECTS_PRE_CONFIRM = "branch_merge.post_effects_pre_confirm";
    public static final String BRANCH_MERGE_POST_PHASE_B_PRE_MANIFEST_COMMIT = "branch_merge.post_phase_b_pre_manifest_commit";
    public static final String BRANCH_MERGE_POST_SIDECAR_PRE_FORK = "branch_merge.post_sidecar_pre_fork";
    public static final String BRANCH_MERGE_REWRITE_AFTER_DELETE_PRE_CONFIRM = "branch_merge.rewrite_after_delete_pre_confirm";
    public static final String BRANCH_MERGE_REWRITE_AFTER_MERGE_PRE_DELETE = "branch_merge.rewrite_after_merge_pre_delete";

    // ---- schema_apply ----------------------------------------------------------------------------
    /** The new schema is published in the manifest and the staging files are not yet promoted. */
    public static final String SCHEMA_APPLY_AFTER_MANIFEST_COMMIT = "schema_apply.after_manifest_commit";
    /** The staging schema files exist; nothing is published. */
    public static final String SCHEMA_APPLY_AFTER_STAGING_WRITE = "schema_apply.after_staging_write";
    /** Before the {@code *.staging} schema files are written. */
    public static final String SCHEMA_APPLY_BEFORE_STAGING_WRITE = "schema_apply.before_staging_write";
    /** The schema apply sidecar is armed and no table was touched. */
    public static final String SCHEMA_APPLY_POST_SIDECAR_PRE_EFFECT = "schema_apply.post_sidecar_pre_effect";
    /** After each table rewrite of a schema apply, before the next one or the confirmation. */
    public static final String SCHEMA_APPLY_POST_TABLE_COMMIT = "schema_apply.post_table_commit";

    // ---- schema_reload ---------------------------------------------------------------------------
    public static final String SCHEMA_RELOAD_BEFORE_CONTRACT_READ = "schema_reload.before_contract_read";

    // ---- ensure_indices --------------------------------------------------------------------------
    public static final String ENSURE_INDICES_POST_EFFECTS_PRE_CONFIRM = "ensure_indices.post_effects_pre_confirm";
    public static final String ENSURE_INDICES_POST_PHASE_B_PRE_MANIFEST_COMMIT = "ensure_indices.post_phase_b_pre_manifest_commit";
    public static final String ENSURE_INDICES_POST_SIDECAR_PRE_FORK = "ensure_indices.post_sidecar_pre_fork";
    public static final String ENSURE_INDICES_POST_STAGE_PRE_COMMIT_BTREE = "ensure_indices.post_stage_pre_commit_btree";
    public static final String ENSURE_INDICES_POST_TABLE_EFFECT = "ensure_indices.post_table_effect";

    // ---- fork ------------------------------------------------------------------------------------
    public static final String FORK_BEFORE_CLASSIFY = "fork.before_classify";
    public static final String FORK_BEFORE_RECLAIM = "fork.before_reclaim";
    public static final String FORK_POST_CREATE_PRE_OPEN = "fork.post_create_pre_open";

    // ---- classify --------------------------------------------------------------------------------
    public static final String CLASSIFY_FRESH_READ = "classify.fresh_read";

    // ---- init ------------------------------------------------------------------------------------
    /** Past init's commit point: the graph must survive an error here. */
    public static final String INIT_AFTER_COORDINATOR_INIT = "init.after_coordinator_init";
    /** {@code _schema.ir.json} and {@code __schema_state.json} are written, no table exists. */
    public static final String INIT_AFTER_SCHEMA_CONTRACT_WRITTEN = "init.after_schema_contract_written";
    /** {@code _schema.pg} is written, nothing else. */
    public static final String INIT_AFTER_SCHEMA_PG_WRITTEN = "init.after_schema_pg_written";
    /**
     * The manifest was created but the create was not acknowledged: init must classify by probing for the exact
     * genesis.
     */
    public static final String INIT_MANIFEST_CREATE_ACK_LOST = "init.manifest_create_ack_lost";
    /** Before that genesis probe: when the outcome cannot be observed, the schema artifacts must be kept. */
    public static final String INIT_MANIFEST_CREATE_PROBE = "init.manifest_create_probe";
    /** The first step after the manifest create was confirmed: the graph must open whatever happens here. */
    public static final String INIT_POST_MANIFEST_CREATE = "init.post_manifest_create";
    /** A schema artifact delete during pre-table init cleanup fails: the original error wins and the claim is kept. */
    public static final String INIT_SCHEMA_CLEANUP_DELETE = "init.schema_cleanup_delete";
    /** A type table was created but the create was not acknowledged: retry and schema cleanup are unsafe. */
    public static final String INIT_TABLE_CREATE_ACK_LOST = "init.table_create_ack_lost";

    // ---- open ------------------------------------------------------------------------------------
    public static final String OPEN_BEFORE_SCHEMA_CONTRACT_READ = "open.before_schema_contract_read";

    // ---- read ------------------------------------------------------------------------------------
    public static final String READ_REFRESH_POST_STATE_PRE_LINEAGE = "read.refresh_post_state_pre_lineage";

    // ---- storage ---------------------------------------------------------------------------------
    /** Before the local-disk create-if-absent probe: simulates a file system without hard links. */
    public static final String LOCAL_CREATE_IF_ABSENT_PROBE = "storage.local_create_if_absent_probe";

    // ---- optimize --------------------------------------------------------------------------------
    /** Before each table's compaction. */
    public static final String OPTIMIZE_BEFORE_COMPACT = "optimize.before_compact";
    public static final String OPTIMIZE_INJECT_REINDEX_CONFLICT = "optimize.inject_reindex_conflict";
    public static final String OPTIMIZE_POST_AUTHORITY_CAPTURE_PRE_GATES = "optimize.post_authority_capture_pre_gates";
    public static final String OPTIMIZE_POST_PHASE_B_PRE_MANIFEST_COMMIT = "optimize.post_phase_b_pre_manifest_commit";
    public static final String OPTIMIZE_POST_RECOVERY_CHECK_PRE_MAIN_GATE = "optimize.post_recovery_check_pre_main_gate";

    // ---- cleanup ---------------------------------------------------------------------------------
    public static final String CLEANUP_POST_RECOVERY_CHECK_PRE_GATES = "cleanup.post_recovery_check_pre_gates";
    public static final String CLEANUP_RECONCILE_FORK = "cleanup.reconcile_fork";
    public static final String CLEANUP_RESOLVE_BRANCH_SNAPSHOT = "cleanup.resolve_branch_snapshot";
    /** Before each table's version garbage collection; one table's failure must not stop the others. */
    public static final String CLEANUP_TABLE_GC = "cleanup.table_gc";

    // ---- blob_read -------------------------------------------------------------------------------
    public static final String BLOB_READ_POST_CAPTURE = "blob_read.post_capture";

    // ---- change_feed -----------------------------------------------------------------------------
    public static final String CHANGE_FEED_POST_CAPTURE = "change_feed.post_capture";
    public static final String CHANGE_FEED_PRE_TABLE_OPEN = "change_feed.pre_table_open";
    /** A behaviour switch rather than an error: simulates a store that keeps no table e-tags. */
    public static final String CHANGE_FEED_SKIP_ETAG_WITNESS = "change_feed.skip_etag_witness";

    // ---- cluster_apply (the control plane's apply choreography, cluster notes §4.4 and §5.5) -------
    /** The graph_create sidecar is written; the engine init has not run. */
    public static final String CLUSTER_APPLY_BEFORE_GRAPH_CREATE = "cluster_apply.before_graph_create";
    /** The graph exists and its sidecar carries the post-init manifest version; the ledger does not record it. */
    public static final String CLUSTER_APPLY_AFTER_GRAPH_CREATE = "cluster_apply.after_graph_create";
    /** The schema_apply sidecar is written after the engine's preview accepted the migration; nothing moved. */
    public static final String CLUSTER_APPLY_BEFORE_SCHEMA_APPLY = "cluster_apply.before_schema_apply";
    /** The migration is published and its sidecar rewritten; the ledger does not record it. */
    public static final String CLUSTER_APPLY_AFTER_SCHEMA_APPLY = "cluster_apply.after_schema_apply";
    /** Every catalog payload is written; the ledger has not moved. */
    public static final String CLUSTER_APPLY_AFTER_PAYLOAD_PHASE = "cluster_apply.after_payload_phase";
    /** The graph_delete sidecar is written; the graph root is intact. */
    public static final String CLUSTER_APPLY_BEFORE_GRAPH_DELETE = "cluster_apply.before_graph_delete";
    /** The graph root is removed; the ledger still lists the graph. */
    public static final String CLUSTER_APPLY_AFTER_GRAPH_DELETE = "cluster_apply.after_graph_delete";
    /**
     * Between the decision to write the ledger and its compare-and-swap. A callback armed here can rewrite
     * {@code state.json} to play a concurrent writer, so the write fails organically with {@code state_cas_mismatch}.
     */
    public static final String CLUSTER_APPLY_BEFORE_STATE_WRITE = "cluster_apply.before_state_write";

    /** Every name above; arming any other name is refused. */
    public static final Set<String> ALL = Set.of(
            MUTATION_DELETE_NODE_PRE_PRIMARY_DELETE, MUTATION_POST_FINALIZE_PRE_PUBLISHER,
            MUTATION_POST_FORK_PRE_COMMIT, MUTATION_POST_NO_EFFECT_PRE_GATE,
            MUTATION_POST_SIDECAR_PRE_FORK, MUTATION_POST_STAGE_PRE_EFFECT_GATE,
            MUTATION_POST_TABLE_COMMIT, GRAPH_PUBLISH_AFTER_MANIFEST_COMMIT,
            GRAPH_PUBLISH_BEFORE_COMMIT_APPEND, PUBLISH_LOAD_STATE_RETRYABLE_CONTENTION,
            RECOVERY_BEFORE_ROLL_FORWARD_PUBLISH, RECOVERY_ORPHAN_DISCARD_AUDIT_APPEND,
            RECOVERY_POST_LIST_PRE_GATES, RECOVERY_POST_ROLLBACK_PUBLISH_PRE_AUDIT,
            RECOVERY_POST_SIDECAR_LIST_PRE_READ, RECOVERY_POST_TABLE_RESTORE_PRE_PUBLISH,
            RECOVERY_RECORD_AUDIT, RECOVERY_SIDECAR_CONFIRM,
            RECOVERY_SIDECAR_DELETE, RECOVERY_SIDECAR_LIST,
            RECOVERY_SIDECAR_WRITE, BRANCH_CREATE_POST_NATIVE,
            BRANCH_DELETE_BEFORE_TABLE_CLEANUP, BRANCH_DELETE_POST_NATIVE,
            BRANCH_DELETE_POST_TABLE_GATES, BRANCH_CONTROL_POST_RECOVERY_BARRIER,
            BRANCH_MERGE_ADOPT_AFTER_APPEND_PRE_UPSERT, BRANCH_MERGE_ADOPT_AFTER_UPSERT_PRE_DELETE,
            BRANCH_MERGE_ADOPT_BETWEEN_INSERT_CHUNKS, BRANCH_MERGE_BETWEEN_DELETE_CHUNKS,
            BRANCH_MERGE_POST_AUTHORITY_CAPTURE, BRANCH_MERGE_POST_CANDIDATE_VALIDATION,
            BRANCH_MERGE_POST_EFFECTS_PRE_CONFIRM, BRANCH_MERGE_POST_PHASE_B_PRE_MANIFEST_COMMIT,
            BRANCH_MERGE_POST_SIDECAR_PRE_FORK, BRANCH_MERGE_REWRITE_AFTER_DELETE_PRE_CONFIRM,
            BRANCH_MERGE_REWRITE_AFTER_MERGE_PRE_DELETE, SCHEMA_APPLY_AFTER_MANIFEST_COMMIT,
            SCHEMA_APPLY_AFTER_STAGING_WRITE, SCHEMA_APPLY_BEFORE_STAGING_WRITE,
            SCHEMA_APPLY_POST_SIDECAR_PRE_EFFECT, SCHEMA_APPLY_POST_TABLE_COMMIT,
            SCHEMA_RELOAD_BEFORE_CONTRACT_READ, ENSURE_INDICES_POST_EFFECTS_PRE_CONFIRM,
            ENSURE_INDICES_POST_PHASE_B_PRE_MANIFEST_COMMIT, ENSURE_INDICES_POST_SIDECAR_PRE_FORK,
            ENSURE_INDICES_POST_STAGE_PRE_COMMIT_BTREE, ENSURE_INDICES_POST_TABLE_EFFECT,
            FORK_BEFORE_CLASSIFY, FORK_BEFORE_RECLAIM,
            FORK_POST_CREATE_PRE_OPEN, CLASSIFY_FRESH_READ,
            INIT_AFTER_COORDINATOR_INIT, INIT_AFTER_SCHEMA_CONTRACT_WRITTEN,
            INIT_AFTER_SCHEMA_PG_WRITTEN, INIT_MANIFEST_CREATE_ACK_LOST,
            INIT_MANIFEST_CREATE_PROBE, INIT_POST_MANIFEST_CREATE,
            INIT_SCHEMA_CLEANUP_DELETE, INIT_TABLE_CREATE_ACK_LOST,
            OPEN_BEFORE_SCHEMA_CONTRACT_READ, READ_REFRESH_POST_STATE_PRE_LINEAGE,
            LOCAL_CREATE_IF_ABSENT_PROBE, OPTIMIZE_BEFORE_COMPACT,
            OPTIMIZE_INJECT_REINDEX_CONFLICT, OPTIMIZE_POST_AUTHORITY_CAPTURE_PRE_GATES,
            OPTIMIZE_POST_PHASE_B_PRE_MANIFEST_COMMIT, OPTIMIZE_POST_RECOVERY_CHECK_PRE_MAIN_GATE,
            CLEANUP_POST_RECOVERY_CHECK_PRE_GATES, CLEANUP_RECONCILE_FORK,
            CLEANUP_RESOLVE_BRANCH_SNAPSHOT, CLEANUP_TABLE_GC,
            BLOB_READ_POST_CAPTURE, CHANGE_FEED_POST_CAPTURE,
            CHANGE_FEED_PRE_TABLE_OPEN, CHANGE_FEED_SKIP_ETAG_WITNESS,
            CLUSTER_APPLY_BEFORE_GRAPH_CREATE, CLUSTER_APPLY_AFTER_GRAPH_CREATE,
            CLUSTER_APPLY_BEFORE_SCHEMA_APPLY, CLUSTER_APPLY_AFTER_SCHEMA_APPLY,
            CLUSTER_APPLY_AFTER_PAYLOAD_PHASE, CLUSTER_APPLY_BEFORE_GRAPH_DELETE,
            CLUSTER_APPLY_AFTER_GRAPH_DELETE, CLUSTER_APPLY_BEFORE_STATE_WRITE);
}
