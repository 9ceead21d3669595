package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.AddressMaps;
import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.cluster.ResourceDigests;
import dev.omnigraph.domain.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state ledger ({@code __cluster/state.json}, version 1): the applied revision, resource
 * statuses, approval and recovery audit records, and observations. Immutable; every decision
 * that changes the ledger returns a new value, usually built through {@link #edit()}.
 *
 * <p>The graph composite of an applied graph must be recomputable from the ledger's own parts
 * ({@code schema.<id>}, {@code query.<id>.*}, the bound provider's digest and the recorded
 * external Blob policy, absent meaning Deny): {@link #integrityDiagnostics()} is that authority
 * check, run before any sweep or refresh trusts embedded metadata and before serving.
 */
public record ClusterState(long version,
                           long stateRevision,
                           AppliedRevision appliedRevision,
                           Map<String, ResourceStatus> resourceStatuses,
                           Map<String, ApprovalRecord> approvalRecords,
                           Map<String, RecoveryRecord> recoveryRecords,
                           Map<String, JsonValue> observations) {

    public static final long VERSION = 1;

    public ClusterState {
        Objects.requireNonNull(appliedRevision, "appliedRevision");
        resourceStatuses = AddressMaps.copyOf(resourceStatuses);
        approvalRecords = AddressMaps.copyOf(approvalRecords);
        recoveryRecords = AddressMaps.copyOf(recoveryRecords);
        observations = AddressMaps.copyOf(observations);
    }

    /**
     * The ledger {@code cluster import} starts from: version 1, no resources, the desired config
     * digest recorded as applied (import then sets revision 1 when it writes).
     */
    public static ClusterState initialImport(String desiredConfigDigest) {
        return new ClusterState(VERSION, 0, new AppliedRevision(Optional.of(desiredConfigDigest), AddressMaps.empty()),
                AddressMaps.empty(), AddressMaps.empty(), AddressMaps.empty(), AddressMaps.empty());
    }

    public Map<String, StateResource> resources() {
        return appliedRevision.resources();
    }

    public Optional<StateResource> resource(String address) {
        return Optional.ofNullable(resources().get(address));
    }

    /** The ids of the graphs of the applied revision ({@code graph.<id>} resources), sorted. */
    public List<String> appliedGraphIds() {
        return resources().keySet().stream()
                .filter(address -> address.startsWith(GRAPH_ADDRESS_PREFIX))
                .map(address -> address.substring(GRAPH_ADDRESS_PREFIX.length()))
                .sorted()
                .toList();
    }

    private static final String GRAPH_ADDRESS_PREFIX = "graph.";

    /** Address → digest of every applied resource: the "prior" side of a plan diff. */
    public Map<String, String> resourceDigests() {
        TreeMap<String, String> digests = new TreeMap<>();
        resources().forEach((address, resource) -> digests.put(address, resource.digest()));
        return AddressMaps.copyOf(digests);
    }

    /** Name → digest of the applied queries of {@code graphId}. */
    public Map<String, String> queryDigests(String graphId) {
        String prefix = ResourceAddress.queryPrefix(graphId);
        TreeMap<String, String> digests = new TreeMap<>();
        resources().forEach((address, resource) -> {
            if (address.startsWith(prefix)) {
                digests.put(address.substring(prefix.length()), resource.digest());
            }
        });
        return AddressMaps.copyOf(digests);
    }

    public Optional<String> graphEmbeddingProvider(String graphId) {
        return resource(ResourceAddress.graph(graphId)).flatMap(StateResource::embeddingProvider);
    }

    /** The recorded external Blob policy of a graph; absent (and no graph) mean Deny. */
    public ExternalBlobPolicy graphExternalBlobPolicy(String graphId) {
        return resource(ResourceAddress.graph(graphId)).flatMap(StateResource::externalBlobPolicy)
                .orElse(ExternalBlobPolicy.DENY);
    }

    public Optional<String> schemaDigest(String graphId) {
        return resource(ResourceAddress.schema(graphId)).map(StateResource::digest);
    }

    /**
     * The composite a graph would have from this ledger's parts with the given schema digest,
     * provider binding and external Blob policy.
     */
    public String graphComposite(String graphId, Optional<String> schemaDigest, Optional<String> providerAddress,
                                 ExternalBlobPolicy externalBlobPolicy) {
        Optional<String> providerDigest = providerAddress.flatMap(this::resource).map(StateResource::digest);
        return ResourceDigests.graphComposite(graphId, schemaDigest, queryDigests(graphId), providerAddress,
                providerDigest, externalBlobPolicy);
    }

    /** One {@code external_blob_policy_digest_mismatch} error per applied graph whose composite does not recompute. */
    public List<ClusterDiagnostic> integrityDiagnostics() {
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        resources().forEach((address, resource) -> {
            if (ResourceAddress.parse(address) instanceof ResourceAddress.Graph graph) {
                String expected = graphComposite(graph.graphId(), schemaDigest(graph.graphId()),
                        resource.embeddingProvider(), resource.externalBlobPolicy().orElse(ExternalBlobPolicy.DENY));
                if (!expected.equals(resource.digest())) {
                    diagnostics.add(ClusterDiagnostic.error(ClusterCodes.EXTERNAL_BLOB_POLICY_DIGEST_MISMATCH, address,
                            "the applied graph resource metadata is not bound by its composite digest; restore the "
                                    + "cluster state ledger from a trusted copy before retrying"));
                }
            }
        });
        return diagnostics;
    }

    public ClusterState withStateRevision(long revision) {
        return new ClusterState(version, revision, appliedRevision, resourceStatuses, approvalRecords, recoveryRecords,
                observations);
    }

    public Editor edit() {
        return new Editor(this);
    }

    /**
     * A scratch copy for building the next ledger inside one decision; {@link #build()} returns
     * the immutable result. Not shared, not thread-safe.
     */
    public static final class Editor {
        private final long version;
        private long stateRevision;
        private Optional<String> configDigest;
        private final TreeMap<String, StateResource> resources;
        private final TreeMap<String, ResourceStatus> statuses;
        private final TreeMap<String, ApprovalRecord> approvals;
        private final TreeMap<String, RecoveryRecord> recoveries;
        private final TreeMap<String, JsonValue> observations;

        private Editor(ClusterState state) {
            version = state.version();
            stateRevision = state.stateRevision();
            configDigest = state.appliedRevision().configDigest();
            resources = AddressMaps.mutable(state.resources());
            statuses = AddressMaps.mutable(state.resourceStatuses());
            approvals = AddressMaps.mutable(state.approvalRecords());
            recoveries = AddressMaps.mutable(state.recoveryRecords());
            observations = AddressMaps.mutable(state.observations());
        }

        /** The ledger as edited so far (for reads in the middle of a multi-step decision). */
        public ClusterState snapshot() {
            return build();
        }

        public Editor stateRevision(long revision) {
            stateRevision = revision;
            return this;
        }

        public Editor configDigest(Optional<String> digest) {
            configDigest = Objects.requireNonNull(digest, "digest");
            return this;
        }

        public Editor putResource(String address, StateResource resource) {
            resources.put(address, resource);
            return this;
        }

        public Editor removeResource(String address) {
            resources.remove(address);
            return this;
        }

        public Editor status(String address, ResourceStatus status) {
            statuses.put(address, status);
            return this;
        }

        public Editor removeStatus(String address) {
            statuses.remove(address);
            return this;
        }

        public Editor observation(String address, JsonValue observation) {
            observations.put(address, observation);
            return this;
        }

        public Editor approvalRecord(String approvalId, ApprovalRecord record) {
            approvals.put(approvalId, record);
            return this;
        }

        public Editor recoveryRecord(String operationId, RecoveryRecord record) {
            recoveries.put(operationId, record);
            return this;
        }

        /**
         * Records {@code schema.<id>} at {@code schemaDigest} and recomputes {@code graph.<id>} from
         * the ledger's own parts (provider binding and external Blob policy as recorded), keeping
         * the graph's metadata; both statuses become {@code applied}. The roll-forward of sweep
         * rows 3 and 4.
         */
        public Editor rollGraphForward(String graphId, String schemaDigest) {
            putResource(ResourceAddress.schema(graphId), StateResource.of(schemaDigest));
            ClusterState current = snapshot();
            Optional<String> provider = current.graphEmbeddingProvider(graphId);
            ExternalBlobPolicy policy = current.graphExternalBlobPolicy(graphId);
            putResource(ResourceAddress.graph(graphId), new StateResource(
                    current.graphComposite(graphId, Optional.of(schemaDigest), provider, policy), Optional.empty(),
                    provider, Optional.empty(), policy.persisted()));
            status(ResourceAddress.graph(graphId), ResourceStatus.applied());
            status(ResourceAddress.schema(graphId), ResourceStatus.applied());
            return this;
        }

        /**
         * Removes a graph's subtree (graph, schema, every {@code query.<id>.*}) from resources and
         * statuses and writes a tombstone observation. Idempotent apart from the tombstone's time.
         */
        public Editor tombstoneGraph(String graphId, String deletedAt, Optional<String> approvalId,
                                     Optional<String> actor) {
            String graph = ResourceAddress.graph(graphId);
            String schema = ResourceAddress.schema(graphId);
            String queries = ResourceAddress.queryPrefix(graphId);
            resources.remove(graph);
            resources.remove(schema);
            resources.keySet().removeIf(address -> address.startsWith(queries));
            statuses.remove(graph);
            statuses.remove(schema);
            statuses.keySet().removeIf(address -> address.startsWith(queries));
            observations.put(graph, ClusterObservations.tombstone(deletedAt, approvalId, actor));
            return this;
        }

        public ClusterState build() {
            return new ClusterState(version, stateRevision, new AppliedRevision(configDigest, resources), statuses,
                    approvals, recoveries, observations);
        }
    }
}
