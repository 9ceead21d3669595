package dev.omnigraph.domain.cluster;

import java.util.Optional;

/**
 * Where the control plane keeps things, relative to the storage root (same layout as the
 * reference, so a root written by either implementation reads in the other). Roots and locations
 * are plain strings: a local directory or an {@code s3://bucket/prefix} or {@code az://container/prefix} URI
 * without trailing slash.
 */
public final class ClusterLayout {

    public static final String CONFIG_FILE = "cluster.yaml";
    public static final String STATE_DIR = "__cluster";
    public static final String STATE_FILE = "__cluster/state.json";
    public static final String LOCK_FILE = "__cluster/lock.json";
    public static final String RESOURCES_DIR = "__cluster/resources";
    public static final String RECOVERIES_DIR = "__cluster/recoveries";
    public static final String APPROVALS_DIR = "__cluster/approvals";
    public static final String GRAPHS_DIR = "graphs";

    private ClusterLayout() {
    }

    /** {@code <root>/graphs/<id>.omni}. */
    public static String graphRoot(String storageRoot, String graphId) {
        return storageRoot + "/" + GRAPHS_DIR + "/" + graphId + ".omni";
    }

    /**
     * The storage root a graph root of the cluster layout ({@code <root>/graphs/<id>.omni}, trailing
     * slashes ignored) would belong to; empty for any other shape. Pure text: whether {@code <root>} is a
     * cluster (holds {@link #STATE_FILE}) is for the caller to check. Used to refuse {@code init} and
     * {@code schema apply} into a cluster-managed graph, which only {@code cluster apply} may create or
     * migrate (it records the ledger, recovery and approvals).
     */
    public static Optional<String> storageRootOfGraphRoot(String graphUri) {
        String trimmed = graphUri;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.endsWith(".omni")) {
            return Optional.empty();
        }
        String rest = trimmed.substring(0, trimmed.length() - ".omni".length());
        int split = rest.lastIndexOf("/" + GRAPHS_DIR + "/");
        if (split <= 0) {
            return Optional.empty();
        }
        String graphId = rest.substring(split + GRAPHS_DIR.length() + 2);
        if (graphId.isEmpty() || graphId.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(rest.substring(0, split));
    }

    public static String recoverySidecar(String operationId) {
        return RECOVERIES_DIR + "/" + operationId + ".json";
    }

    public static String approvalArtifact(String approvalId) {
        return APPROVALS_DIR + "/" + approvalId + ".json";
    }

    /**
     * The content-addressed catalog object of a query ({@code resources/query/<graph>/<name>/<digest>.gq})
     * or policy ({@code resources/policy/<name>/<digest>.yaml}); other kinds have no payload.
     */
    public static Optional<String> catalogPayload(String address, String digest) {
        ResourceAddress parsed = ResourceAddress.parse(address);
        if (parsed instanceof ResourceAddress.Query query) {
            return Optional.of(RESOURCES_DIR + "/query/" + query.graphId() + "/" + query.name() + "/" + digest + ".gq");
        }
        if (parsed instanceof ResourceAddress.Policy policy) {
            return Optional.of(RESOURCES_DIR + "/policy/" + policy.name() + "/" + digest + ".yaml");
        }
        return Optional.empty();
    }

    public static boolean hasCatalogPayload(String address) {
        return catalogPayload(address, "").isPresent();
    }

    /**
     * The declared {@code storage:} normalised as the reference does: trimmed, trailing slashes
     * stripped; blank means "the config directory itself" (empty).
     */
    public static Optional<String> normalizeStorageRoot(String declared) {
        String trimmed = declared.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        return Optional.of(trimmed.substring(0, end));
    }

    /** {@code s3://} and {@code az://} roots are object storage; anything else is a local path. */
    public static boolean isObjectStoreRoot(String storageRoot) {
        return storageRoot.startsWith("s3://") || storageRoot.startsWith("az://");
    }
}
