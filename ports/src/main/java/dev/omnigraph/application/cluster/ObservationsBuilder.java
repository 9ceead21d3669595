package dev.omnigraph.application.cluster;

import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.StateLockFile;
import dev.omnigraph.ports.in.ManageClusterUseCase.StateObservations;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/** Collects a command's {@code state_observations} as it reads the ledger and the lock. Not thread-safe. */
final class ObservationsBuilder {

    private final String statePath;
    private final String lockPath;
    private boolean stateFound;
    private Optional<String> appliedConfigDigest = Optional.empty();
    private long stateRevision;
    private Optional<String> stateCas = Optional.empty();
    private long resourceCount;
    private boolean locked;
    private Optional<String> lockId = Optional.empty();
    private boolean lockAcquired;
    private Optional<String> acquiredLockId = Optional.empty();
    private Optional<String> lockOperation = Optional.empty();
    private Optional<String> lockCreatedAt = Optional.empty();
    private OptionalLong lockPid = OptionalLong.empty();
    private OptionalLong lockAgeSeconds = OptionalLong.empty();

    ObservationsBuilder(String statePath, String lockPath) {
        this.statePath = statePath;
        this.lockPath = lockPath;
    }

    /** The ledger as read or written, with the compare-and-swap token of its bytes. */
    void state(ClusterState state, String cas) {
        stateFound = true;
        appliedConfigDigest = state.appliedRevision().configDigest();
        stateRevision = state.stateRevision();
        stateCas = Optional.of(cas);
        resourceCount = state.resources().size();
    }

    /** A lock file was found (held by someone else, or unreadable when {@code holder} is null). */
    void lockObserved(StateLockFile holder, Instant now) {
        locked = true;
        if (holder == null) {
            return;
        }
        lockId = Optional.of(holder.lockId());
        lockOperation = Optional.of(holder.operation());
        lockCreatedAt = Optional.of(holder.createdAt());
        lockPid = OptionalLong.of(holder.pid());
        try {
            lockAgeSeconds = OptionalLong.of(Math.max(0, Duration.between(Instant.parse(holder.createdAt()), now).toSeconds()));
        } catch (DateTimeParseException unparsable) {
            lockAgeSeconds = OptionalLong.empty();
        }
    }

    /** This command took the lock (no existing lock was observed, so {@code locked} stays false). */
    void lockAcquired(StateLockFile own) {
        lockAcquired = true;
        acquiredLockId = Optional.of(own.lockId());
        lockOperation = Optional.of(own.operation());
        lockCreatedAt = Optional.of(own.createdAt());
        lockPid = OptionalLong.of(own.pid());
    }

    StateObservations build() {
        return new StateObservations(statePath, lockPath, stateFound, appliedConfigDigest, stateRevision, stateCas,
                resourceCount, locked, lockId, lockAcquired, acquiredLockId, lockOperation, lockCreatedAt, lockPid,
                lockAgeSeconds);
    }
}
