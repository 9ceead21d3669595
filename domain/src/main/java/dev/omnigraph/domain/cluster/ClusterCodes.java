package dev.omnigraph.domain.cluster;

/**
 * The stable diagnostic codes of the cluster control plane (reference catalogue, section 6.4 of the
 * behavioural notes). Each constant's Javadoc gives the severity the reference uses (E = error,
 * W = warning; "E/W" when it depends on the command) and when it is raised. Call sites use these
 * constants, never string literals, so a typo cannot mint a new public code.
 */
public final class ClusterCodes {

    private ClusterCodes() {
    }

    /** E: cluster.yaml's directory is missing (`--config` is not a directory). */
    public static final String CONFIG_DIR_NOT_FOUND = "config_dir_not_found";

    /** E: cluster.yaml could not be read. */
    public static final String CLUSTER_CONFIG_READ_ERROR = "cluster_config_read_error";

    /** E: a YAML key repeats within one mapping, at any nesting level. */
    public static final String DUPLICATE_YAML_KEY = "duplicate_yaml_key";

    /** E: a top-level key reserved for a later phase (apply, env_file, pipelines, embeddings, ui, aliases, bindings). */
    public static final String FUTURE_PHASE_FIELD = "future_phase_field";

    /** E: graphs.&lt;id&gt;.streaming is present. */
    public static final String REMOVED_STREAMING_DECLARATION = "removed_streaming_declaration";

    /** E: cluster.yaml is not YAML or does not have the strict shape (unknown field, wrong type, missing field). */
    public static final String INVALID_CLUSTER_YAML = "invalid_cluster_yaml";

    /** E: version is not 1. */
    public static final String UNSUPPORTED_CLUSTER_CONFIG_VERSION = "unsupported_cluster_config_version";

    /** E: metadata.name is blank. */
    public static final String EMPTY_METADATA_NAME = "empty_metadata_name";

    /** E: state.backend is neither omitted nor cluster. */
    public static final String UNSUPPORTED_STATE_BACKEND = "unsupported_state_backend";

    /** E: storage is empty, or s3:// without a bucket. */
    public static final String INVALID_STORAGE_ROOT = "invalid_storage_root";

    /** E: the storage backend could not be initialised. */
    public static final String STORAGE_ROOT_INVALID = "storage_root_invalid";

    /** E: a graph, query, policy or provider name breaks the id grammar. */
    public static final String INVALID_RESOURCE_ID = "invalid_resource_id";

    /** E: a schema file is unreadable. */
    public static final String SCHEMA_FILE_MISSING = "schema_file_missing";

    /** E: a schema file does not parse. */
    public static final String SCHEMA_PARSE_ERROR = "schema_parse_error";

    /** E: a schema does not compile to a catalog. */
    public static final String SCHEMA_CATALOG_ERROR = "schema_catalog_error";

    /** E: a query directory cannot be listed. */
    public static final String QUERY_DIR_UNREADABLE = "query_dir_unreadable";

    /** W: a query directory holds no .gq file. */
    public static final String QUERY_DIR_EMPTY = "query_dir_empty";

    /** E: a query file is unreadable. */
    public static final String QUERY_FILE_MISSING = "query_file_missing";

    /** E: a query file does not parse. */
    public static final String QUERY_PARSE_ERROR = "query_parse_error";

    /** E: two discovered files declare the same query name. */
    public static final String DUPLICATE_QUERY_NAME = "duplicate_query_name";

    /** E: an explicitly mapped file lacks the named query. */
    public static final String QUERY_KEY_MISMATCH = "query_key_mismatch";

    /** E: a query does not type-check against the desired schema. */
    public static final String QUERY_TYPECHECK_ERROR = "query_typecheck_error";

    /** W: the schema is invalid, so queries were not type-checked. */
    public static final String QUERY_TYPECHECK_SKIPPED = "query_typecheck_skipped";

    /** E: a policy file is unreadable. */
    public static final String POLICY_FILE_MISSING = "policy_file_missing";

    /** E: a policy bundle does not parse or compile for its binding kind. */
    public static final String POLICY_INVALID = "policy_invalid";

    /** E: a policy binds nothing. */
    public static final String POLICY_MISSING_APPLIES_TO = "policy_missing_applies_to";

    /** E: one bundle binds both cluster and graphs. */
    public static final String POLICY_MIXED_BINDING_KINDS = "policy_mixed_binding_kinds";

    /** E: two bundles bind the same scope. */
    public static final String DUPLICATE_POLICY_BINDING = "duplicate_policy_binding";

    /** E: a policy names an undeclared graph. */
    public static final String DANGLING_GRAPH_REFERENCE = "dangling_graph_reference";

    /** E: a graph names an undeclared embedding provider. */
    public static final String DANGLING_EMBEDDING_PROVIDER_REFERENCE = "dangling_embedding_provider_reference";

    /** E: a reference names the wrong kind of resource. */
    public static final String WRONG_KIND_REFERENCE = "wrong_kind_reference";

    /** E: an embedding provider kind is unknown. */
    public static final String INVALID_EMBEDDING_PROVIDER = "invalid_embedding_provider";

    /** E: an embedding api_key is not a ${NAME} reference. */
    public static final String EMBEDDING_API_KEY_INLINE = "embedding_api_key_inline";

    /** E: a non-mock embedding provider has no api_key. */
    public static final String EMBEDDING_API_KEY_REQUIRED = "embedding_api_key_required";

    /** E: an external Blob base is not acceptable. */
    public static final String INVALID_EXTERNAL_BLOB_BASE = "invalid_external_blob_base";

    /** E: the external Blob allow-list is not acceptable as a whole (for example overlapping bases). */
    public static final String INVALID_EXTERNAL_BLOB_POLICY = "invalid_external_blob_policy";

    /** W: validate only: a graph admits no new external Blob references. */
    public static final String EXTERNAL_BLOB_INGRESS_DEFAULT_DENY = "external_blob_ingress_default_deny";

    /** E/W: no ledger: an error for apply, approve and refresh, a warning for status. */
    public static final String STATE_MISSING = "state_missing";

    /** E: import found an existing ledger. */
    public static final String STATE_ALREADY_EXISTS = "state_already_exists";

    /** E: the ledger could not be read. */
    public static final String STATE_READ_ERROR = "state_read_error";

    /** E: the ledger does not parse or has the wrong shape. */
    public static final String INVALID_STATE_JSON = "invalid_state_json";

    /** E: the ledger version is not 1. */
    public static final String UNSUPPORTED_STATE_VERSION = "unsupported_state_version";

    /** E: a graph observation carries different legacy and canonical manifest versions. */
    public static final String CONFLICTING_GRAPH_MANIFEST_OBSERVATION = "conflicting_graph_manifest_observation";

    /** E: the ledger changed while the command was running. */
    public static final String STATE_CAS_MISMATCH = "state_cas_mismatch";

    /** E: the ledger could not be written. */
    public static final String STATE_WRITE_ERROR = "state_write_error";

    /** E: another operation holds the state lock. */
    public static final String STATE_LOCK_HELD = "state_lock_held";

    /** E: the lock could not be written, encoded or removed. */
    public static final String STATE_LOCK_ERROR = "state_lock_error";

    /** W: state.lock is false. */
    public static final String STATE_LOCK_DISABLED = "state_lock_disabled";

    /** E: force-unlock found no lock. */
    public static final String STATE_LOCK_MISSING = "state_lock_missing";

    /** E: force-unlock was given another lock id. */
    public static final String STATE_LOCK_ID_MISMATCH = "state_lock_id_mismatch";

    /** E/W: the lock file does not parse (error for force-unlock, warning for status). */
    public static final String INVALID_STATE_LOCK = "invalid_state_lock";

    /** E/W: the lock file has another version (error for force-unlock, warning for status). */
    public static final String UNSUPPORTED_STATE_LOCK_VERSION = "unsupported_state_lock_version";

    /** E/W: the lock file could not be read (error for force-unlock, warning for status). */
    public static final String STATE_LOCK_READ_ERROR = "state_lock_read_error";

    /** E: an applied graph composite does not bind its own metadata. */
    public static final String EXTERNAL_BLOB_POLICY_DIGEST_MISMATCH = "external_blob_policy_digest_mismatch";

    /** E: approve named a change that needs no approval. */
    public static final String APPROVAL_NOT_REQUIRED = "approval_not_required";

    /** E: an approval artifact could not be written. */
    public static final String APPROVAL_WRITE_ERROR = "approval_write_error";

    /** W: an unconsumed approval's bound digests no longer match the plan. */
    public static final String APPROVAL_STALE = "approval_stale";

    /** W: the approvals directory could not be listed. */
    public static final String APPROVAL_READ_ERROR = "approval_read_error";

    /** W: an approval artifact does not parse. */
    public static final String INVALID_APPROVAL_ARTIFACT = "invalid_approval_artifact";

    /** W: an approval artifact has another schema version. */
    public static final String UNSUPPORTED_APPROVAL_VERSION = "unsupported_approval_version";

    /** E: an executable change lacks its approval. */
    public static final String APPLY_APPROVAL_INVARIANT_VIOLATION = "apply_approval_invariant_violation";

    /** W: a deferred change. */
    public static final String APPLY_UNSUPPORTED_CHANGE = "apply_unsupported_change";

    /** W: a blocked change. */
    public static final String APPLY_DEPENDENCY_BLOCKED = "apply_dependency_blocked";

    /** E: a graph could not be initialised. */
    public static final String GRAPH_CREATE_FAILED = "graph_create_failed";

    /** W: a graph create was skipped after an earlier failure in the run. */
    public static final String GRAPH_CREATE_SKIPPED = "graph_create_skipped";

    /** W: a schema apply was skipped after an earlier failure in the run. */
    public static final String SCHEMA_APPLY_SKIPPED = "schema_apply_skipped";

    /** W: a graph delete was skipped after an earlier failure in the run. */
    public static final String GRAPH_DELETE_SKIPPED = "graph_delete_skipped";

    /** E: a source file changed while apply was running. */
    public static final String RESOURCE_CONTENT_CHANGED = "resource_content_changed";

    /** E: a schema apply could not be opened, previewed or applied. */
    public static final String SCHEMA_APPLY_FAILED = "schema_apply_failed";

    /** W: plan could not preview a schema migration. */
    public static final String SCHEMA_PREVIEW_UNAVAILABLE = "schema_preview_unavailable";

    /** E: a graph delete met an in-flight export of its root. */
    public static final String GRAPH_DELETE_EXPORT_IN_PROGRESS = "graph_delete_export_in_progress";

    /** E: a graph root could not be removed. */
    public static final String GRAPH_DELETE_FAILED = "graph_delete_failed";

    /** E: a catalog payload could not be written. */
    public static final String RESOURCE_PAYLOAD_WRITE_ERROR = "resource_payload_write_error";

    /** E: a recovery sidecar could not be written. */
    public static final String RECOVERY_SIDECAR_WRITE_ERROR = "recovery_sidecar_write_error";

    /** W: the recoveries directory or a sidecar could not be read (an error at serve time). */
    public static final String RECOVERY_SIDECAR_READ_ERROR = "recovery_sidecar_read_error";

    /** W: a sidecar does not parse (an error at serve time). */
    public static final String INVALID_RECOVERY_SIDECAR = "invalid_recovery_sidecar";

    /** W: a sidecar has another schema version (an error at serve time). */
    public static final String UNSUPPORTED_RECOVERY_SIDECAR_VERSION = "unsupported_recovery_sidecar_version";

    /** W: the eager delete of a stale schema_apply sidecar failed. */
    public static final String RECOVERY_SIDECAR_CLEANUP_FAILED = "recovery_sidecar_cleanup_failed";

    /** W: a sidecar awaits the sweep, or the sweep kept it (rows 6 and x). */
    public static final String CLUSTER_RECOVERY_PENDING = "cluster_recovery_pending";

    /** W: the sweep rolled the ledger forward. */
    public static final String CLUSTER_RECOVERY_ROLLED_FORWARD = "cluster_recovery_rolled_forward";

    /** E: sweep row 5: a graph root exists but does not open. */
    public static final String GRAPH_CREATE_INCOMPLETE = "graph_create_incomplete";

    /** W: sweep row 8: a graph root survived its delete. */
    public static final String GRAPH_DELETE_INCOMPLETE = "graph_delete_incomplete";

    /** E: refresh or import could not open a graph. */
    public static final String GRAPH_OBSERVATION_ERROR = "graph_observation_error";

    /** W/E: a catalog payload is missing (warning for status and refresh, error at serve time). */
    public static final String CATALOG_PAYLOAD_MISSING = "catalog_payload_missing";

    /** W: a catalog payload's content does not hash to its digest. */
    public static final String CATALOG_PAYLOAD_MISMATCH = "catalog_payload_mismatch";

    /** E: serve time: a catalog payload's content does not hash to its digest. */
    public static final String CATALOG_PAYLOAD_DIGEST_MISMATCH = "catalog_payload_digest_mismatch";

    /** E: a catalog payload could not be read. */
    public static final String CATALOG_PAYLOAD_READ_ERROR = "catalog_payload_read_error";

    /** E: serve or maintenance: there is no ledger. */
    public static final String CLUSTER_STATE_MISSING = "cluster_state_missing";

    /** E: serve: a sidecar has a blank graph_id. */
    public static final String CLUSTER_RECOVERY_UNATTRIBUTED = "cluster_recovery_unattributed";

    /** E: serve: the applied revision has no graphs. */
    public static final String CLUSTER_EMPTY = "cluster_empty";

    /** E: serve: every graph is quarantined. */
    public static final String CLUSTER_NO_HEALTHY_GRAPHS = "cluster_no_healthy_graphs";

    /** E: serve: a policy has no applies_to. */
    public static final String POLICY_BINDINGS_MISSING = "policy_bindings_missing";

    /** E: serve: a provider has no recorded profile. */
    public static final String EMBEDDING_PROVIDER_PROFILE_MISSING = "embedding_provider_profile_missing";

    /** E: serve: a provider profile does not hash to its digest. */
    public static final String EMBEDDING_PROVIDER_DIGEST_MISMATCH = "embedding_provider_digest_mismatch";

    /** E: serve: a graph's bound provider is not applied. */
    public static final String EMBEDDING_PROVIDER_MISSING = "embedding_provider_missing";

    /** E: maintenance named a graph the ledger does not apply. */
    public static final String GRAPH_NOT_APPLIED = "graph_not_applied";

    /** E: a test armed a failpoint. */
    public static final String INJECTED_FAILPOINT = "injected_failpoint";

}
