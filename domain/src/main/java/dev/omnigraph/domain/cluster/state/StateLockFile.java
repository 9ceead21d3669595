package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.StrictDocumentReader;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.lang.Severity;

import java.util.List;
import java.util.Objects;

/**
 * {@code __cluster/lock.json}: exactly {@code {version: 1, lock_id, operation, created_at, pid}}.
 * Acquisition is an atomic create-only put of {@link #fileText()} (the adapter's job); whoever
 * created the file owns the lock until it deletes it, and only when the file still carries its
 * own {@code lock_id}. No TTL, liveness check or automatic unlock exists.
 */
public record StateLockFile(long version, String lockId, String operation, String createdAt, long pid) {

    public static final long VERSION = 1;

    /** Operations that take the lock. */
    public static final List<String> OPERATIONS = List.of("plan", "apply", "approve", "refresh", "import");

    static final List<String> FIELDS = List.of("version", "lock_id", "operation", "created_at", "pid");

    public StateLockFile {
        Objects.requireNonNull(lockId, "lockId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A fresh version-1 lock; id, time and pid come from the caller. */
    public static StateLockFile acquire(String lockId, String operation, String createdAt, long pid) {
        return new StateLockFile(VERSION, lockId, operation, createdAt, pid);
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("version", version).put("lock_id", lockId).put("operation", operation)
                .put("created_at", createdAt).put("pid", pid).build();
    }

    /** Pretty JSON without a trailing newline, as the reference writes the lock. */
    public String fileText() {
        return JsonWriter.pretty(toJson());
    }

    /** True when the holder may delete the file it finds: it still carries {@code ownLockId}. */
    public boolean ownedBy(String ownLockId) {
        return lockId.equals(ownLockId);
    }

    public static DocumentDecoding<StateLockFile> decode(JsonValue document) {
        StrictDocumentReader reader = new StrictDocumentReader();
        JsonObject lock = reader.struct(document, "", "StateLockFile", FIELDS, false);
        if (lock == null) {
            return new DocumentDecoding.Malformed<>(reader.problems().get(0));
        }
        JsonValue versionValue = reader.required(lock, "version", "");
        Long version = versionValue == null ? null : reader.u32(versionValue, "version");
        String lockId = reader.requiredString(lock, "lock_id", "");
        String operation = reader.requiredString(lock, "operation", "");
        String createdAt = reader.requiredString(lock, "created_at", "");
        JsonValue pidValue = reader.required(lock, "pid", "");
        Long pid = pidValue == null ? null : reader.u32(pidValue, "pid");
        if (!reader.clean()) {
            return new DocumentDecoding.Malformed<>(reader.problems().get(0));
        }
        if (version != VERSION) {
            return new DocumentDecoding.UnsupportedVersion<>(version);
        }
        return new DocumentDecoding.Decoded<>(new StateLockFile(version, lockId, operation, createdAt, pid));
    }

    /**
     * The diagnostic for a lock file that did not decode: an error for {@code force-unlock}, a
     * warning for {@code status}. {@code null} for a decoded lock.
     */
    public static ClusterDiagnostic problemDiagnostic(DocumentDecoding<StateLockFile> decoding, Severity severity) {
        if (decoding instanceof DocumentDecoding.UnsupportedVersion<StateLockFile> unsupported) {
            return new ClusterDiagnostic(ClusterCodes.UNSUPPORTED_STATE_LOCK_VERSION, severity, ClusterLayout.LOCK_FILE,
                    "unsupported cluster state lock version " + unsupported.version());
        }
        if (decoding instanceof DocumentDecoding.Malformed<StateLockFile> malformed) {
            return new ClusterDiagnostic(ClusterCodes.INVALID_STATE_LOCK, severity, ClusterLayout.LOCK_FILE,
                    "could not parse state lock: " + malformed.problem());
        }
        return null;
    }

    /** The {@code state_lock_held} message, naming the holder's id when it could be read. */
    public static String heldMessage(String holderLockId) {
        if (holderLockId == null) {
            return "cluster state lock already exists; remove it only after confirming no cluster operation is active";
        }
        return "cluster state lock already exists (lock id " + holderLockId + "); run `omnigraph cluster force-unlock "
                + holderLockId + "` only after confirming no cluster operation is active";
    }

    public static ClusterDiagnostic held(String holderLockId) {
        return ClusterDiagnostic.error(ClusterCodes.STATE_LOCK_HELD, ClusterLayout.LOCK_FILE, heldMessage(holderLockId));
    }
}
