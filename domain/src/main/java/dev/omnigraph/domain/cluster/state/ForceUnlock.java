package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.lang.Severity;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether {@code cluster force-unlock <id>} may delete the lock file: only an existing, version-1,
 * well-formed lock whose {@code lock_id} equals the argument exactly. Every refusal leaves the file
 * untouched.
 */
public sealed interface ForceUnlock {

    record Remove(StateLockFile lock) implements ForceUnlock {
        public Remove {
            Objects.requireNonNull(lock, "lock");
        }
    }

    /** Refused; {@code holder} is the lock that was read, when it decoded (its metadata is still reported). */
    record Refuse(ClusterDiagnostic diagnostic, Optional<StateLockFile> holder) implements ForceUnlock {
        public Refuse {
            Objects.requireNonNull(diagnostic, "diagnostic");
            Objects.requireNonNull(holder, "holder");
        }
    }

    /** @param present the decoded lock file, or empty when no lock file exists */
    static ForceUnlock decide(Optional<DocumentDecoding<StateLockFile>> present, String requestedLockId) {
        if (present.isEmpty()) {
            return new Refuse(ClusterDiagnostic.error(ClusterCodes.STATE_LOCK_MISSING, ClusterLayout.LOCK_FILE,
                    "no cluster state lock is present"), Optional.empty());
        }
        if (!(present.get() instanceof DocumentDecoding.Decoded<StateLockFile> decoded)) {
            return new Refuse(StateLockFile.problemDiagnostic(present.get(), Severity.ERROR), Optional.empty());
        }
        StateLockFile lock = decoded.value();
        if (!lock.lockId().equals(requestedLockId)) {
            return new Refuse(ClusterDiagnostic.error(ClusterCodes.STATE_LOCK_ID_MISMATCH, ClusterLayout.LOCK_FILE,
                    "lock id mismatch: held lock is " + lock.lockId()
                            + ", refusing to remove (pass the exact id from `cluster status`)"), Optional.of(lock));
        }
        return new Remove(lock);
    }
}
