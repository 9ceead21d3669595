package dev.omnigraph.domain.cluster;

import java.util.Optional;

/**
 * Where the control plane keeps things, relative to the storage root (same layout as the
 * reference, so a root written by either implementation reads in the other). Roots and locations
 * are plain strings: a local directory or an {@code s3://bucket/prefix} URI without trailing slash.
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

    /** Only {@code s3://} roots are object storage; anything else is a local path. */
    public static boolean isObjectStoreRoot(String storageRoot) {
        return storageRoot.startsWith("s3://");
    }
}
