package dev.omnigraph.ports.in;

import dev.omnigraph.domain.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The cluster control plane (behavioural notes §2): a directory holding {@code cluster.yaml} and the
 * schema, query and policy files it names is the desired state; a storage root (the config directory, or
 * {@code storage:}) holds the ledger {@code __cluster/state.json}, its lock, the content-addressed catalog,
 * recovery sidecars, approval artifacts and the derived graph roots {@code graphs/<id>.omni}.
 *
 * <p>Every operation reports findings as diagnostics with the reference's stable codes instead of
 * throwing: a result is {@code ok} iff none of its diagnostics is an error, and the command line exits 1
 * exactly then. Operations that write ({@code apply}, {@code refresh}, {@code import}, {@code approve})
 * and {@code plan} run under the state lock unless {@code state.lock: false}; {@code status} and
 * {@code force-unlock} never take it. Thread-safety: one operation per storage root at a time is what the
 * lock guarantees across processes; the service itself keeps no state between calls.
 */
public interface ManageClusterUseCase {

    /** Parses and validates the config and every referenced file; touches no state, lock or graph. */
    ValidateClusterResult validate(ValidateClusterCommand command);

    /** Diffs the desired revision against the ledger under the lock; never writes state. */
    PlanClusterResult plan(PlanClusterCommand command);

    /**
     * Converges storage to the desired revision: recovery sweep, graph creates, schema migrations, catalog
     * payloads, approved deletes, then one compare-and-swap ledger write (none for a converged re-apply).
     */
    ApplyClusterResult apply(ApplyClusterCommand command);

    /** The ledger, lock and catalog as they are, read-only and without the lock. */
    ClusterStatusResult status(ClusterStatusQuery query);

    /**
     * {@code refresh} (re-observe every declared graph and the catalog; always writes the next revision) or
     * {@code import} (build the first ledger from what storage holds; writes revision 1 or nothing).
     */
    SyncClusterStateResult syncState(SyncClusterStateCommand command);

    /** Writes a digest-bound approval artifact for one gated change of the current plan. */
    ApproveClusterChangeResult approve(ApproveClusterChangeCommand command);

    /** Removes the state lock, only when it exists, parses and carries exactly the given id. */
    ForceUnlockClusterResult forceUnlock(ForceUnlockClusterCommand command);

    /**
     * The storage root of the cluster that manages the graph at {@code graphUri}: the URI has the cluster
     * layout's shape ({@code <root>/graphs/<id>.omni}) and {@code <root>} holds a ledger. Empty for any other
     * graph (answered without I/O when the shape does not fit) and when the root cannot be read. Such a graph
     * is created and migrated only by {@code cluster apply}, which records the ledger, recovery and approvals;
     * the command line refuses {@code init} and {@code schema apply} into it.
     */
    Optional<String> clusterManaging(String graphUri);

    /**
     * What a command observed about the ledger and the lock ({@code state_observations}). Paths are plain
     * local paths for local roots and URIs for object stores.
     *
     * @param locked an existing lock was observed (held by someone else, or by this command)
     * @param lockAcquired this command took the lock ({@code acquiredLockId} is its id)
     * @param lockId, lockOperation, lockCreatedAt, lockPid, lockAgeSeconds the observed holder's metadata
     */
    record StateObservations(String statePath, String lockPath, boolean stateFound, Optional<String> appliedConfigDigest,
                             long stateRevision, Optional<String> stateCas, long resourceCount, boolean locked,
                             Optional<String> lockId, boolean lockAcquired, Optional<String> acquiredLockId,
                             Optional<String> lockOperation, Optional<String> lockCreatedAt, OptionalLong lockPid,
                             OptionalLong lockAgeSeconds) {

        public StateObservations {
            Objects.requireNonNull(statePath, "statePath");
            Objects.requireNonNull(lockPath, "lockPath");
            Objects.requireNonNull(appliedConfigDigest, "appliedConfigDigest");
            Objects.requireNonNull(stateCas, "stateCas");
            Objects.requireNonNull(lockId, "lockId");
            Objects.requireNonNull(acquiredLockId, "acquiredLockId");
            Objects.requireNonNull(lockOperation, "lockOperation");
            Objects.requireNonNull(lockCreatedAt, "lockCreatedAt");
            Objects.requireNonNull(lockPid, "lockPid");
            Objects.requireNonNull(lockAgeSeconds, "lockAgeSeconds");
        }

        /** Nothing observed yet (the command stopped before reading storage). */
        public static StateObservations none(String statePath, String lockPath) {
            return new StateObservations(statePath, lockPath, false, Optional.empty(), 0, Optional.empty(), 0, false,
                    Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                    OptionalLong.empty());
        }

        /** The reference's shape; absent options are omitted. */
        public JsonObject toJson() {
            JsonObject.Builder json = JsonObject.builder()
                    .put("state_path", statePath)
                    .put("lock_path", lockPath)
                    .put("state_found", stateFound);
            appliedConfigDigest.ifPresent(value -> json.put("applied_config_digest", value));
            json.put("state_revision", stateRevision);
            stateCas.ifPresent(value -> json.put("state_cas", value));
            json.put("resource_count", resourceCount).put("locked", locked);
            lockId.ifPresent(value -> json.put("lock_id", value));
            json.put("lock_acquired", lockAcquired);
            acquiredLockId.ifPresent(value -> json.put("acquired_lock_id", value));
            lockOperation.ifPresent(value -> json.put("lock_operation", value));
            lockCreatedAt.ifPresent(value -> json.put("lock_created_at", value));
            lockPid.ifPresent(value -> json.put("lock_pid", value));
            lockAgeSeconds.ifPresent(value -> json.put("lock_age_seconds", value));
            return json.build();
        }
    }
}
