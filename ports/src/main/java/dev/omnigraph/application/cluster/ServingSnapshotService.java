package dev.omnigraph.application.cluster;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.serving.CatalogPayloadRead;
import dev.omnigraph.domain.cluster.serving.ServingDiagnostics;
import dev.omnigraph.domain.cluster.serving.ServingSelection;
import dev.omnigraph.domain.cluster.serving.ServingVerdict;
import dev.omnigraph.domain.cluster.serving.SidecarTriage;
import dev.omnigraph.domain.cluster.serving.StoredSidecar;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;
import dev.omnigraph.ports.in.LocateClusterGraphQuery;
import dev.omnigraph.ports.in.LocateClusterGraphResult;
import dev.omnigraph.ports.in.LocateClusterGraphUseCase;
import dev.omnigraph.ports.in.ReadServingSnapshotUseCase;
import dev.omnigraph.ports.in.ServingSnapshotQuery;
import dev.omnigraph.ports.in.ServingSnapshotResult;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.ObjectStoreException;
import dev.omnigraph.ports.out.ObjectStoreLocator;
import dev.omnigraph.ports.out.YamlDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the serving snapshot of §7.2 through the same {@link ClusterStore} the control plane writes
 * with, but only its read half: the recoveries folder, the ledger and the catalog payloads the domain
 * selects. No lock, no sweep, no write; the store is opened on the resolved root and nothing else is
 * touched (a config directory's {@code cluster.yaml} is read only for {@code storage:}). Locating a graph
 * for maintenance reads the ledger alone, through the same root resolution.
 */
public final class ServingSnapshotService implements ReadServingSnapshotUseCase, LocateClusterGraphUseCase {

    private final ObjectStoreLocator locator;
    private final JsonDecoder json;
    private final ConfigLoader loader;

    public ServingSnapshotService(ObjectStoreLocator locator, YamlDecoder yaml, JsonDecoder json) {
        this.locator = locator;
        this.json = json;
        this.loader = new ConfigLoader(new SourceFiles(locator), yaml);
    }

    @Override
    public ServingSnapshotResult readServingSnapshot(ServingSnapshotQuery query) {
        String cluster = query.cluster();
        StorageRoot root = storageRoot(cluster);
        if (root instanceof StorageRoot.Invalid invalid) {
            return ServingSnapshotResult.refused(cluster, Optional.empty(), List.of(), List.of(invalid.diagnostic()));
        }
        String rootPath = ((StorageRoot.Resolved) root).root();
        ClusterStore store;
        try {
            store = new ClusterStore(locator.locate(rootPath), rootPath, json);
        } catch (IllegalArgumentException | ObjectStoreException failure) {
            return ServingSnapshotResult.refused(cluster, Optional.of(rootPath), List.of(), List.of(
                    ClusterDiagnostic.error(ClusterCodes.STORAGE_ROOT_INVALID, "storage",
                            "could not open the cluster storage root `" + rootPath + "`: " + failure.getMessage())));
        }
        return result(cluster, rootPath, read(store));
    }

    @Override
    public LocateClusterGraphResult locateGraph(LocateClusterGraphQuery query) {
        String cluster = query.cluster();
        StorageRoot root = storageRoot(cluster);
        if (root instanceof StorageRoot.Invalid invalid) {
            return unlocated(cluster, List.of(), invalid.diagnostic());
        }
        String rootPath = ((StorageRoot.Resolved) root).root();
        ClusterStore store;
        try {
            store = new ClusterStore(locator.locate(rootPath), rootPath, json);
        } catch (IllegalArgumentException | ObjectStoreException failure) {
            return unlocated(cluster, List.of(), ClusterDiagnostic.error(ClusterCodes.STORAGE_ROOT_INVALID, "storage",
                    "could not open the cluster storage root `" + rootPath + "`: " + failure.getMessage()));
        }
        ClusterStore.StateRead ledger = store.readState();
        if (ledger instanceof ClusterStore.StateRead.Missing) {
            return unlocated(cluster, List.of(), ClusterDiagnostic.error(ClusterCodes.CLUSTER_STATE_MISSING,
                    ClusterLayout.STATE_FILE, "cluster `" + cluster + "` has no applied state; run `cluster apply` first"));
        }
        if (ledger instanceof ClusterStore.StateRead.Refused refused) {
            return unlocated(cluster, List.of(), refused.diagnostic());
        }
        List<String> applied = ((ClusterStore.StateRead.Found) ledger).state().appliedGraphIds();
        Optional<String> graphId = query.graphId().isPresent() ? query.graphId()
                : applied.size() == 1 ? Optional.of(applied.get(0)) : Optional.empty();
        if (graphId.isEmpty()) {
            return new LocateClusterGraphResult(cluster, applied, Optional.empty(), Optional.empty(), List.of());
        }
        if (!applied.contains(graphId.get())) {
            return unlocated(cluster, applied, ClusterDiagnostic.error(ClusterCodes.GRAPH_NOT_APPLIED,
                    "graph." + graphId.get(), "graph `" + graphId.get() + "` is not applied in cluster `" + cluster
                            + "` (applied graphs: [" + String.join(", ", applied) + "]); declare it in cluster.yaml and "
                            + "run `cluster apply`, or check the id"));
        }
        return new LocateClusterGraphResult(cluster, applied, graphId, Optional.of(store.graphUri(graphId.get())),
                List.of());
    }

    private static LocateClusterGraphResult unlocated(String cluster, List<String> applied, ClusterDiagnostic why) {
        return new LocateClusterGraphResult(cluster, applied, Optional.empty(), Optional.empty(), List.of(why));
    }

    private ServingVerdict read(ClusterStore store) {
        ClusterStore.Listing<RecoverySidecar> listing = store.listSidecars();
        SidecarTriage triage = SidecarTriage.of(listing.entries().stream()
                .map(entry -> new StoredSidecar(entry.location(), entry.value())).toList(), listing.warnings());
        if (triage instanceof SidecarTriage.Fatal fatal) {
            return ServingVerdict.refused(fatal);
        }
        SidecarTriage.Admitted admitted = (SidecarTriage.Admitted) triage;
        ClusterStore.StateRead ledger = store.readState();
        if (ledger instanceof ClusterStore.StateRead.Missing) {
            return ServingVerdict.withoutLedger(ServingDiagnostics.stateMissing(),
                    admitted);
        }
        if (ledger instanceof ClusterStore.StateRead.Refused refused) {
            return ServingVerdict.withoutLedger(refused.diagnostic(), admitted);
        }
        ServingSelection selection = ServingSelection.of(((ClusterStore.StateRead.Found) ledger).state(),
                admitted.quarantinedGraphIds(), store.root());
        Map<String, CatalogPayloadRead> reads = new LinkedHashMap<>();
        for (String location : selection.payloadLocations()) {
            reads.put(location, readPayload(store, location));
        }
        return ServingVerdict.conclude(selection, reads, admitted);
    }

    private static CatalogPayloadRead readPayload(ClusterStore store, String location) {
        try {
            return store.read(location).<CatalogPayloadRead>map(CatalogPayloadRead.Found::new)
                    .orElseGet(() -> new CatalogPayloadRead.Unreadable("not found"));
        } catch (ObjectStoreException failure) {
            return new CatalogPayloadRead.Unreadable(failure.getMessage());
        }
    }

    private static ServingSnapshotResult result(String cluster, String root, ServingVerdict verdict) {
        if (verdict instanceof ServingVerdict.Ready ready) {
            return new ServingSnapshotResult(cluster, Optional.of(root), ready.graphs(), ready.queries(),
                    ready.policies(), ready.quarantined(), ready.warnings());
        }
        ServingVerdict.Refused refused = (ServingVerdict.Refused) verdict;
        return ServingSnapshotResult.refused(cluster, Optional.of(root), refused.quarantined(), refused.diagnostics());
    }

    /** Where the ledger is, or why that cannot be known. */
    private sealed interface StorageRoot {
        record Resolved(String root) implements StorageRoot {
        }

        record Invalid(ClusterDiagnostic diagnostic) implements StorageRoot {
        }
    }

    /**
     * A URI argument is the root (normalised like a declared {@code storage:}); a config directory's
     * root is its {@code storage:}, resolved as every cluster command resolves it, or the directory
     * itself when there is none or {@code cluster.yaml} is missing or does not parse (then the ledger read
     * reports what is missing). Only a declared {@code storage:} that cannot name a root refuses here.
     */
    private StorageRoot storageRoot(String cluster) {
        if (cluster.contains("://")) {
            String uri = cluster.strip();
            String scheme = uri.substring(0, uri.indexOf("://"));
            if (!scheme.equals("file") && uri.substring(scheme.length() + 3).replaceFirst("^/+", "").isEmpty()) {
                return new StorageRoot.Invalid(ClusterDiagnostic.error(ClusterCodes.INVALID_STORAGE_ROOT, "storage",
                        "storage " + scheme + ":// URI must name a bucket"));
            }
            return new StorageRoot.Resolved(ConfigLoader.storageRoot(".", ClusterLayout.normalizeStorageRoot(uri)));
        }
        LoadedConfig header = loader.loadHeader(cluster);
        Optional<ClusterDiagnostic> invalidRoot = header.diagnostics().stream()
                .filter(diagnostic -> diagnostic.code().equals(ClusterCodes.INVALID_STORAGE_ROOT)).findFirst();
        if (invalidRoot.isPresent()) {
            return new StorageRoot.Invalid(invalidRoot.get());
        }
        return new StorageRoot.Resolved(header.storageRoot().orElse(header.configDir()));
    }
}
