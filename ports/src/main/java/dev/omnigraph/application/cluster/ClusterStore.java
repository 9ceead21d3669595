package dev.omnigraph.application.cluster;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.Sha256;
import dev.omnigraph.domain.cluster.state.ApprovalArtifact;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.ClusterStateCodec;
import dev.omnigraph.domain.cluster.state.DocumentDecoding;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;
import dev.omnigraph.domain.cluster.state.StateDecoding;
import dev.omnigraph.domain.cluster.state.StateLockFile;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.MalformedJsonException;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectNotFoundException;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreException;
import dev.omnigraph.ports.out.PreconditionFailedException;
import dev.omnigraph.ports.out.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every byte the control plane keeps under a storage root, through one {@link ObjectStore}: the ledger
 * (read once with the hash of its exact bytes; written by compare-and-swap against a fresh versioned read),
 * the lock (create-only put; released only while it still carries our id), recovery sidecars, approval
 * artifacts, catalog payloads, and the derived graph roots under {@code graphs/}.
 */
final class ClusterStore {

    static final ObjectKey STATE = new ObjectKey(ClusterLayout.STATE_FILE);
    static final ObjectKey LOCK = new ObjectKey(ClusterLayout.LOCK_FILE);

    private final ObjectStore store;
    private final String root;
    private final JsonDecoder json;

    ClusterStore(ObjectStore store, String root, JsonDecoder json) {
        this.store = store;
        this.root = root;
        this.json = json;
    }

    String root() {
        return root;
    }

    String statePath() {
        return root + "/" + ClusterLayout.STATE_FILE;
    }

    String lockPath() {
        return root + "/" + ClusterLayout.LOCK_FILE;
    }

    String graphUri(String graphId) {
        return ClusterLayout.graphRoot(root, graphId);
    }

    // ---- ledger ----------------------------------------------------------------------------------

    /** What reading the ledger found. */
    sealed interface StateRead {
        record Missing() implements StateRead {
        }

        /** The decoded ledger and the compare-and-swap token of its exact bytes. */
        record Found(ClusterState state, String cas) implements StateRead {
        }

        record Refused(ClusterDiagnostic diagnostic) implements StateRead {
        }
    }

    StateRead readState() {
        Optional<StoredObject> object;
        try {
            object = store.find(STATE);
        } catch (ObjectStoreException failure) {
            return new StateRead.Refused(ClusterDiagnostic.error(ClusterCodes.STATE_READ_ERROR, ClusterLayout.STATE_FILE,
                    "could not read " + statePath() + ": " + failure.getMessage()));
        }
        if (object.isEmpty()) {
            return new StateRead.Missing();
        }
        byte[] bytes = object.get().bytes();
        Optional<String> text = SourceFiles.utf8(bytes);
        if (text.isEmpty()) {
            return new StateRead.Refused(ClusterDiagnostic.error(ClusterCodes.INVALID_STATE_JSON, ClusterLayout.STATE_FILE,
                    "could not parse state JSON: not valid UTF-8"));
        }
        JsonValue document;
        try {
            document = json.decode(ClusterLayout.STATE_FILE, text.get());
        } catch (MalformedJsonException malformed) {
            return new StateRead.Refused(ClusterDiagnostic.error(ClusterCodes.INVALID_STATE_JSON, ClusterLayout.STATE_FILE,
                    "could not parse state JSON: " + malformed.getMessage()));
        }
        StateDecoding decoding = ClusterStateCodec.decode(document);
        if (decoding instanceof StateDecoding.Rejected rejected) {
            return new StateRead.Refused(rejected.diagnostic());
        }
        return new StateRead.Found(((StateDecoding.Decoded) decoding).state(), cas(bytes));
    }

    /** The outcome of a ledger write. */
    sealed interface StateWrite {
        record Written(String cas) implements StateWrite {
        }

        record Failed(ClusterDiagnostic diagnostic) implements StateWrite {
        }
    }

    /**
     * Writes the ledger only if it is still the one read at the start ({@code expectedCas}, none when it
     * was missing): a fresh versioned read is compared by content hash, then the swap is conditioned on
     * that read's version token (create-only when absent), so a writer in between makes this one fail
     * with {@code state_cas_mismatch} instead of being overwritten.
     */
    StateWrite writeState(ClusterState next, Optional<String> expectedCas) {
        byte[] bytes = ClusterStateCodec.fileText(next).getBytes(StandardCharsets.UTF_8);
        try {
            Optional<StoredObject> fresh = store.find(STATE);
            Optional<String> freshCas = fresh.map(object -> cas(object.bytes()));
            if (!freshCas.equals(expectedCas)) {
                return new StateWrite.Failed(casMismatch());
            }
            if (fresh.isEmpty()) {
                store.putIfAbsent(STATE, bytes);
            } else {
                store.putIfMatch(STATE, bytes, fresh.get().version());
            }
            return new StateWrite.Written(cas(bytes));
        } catch (PreconditionFailedException | ObjectNotFoundException lost) {
            return new StateWrite.Failed(casMismatch());
        } catch (ObjectStoreException failure) {
            return new StateWrite.Failed(ClusterDiagnostic.error(ClusterCodes.STATE_WRITE_ERROR, ClusterLayout.STATE_FILE,
                    "could not write " + statePath() + ": " + failure.getMessage()));
        }
    }

    private static ClusterDiagnostic casMismatch() {
        return ClusterDiagnostic.error(ClusterCodes.STATE_CAS_MISMATCH, ClusterLayout.STATE_FILE,
                "state.json changed while the command was running; re-run the command against the latest state");
    }

    /** {@code sha256:<hex>} of exact bytes: the ledger's public compare-and-swap token. */
    static String cas(byte[] bytes) {
        return "sha256:" + Sha256.hex(bytes);
    }

    // ---- lock ------------------------------------------------------------------------------------

    /** The outcome of taking the lock. */
    sealed interface LockAttempt {
        record Acquired(StateLockFile lock) implements LockAttempt {
        }

        /** Someone holds it; {@code holder} is their lock when it could be read. */
        record Held(ClusterDiagnostic diagnostic, Optional<StateLockFile> holder) implements LockAttempt {
        }

        record Failed(ClusterDiagnostic diagnostic) implements LockAttempt {
        }
    }

    LockAttempt acquireLock(StateLockFile lock) {
        try {
            store.putIfAbsent(LOCK, lock.fileText().getBytes(StandardCharsets.UTF_8));
            return new LockAttempt.Acquired(lock);
        } catch (PreconditionFailedException held) {
            Optional<StateLockFile> holder = observeLock() instanceof LockObservation.Present present
                    && present.decoding() instanceof DocumentDecoding.Decoded<StateLockFile> decoded
                    ? Optional.of(decoded.value()) : Optional.empty();
            return new LockAttempt.Held(StateLockFile.held(holder.map(StateLockFile::lockId).orElse(null)), holder);
        } catch (ObjectStoreException failure) {
            return new LockAttempt.Failed(ClusterDiagnostic.error(ClusterCodes.STATE_LOCK_ERROR, ClusterLayout.LOCK_FILE,
                    "could not create the cluster state lock " + lockPath() + ": " + failure.getMessage()));
        }
    }

    /** Deletes the lock only if it still carries {@code own}'s id (a force-unlocked and re-taken lock stays). */
    Optional<ClusterDiagnostic> releaseLock(StateLockFile own) {
        try {
            LockObservation observed = observeLock();
            if (observed instanceof LockObservation.Present present
                    && present.decoding() instanceof DocumentDecoding.Decoded<StateLockFile> decoded
                    && decoded.value().ownedBy(own.lockId())) {
                store.delete(LOCK);
            }
            return Optional.empty();
        } catch (ObjectStoreException failure) {
            return Optional.of(ClusterDiagnostic.error(ClusterCodes.STATE_LOCK_ERROR, ClusterLayout.LOCK_FILE,
                    "could not remove the cluster state lock " + lockPath() + ": " + failure.getMessage()));
        }
    }

    /** What is at the lock's location. */
    sealed interface LockObservation {
        record Absent() implements LockObservation {
        }

        record Present(DocumentDecoding<StateLockFile> decoding) implements LockObservation {
        }

        record Unreadable(String error) implements LockObservation {
        }
    }

    LockObservation observeLock() {
        try {
            Optional<StoredObject> object = store.find(LOCK);
            if (object.isEmpty()) {
                return new LockObservation.Absent();
            }
            return new LockObservation.Present(decode(ClusterLayout.LOCK_FILE, object.get().bytes(), StateLockFile::decode));
        } catch (ObjectStoreException failure) {
            return new LockObservation.Unreadable(failure.getMessage());
        }
    }

    void deleteLock() {
        store.delete(LOCK);
    }

    // ---- sidecars and approvals ------------------------------------------------------------------

    /** One decoded control file and its key. */
    record Listed<T>(String location, T value) {
        Listed {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The decoded files of a folder, in key order, and warnings for the ones left in place. */
    record Listing<T>(List<Listed<T>> entries, List<ClusterDiagnostic> warnings) {
        Listing {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    Listing<RecoverySidecar> listSidecars() {
        return list(ClusterLayout.RECOVERIES_DIR, ClusterCodes.RECOVERY_SIDECAR_READ_ERROR, RecoverySidecar::decode,
                RecoverySidecar::listingWarning);
    }

    Listing<ApprovalArtifact> listApprovals() {
        return list(ClusterLayout.APPROVALS_DIR, ClusterCodes.APPROVAL_READ_ERROR, ApprovalArtifact::decode,
                ApprovalArtifact::listingWarning);
    }

    private interface WarningOf<T> {
        Optional<ClusterDiagnostic> of(String location, DocumentDecoding<T> decoding);
    }

    private <T> Listing<T> list(String folder, String readErrorCode, Function<JsonValue, DocumentDecoding<T>> decoder,
                                WarningOf<T> warning) {
        List<Listed<T>> entries = new ArrayList<>();
        List<ClusterDiagnostic> warnings = new ArrayList<>();
        List<ObjectKey> keys;
        try {
            keys = store.list(folder + "/");
        } catch (ObjectStoreException failure) {
            warnings.add(ClusterDiagnostic.warning(readErrorCode, folder, "could not list " + root + "/" + folder + ": "
                    + failure.getMessage()));
            return new Listing<>(entries, warnings);
        }
        for (ObjectKey key : keys) {
            if (!key.value().endsWith(".json") || key.value().indexOf('/', folder.length() + 1) >= 0) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = store.get(key).bytes();
            } catch (ObjectNotFoundException vanished) {
                continue;
            } catch (ObjectStoreException failure) {
                warnings.add(ClusterDiagnostic.warning(readErrorCode, key.value(), "could not read: " + failure.getMessage()));
                continue;
            }
            DocumentDecoding<T> decoding = decode(key.value(), bytes, decoder);
            Optional<ClusterDiagnostic> problem = warning.of(key.value(), decoding);
            if (problem.isPresent()) {
                warnings.add(problem.get());
            } else {
                entries.add(new Listed<>(key.value(), ((DocumentDecoding.Decoded<T>) decoding).value()));
            }
        }
        return new Listing<>(entries, warnings);
    }

    private <T> DocumentDecoding<T> decode(String location, byte[] bytes, Function<JsonValue, DocumentDecoding<T>> decoder) {
        Optional<String> text = SourceFiles.utf8(bytes);
        if (text.isEmpty()) {
            return new DocumentDecoding.Malformed<>("not valid UTF-8");
        }
        try {
            return decoder.apply(json.decode(location, text.get()));
        } catch (MalformedJsonException malformed) {
            return new DocumentDecoding.Malformed<>(malformed.reason() + " at line " + malformed.line() + " column "
                    + malformed.column());
        }
    }

    void writeSidecar(RecoverySidecar sidecar) {
        store.put(new ObjectKey(ClusterLayout.recoverySidecar(sidecar.operationId())),
                sidecar.fileText().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a new approval artifact (create-only: ids are fresh ULIDs). */
    void writeApproval(ApprovalArtifact artifact) {
        store.putIfAbsent(new ObjectKey(ClusterLayout.approvalArtifact(artifact.approvalId())),
                artifact.fileText().getBytes(StandardCharsets.UTF_8));
    }

    /** Rewrites a consumed approval artifact in place. */
    void rewriteApproval(String location, ApprovalArtifact artifact) {
        store.put(new ObjectKey(location), artifact.fileText().getBytes(StandardCharsets.UTF_8));
    }

    void delete(String key) {
        store.delete(new ObjectKey(key));
    }

    // ---- catalog ---------------------------------------------------------------------------------

    boolean exists(String key) {
        return store.exists(new ObjectKey(key));
    }

    Optional<byte[]> read(String key) {
        return store.find(new ObjectKey(key)).map(StoredObject::bytes);
    }

    void put(String key, byte[] bytes) {
        store.put(new ObjectKey(key), bytes);
    }

    // ---- graph roots -----------------------------------------------------------------------------

    static String graphPrefix(String graphId) {
        return ClusterLayout.GRAPHS_DIR + "/" + graphId + ".omni/";
    }

    /** Whether anything is stored under a graph's root (an emptied folder counts as absent). */
    boolean graphRootExists(String graphId) {
        return !store.list(graphPrefix(graphId)).isEmpty();
    }

    List<ObjectKey> graphRootKeys(String graphId) {
        return store.list(graphPrefix(graphId));
    }

    /** Deletes a graph's root folder and everything in it. */
    void deleteGraphRoot(String graphId) {
        store.deleteFolder(graphPrefix(graphId));
    }

    /** The live schema source of a graph ({@code _schema.pg}), when present. */
    Optional<byte[]> graphSchemaSource(String graphId) {
        return read(graphPrefix(graphId) + "_schema.pg");
    }
}
