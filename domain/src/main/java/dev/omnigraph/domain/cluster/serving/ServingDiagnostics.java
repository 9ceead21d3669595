package dev.omnigraph.domain.cluster.serving;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.ResourceAddress;

/**
 * The serve-time findings with the reference's codes, paths and messages (the operator acts on the
 * message, so its remedy is part of the contract). All are errors except the quarantine warning.
 */
public final class ServingDiagnostics {

    private ServingDiagnostics() {
    }

    /** Serving cannot bound what an unreadable, unparseable or other-version sidecar fenced. */
    public static ClusterDiagnostic promoted(ClusterDiagnostic sidecarListingProblem) {
        return ClusterDiagnostic.error(sidecarListingProblem.code(), sidecarListingProblem.path(),
                sidecarListingProblem.message());
    }

    public static ClusterDiagnostic recoveryUnattributed(String sidecarLocation) {
        return ClusterDiagnostic.error(ClusterCodes.CLUSTER_RECOVERY_UNATTRIBUTED, sidecarLocation,
                "recovery sidecar has no graph id; run a state-mutating cluster command to sweep it before serving");
    }

    public static ClusterDiagnostic recoveryPending(String graphId, String operationId) {
        return ClusterDiagnostic.warning(ClusterCodes.CLUSTER_RECOVERY_PENDING, ResourceAddress.graph(graphId),
                "graph `" + graphId + "` is quarantined because interrupted operation `" + operationId
                        + "` awaits recovery; run any state-mutating cluster command (e.g. `cluster apply`) to sweep");
    }

    public static ClusterDiagnostic stateMissing() {
        return ClusterDiagnostic.error(ClusterCodes.CLUSTER_STATE_MISSING, ClusterLayout.STATE_FILE,
                "no cluster state ledger; run `cluster import` and `cluster apply` first");
    }

    public static ClusterDiagnostic providerProfileMissing(String providerAddress) {
        return ClusterDiagnostic.error(ClusterCodes.EMBEDDING_PROVIDER_PROFILE_MISSING, providerAddress,
                "no applied embedding provider profile recorded; re-run `cluster apply` to backfill");
    }

    public static ClusterDiagnostic providerDigestMismatch(String providerAddress, String actualDigest) {
        return ClusterDiagnostic.error(ClusterCodes.EMBEDDING_PROVIDER_DIGEST_MISMATCH, providerAddress,
                "applied embedding provider profile does not match its recorded digest (actual sha256:" + actualDigest
                        + "); run `cluster refresh` then `cluster apply`, and restart");
    }

    public static ClusterDiagnostic providerMissing(String graphAddress, String providerAddress) {
        return ClusterDiagnostic.error(ClusterCodes.EMBEDDING_PROVIDER_MISSING, graphAddress,
                "graph references `" + providerAddress + "`, but no applied embedding provider profile is available; "
                        + "re-run `cluster apply`");
    }

    public static ClusterDiagnostic providerWrongKind(String graphAddress, String providerAddress) {
        return ClusterDiagnostic.error(ClusterCodes.WRONG_KIND_REFERENCE, graphAddress,
                "graph embedding_provider expects `provider.embedding.<name>`, got `" + providerAddress + "`");
    }

    public static ClusterDiagnostic graphCompositeMismatch(String graphAddress) {
        return ClusterDiagnostic.error(ClusterCodes.EXTERNAL_BLOB_POLICY_DIGEST_MISMATCH, graphAddress,
                "the applied graph resource metadata is not bound by its composite digest; restore the cluster "
                        + "state ledger from a trusted copy before retrying");
    }

    public static ClusterDiagnostic policyBindingsMissing(String policyAddress) {
        return ClusterDiagnostic.error(ClusterCodes.POLICY_BINDINGS_MISSING, policyAddress,
                "no applied applies_to bindings recorded (ledger predates binding metadata); re-run `cluster apply` "
                        + "to backfill");
    }

    public static ClusterDiagnostic payloadUnreadable(String address, String displayedLocation, String reason) {
        return ClusterDiagnostic.error(ClusterCodes.CATALOG_PAYLOAD_MISSING, address,
                "catalog blob '" + displayedLocation + "' unreadable (" + reason + "); run `cluster refresh` then "
                        + "`cluster apply`, and restart");
    }

    public static ClusterDiagnostic payloadDigestMismatch(String address, String displayedLocation) {
        return ClusterDiagnostic.error(ClusterCodes.CATALOG_PAYLOAD_DIGEST_MISMATCH, address,
                "catalog blob '" + displayedLocation + "' does not match its recorded digest; run `cluster refresh` "
                        + "then `cluster apply`, and restart");
    }

    public static ClusterDiagnostic noHealthyGraphs() {
        return ClusterDiagnostic.error(ClusterCodes.CLUSTER_NO_HEALTHY_GRAPHS, ClusterLayout.RECOVERIES_DIR,
                "all applied graphs are quarantined by startup safety checks; resolve the graph-specific "
                        + "diagnostics, then retry");
    }

    public static ClusterDiagnostic empty() {
        return ClusterDiagnostic.error(ClusterCodes.CLUSTER_EMPTY, ClusterLayout.STATE_FILE,
                "the applied revision records no graphs; apply a cluster with at least one graph before serving "
                        + "from it");
    }
}
