package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.TestJson;
import dev.omnigraph.domain.lang.Severity;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: the lock, approval artifacts and recovery sidecars are read by other processes
 * (and by the reference implementation) and are strict, versioned wire formats; a malformed file
 * must be reported and left in place, never half-read.
 */
class ControlFilesTest {

    private static final String LOCK = """
            {
              "version": 1,
              "lock_id": "01LOCK",
              "operation": "apply",
              "created_at": "2026-08-06T00:00:00Z",
              "pid": 42
            }""";

    @Test
    void lockWireIsExactAndStrict() {
        DocumentDecoding<StateLockFile> decoded = StateLockFile.decode(TestJson.parse(LOCK));
        StateLockFile lock = ((DocumentDecoding.Decoded<StateLockFile>) decoded).value();
        assertEquals(StateLockFile.acquire("01LOCK", "apply", "2026-08-06T00:00:00Z", 42), lock);
        assertEquals(LOCK, lock.fileText());
        assertTrue(lock.ownedBy("01LOCK"));
        assertTrue(!lock.ownedBy("01OTHER"));

        DocumentDecoding<StateLockFile> future = StateLockFile.decode(TestJson.parse(LOCK.replace("\"version\": 1", "\"version\": 2")));
        assertEquals(new DocumentDecoding.UnsupportedVersion<StateLockFile>(2), future);
        assertEquals(ClusterDiagnostic.warning(ClusterCodes.UNSUPPORTED_STATE_LOCK_VERSION, "__cluster/lock.json",
                "unsupported cluster state lock version 2"), StateLockFile.problemDiagnostic(future, Severity.WARNING));

        DocumentDecoding<StateLockFile> extra = StateLockFile.decode(TestJson.parse(LOCK.replace("\"pid\": 42", "\"pid\": 42, \"extra\": true")));
        ClusterDiagnostic invalid = StateLockFile.problemDiagnostic(extra, Severity.ERROR);
        assertEquals(ClusterCodes.INVALID_STATE_LOCK, invalid.code());
        assertTrue(invalid.isError() && invalid.message().contains("unknown field `extra`"), invalid.message());
    }

    @Test
    void heldLockNamesTheForceUnlockCommand() {
        assertEquals(ClusterDiagnostic.error(ClusterCodes.STATE_LOCK_HELD, "__cluster/lock.json",
                "cluster state lock already exists (lock id 01L); run `omnigraph cluster force-unlock 01L` only after "
                        + "confirming no cluster operation is active"), StateLockFile.held("01L"));
        assertTrue(StateLockFile.heldMessage(null).startsWith("cluster state lock already exists; remove it"));
    }

    @Test
    void forceUnlockRemovesOnlyTheExactWellFormedLock() {
        DocumentDecoding<StateLockFile> present = StateLockFile.decode(TestJson.parse(LOCK));
        assertInstanceOf(ForceUnlock.Remove.class, ForceUnlock.decide(Optional.of(present), "01LOCK"));
        ForceUnlock.Refuse mismatch = (ForceUnlock.Refuse) ForceUnlock.decide(Optional.of(present), "01LOC");
        assertEquals(ClusterDiagnostic.error(ClusterCodes.STATE_LOCK_ID_MISMATCH, "__cluster/lock.json",
                "lock id mismatch: held lock is 01LOCK, refusing to remove (pass the exact id from `cluster status`)"),
                mismatch.diagnostic());
        assertTrue(mismatch.holder().isPresent());
        ForceUnlock.Refuse missing = (ForceUnlock.Refuse) ForceUnlock.decide(Optional.empty(), "01LOCK");
        assertEquals(ClusterCodes.STATE_LOCK_MISSING, missing.diagnostic().code());
        ForceUnlock.Refuse malformed = (ForceUnlock.Refuse) ForceUnlock.decide(
                Optional.of(StateLockFile.decode(TestJson.parse("{\"version\": 1}"))), "01LOCK");
        assertEquals(ClusterCodes.INVALID_STATE_LOCK, malformed.diagnostic().code());
        assertTrue(malformed.diagnostic().isError());
    }

    private static ApprovalArtifact approval() {
        return new ApprovalArtifact(1, "01APPROVAL", "graph.x", "delete",
                "delete may remove deployed graph or schema definition", "cfg", Optional.of("before"), Optional.empty(),
                "andrew", "2026-01-01T00:00:00Z", Optional.empty(), Optional.empty());
    }

    @Test
    void approvalArtifactRoundTripsWithExplicitNulls() {
        ApprovalArtifact artifact = approval();
        String text = artifact.fileText();
        assertTrue(text.endsWith("}\n"));
        assertTrue(text.contains("\"bound_after_digest\": null"));
        assertEquals(new DocumentDecoding.Decoded<>(artifact), ApprovalArtifact.decode(TestJson.parse(text)));
        ApprovalArtifact consumed = artifact.markConsumed("2026-01-02T00:00:00Z");
        assertTrue(consumed.isConsumed());
        assertEquals(Optional.empty(), consumed.consumedByOperation(), "the file rewrite sets consumed_at only");
    }

    @Test
    void badApprovalFilesAreWarnedAboutAndLeftInPlace() {
        String text = approval().fileText();
        DocumentDecoding<ApprovalArtifact> future = ApprovalArtifact.decode(TestJson.parse(
                text.replace("\"schema_version\": 1", "\"schema_version\": 3")));
        assertEquals(Optional.of(ClusterDiagnostic.warning(ClusterCodes.UNSUPPORTED_APPROVAL_VERSION, "loc",
                "unsupported schema version; leaving it in place")), ApprovalArtifact.listingWarning("loc", future));
        DocumentDecoding<ApprovalArtifact> extra = ApprovalArtifact.decode(TestJson.parse(
                text.replace("\"reason\":", "\"why\": 1, \"reason\":")));
        ClusterDiagnostic warning = ApprovalArtifact.listingWarning("loc", extra).orElseThrow();
        assertEquals(ClusterCodes.INVALID_APPROVAL_ARTIFACT, warning.code());
        assertTrue(warning.message().startsWith("could not parse (unknown field `why`"), warning.message());
        assertEquals(Optional.empty(), ApprovalArtifact.listingWarning("loc", ApprovalArtifact.decode(TestJson.parse(text))));
    }

    @Test
    void sidecarsRoundTripAndOnlyCreateAndSchemaApplyAreRewritten() {
        RecoverySidecar create = RecoverySidecar.graphCreate("01OP", "t0", Optional.of("andrew"), "k", "/r/graphs/k.omni",
                "sd", Optional.of("sha256:abc"));
        RecoverySidecar pinned = create.withExpectedManifestVersion(3);
        assertEquals(OptionalLong.of(3), pinned.expectedManifestVersion());
        assertEquals(new DocumentDecoding.Decoded<>(pinned), RecoverySidecar.decode(TestJson.parse(pinned.fileText())));
        RecoverySidecar delete = RecoverySidecar.graphDelete("01DEL", "t0", Optional.empty(), "k", "/r/graphs/k.omni",
                OptionalLong.of(9), Optional.empty(), Optional.of("01APPROVAL"));
        assertEquals("", delete.desiredSchemaDigest());
        assertTrue(delete.fileText().contains("\"expected_manifest_version\": null"));
        assertEquals(new DocumentDecoding.Decoded<>(delete), RecoverySidecar.decode(TestJson.parse(delete.fileText())));
        try {
            delete.withExpectedManifestVersion(1);
            throw new AssertionError("a delete sidecar must not be rewritten");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("never rewritten"));
        }
    }

    @Test
    void badSidecarsAreWarnedAboutAndPendingOnesReported() {
        String text = RecoverySidecar.schemaApply("01OP", "t0", Optional.empty(), "k", "u", OptionalLong.of(1), "sd",
                Optional.empty()).fileText();
        assertEquals(ClusterCodes.UNSUPPORTED_RECOVERY_SIDECAR_VERSION, RecoverySidecar.listingWarning("l",
                RecoverySidecar.decode(TestJson.parse(text.replace("\"schema_version\": 1", "\"schema_version\": 2"))))
                .orElseThrow().code());
        assertEquals(ClusterCodes.INVALID_RECOVERY_SIDECAR, RecoverySidecar.listingWarning("l",
                RecoverySidecar.decode(TestJson.parse(text.replace("\"schema_apply\"", "\"schema_drop\""))))
                .orElseThrow().code());
        ClusterDiagnostic pending = RecoverySidecar.pendingWarning("/r/__cluster/recoveries/01OP.json");
        assertEquals(ClusterCodes.CLUSTER_RECOVERY_PENDING, pending.code());
        assertTrue(!pending.isError());
    }
}
