package dev.omnigraph.application.cluster;

import dev.omnigraph.application.engine.ExportRootExclusion;
import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.Failpoints;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.cluster.Sha256;
import dev.omnigraph.domain.cluster.config.DesiredCluster;
import dev.omnigraph.domain.cluster.drift.StateSync;
import dev.omnigraph.domain.cluster.plan.ApplyDisposition;
import dev.omnigraph.domain.cluster.plan.ApplyLedgerTransition;
import dev.omnigraph.domain.cluster.plan.ApplyPlan;
import dev.omnigraph.domain.cluster.plan.ApprovalGate;
import dev.omnigraph.domain.cluster.plan.ApprovalRequirement;
import dev.omnigraph.domain.cluster.plan.DispositionClassifier;
import dev.omnigraph.domain.cluster.plan.FailedGraphOrigin;
import dev.omnigraph.domain.cluster.plan.LedgerWrite;
import dev.omnigraph.domain.cluster.plan.PlanChange;
import dev.omnigraph.domain.cluster.plan.PlanDiff;
import dev.omnigraph.domain.cluster.recovery.SidecarLifecycle;
import dev.omnigraph.domain.cluster.recovery.SweepOutcome;
import dev.omnigraph.domain.cluster.state.ApprovalArtifact;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;
import dev.omnigraph.domain.cluster.state.ResourceStatus;
import dev.omnigraph.ports.in.ApplySchemaResult;
import dev.omnigraph.ports.out.ObjectStoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code cluster apply} run under the lock (behavioural notes §4.4), in the reference's order:
 * ledger read and integrity check, recovery sweep, classification with the sweep's pending graphs and
 * the valid approvals, then graph creates, schema migrations, catalog payloads and approved deletes, and
 * finally one compare-and-swap ledger write (none when nothing changed).
 *
 * <p>Recovery sidecars fence each graph-moving step: a graph_create sidecar is written before the engine
 * init and rewritten with the resulting manifest version; a schema_apply sidecar only after the source
 * was re-verified and the engine's preview accepted the migration, deleted at once when the engine then
 * refused without moving anything; a graph_delete sidecar just before the prefix removal. The first
 * graph-moving failure skips every later graph-moving step (their graphs count as failed, so nothing that
 * did not run is recorded). Sidecars and consumed approvals are finalised only after the ledger write
 * landed (or when none was needed); an early return leaves them for the next sweep.
 *
 * <p>The eight {@code cluster_apply.*} failpoints mark the crash windows of §5.5 where the reference
 * marks them. An injected failure becomes this run's {@code injected_failpoint} error and behaves as the
 * reference's: before an engine call ({@code before_graph_create}, {@code before_schema_apply},
 * {@code before_graph_delete}) it fails that graph step like an engine error, keeping the sidecar; after
 * one ({@code after_graph_create}, {@code after_schema_apply}, {@code after_graph_delete}) and after the
 * payload phase the run stops at once with nothing acknowledged; before the ledger write it counts as a
 * failed write.
 */
final class ClusterApply {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterApply.class);

    /** What the run produced for the result. */
    record Outcome(List<PlanChange> changes, long appliedCount, long deferredCount, boolean converged,
                   boolean stateWritten, Map<String, ResourceStatus> resourceStatuses) {
        Outcome {
            changes = List.copyOf(changes);
            resourceStatuses = Map.copyOf(resourceStatuses);
        }

        static Outcome notRun() {
            return new Outcome(List.of(), 0, 0, false, false, Map.of());
        }

        /** A run that stopped before its ledger write: the on-disk statuses are what is persisted. */
        static Outcome stopped(List<PlanChange> changes, ClusterState asRead) {
            long applied = changes.stream().filter(change -> change.is(ApplyDisposition.APPLIED)).count();
            long deferred = changes.stream().filter(change -> change.is(ApplyDisposition.DEFERRED)
                    || change.is(ApplyDisposition.BLOCKED)).count();
            return new Outcome(changes, applied, deferred, false, false, asRead.resourceStatuses());
        }

        /** A run a crash window stopped: nothing counts as applied, the on-disk statuses are what is persisted. */
        static Outcome crashed(List<PlanChange> changes, ClusterState asRead) {
            return new Outcome(changes, 0, 0, false, false, asRead.resourceStatuses());
        }
    }

    private final ClusterService service;
    private final ClusterService.Run run;
    private final ClusterStore store;
    private final SourceFiles files;
    private final GraphOperations graphs;
    private final Optional<String> actor;
    private final DesiredCluster desired;
    private final String now;

    private final Map<String, FailedGraphOrigin> failed = new LinkedHashMap<>();
    private final List<String> runSidecars = new ArrayList<>();
    private final List<ApplyLedgerTransition.ExecutedDelete> executedDeletes = new ArrayList<>();
    /** An after-the-engine crash window fired: the run returns before anything is acknowledged. */
    private boolean crashed;

    ClusterApply(ClusterService service, ClusterService.Run run, SourceFiles files, GraphOperations graphs,
                 Optional<String> actor) {
        this.service = service;
        this.run = run;
        this.store = run.store;
        this.files = files;
        this.graphs = graphs;
        this.actor = actor;
        this.desired = run.desired();
        this.now = service.now();
    }

    Outcome run() {
        Optional<ClusterStore.StateRead.Found> found = service.readState(run, Optional.of(StateSync.missingForApply()));
        if (found.isEmpty()) {
            return Outcome.notRun();
        }
        ClusterState asRead = found.get().state();
        String cas = found.get().cas();
        List<ClusterDiagnostic> integrity = asRead.integrityDiagnostics();
        if (!integrity.isEmpty()) {
            run.addAll(integrity);
            return Outcome.stopped(List.of(), asRead);
        }

        SweepOutcome swept = service.sweep(run, asRead);
        ClusterState ledger = swept.state();
        List<PlanChange> diff = PlanDiff.plan(Optional.of(ledger), desired);
        ClusterStore.Listing<ApprovalArtifact> approvals = store.listApprovals();
        run.addAll(approvals.warnings());
        List<ApprovalArtifact> artifacts = ClusterService.values(approvals);
        ApprovalGate.Evaluation evaluation = ApprovalGate.evaluate(artifacts, diff, desired.configDigest());
        run.addAll(evaluation.staleWarnings());
        List<PlanChange> classified = DispositionClassifier.classify(diff, desired.dependencies(), swept.pendingGraphs(),
                evaluation.approved());
        List<ApprovalRequirement> gates = ApprovalGate.requirements(classified, evaluation.approved());
        ApplyPlan.Preparation preparation = ApplyPlan.prepare(classified, gates);
        if (preparation instanceof ApplyPlan.Preparation.Refused refused) {
            run.add(refused.diagnostic());
            return Outcome.stopped(classified, asRead);
        }
        ApplyPlan plan = ((ApplyPlan.Preparation.Ready) preparation).plan();

        createGraphs(plan, Optional.of(cas));
        if (crashed) {
            return Outcome.crashed(plan.changes(), asRead);
        }
        migrateSchemas(plan, ledger, Optional.of(cas));
        if (crashed) {
            return Outcome.crashed(plan.changes(), asRead);
        }
        plan = plan.demoted(failed, desired.dependencies());

        if (!writePayloads(plan)) {
            run.addAll(plan.dispositionWarnings());
            return Outcome.stopped(plan.changes(), asRead);
        }
        if (!survives(FailpointNames.CLUSTER_APPLY_AFTER_PAYLOAD_PHASE)) {
            return Outcome.crashed(plan.changes(), asRead);
        }
        deleteGraphs(plan, artifacts, Optional.of(cas));
        if (crashed) {
            return Outcome.crashed(plan.changes(), asRead);
        }
        plan = plan.demoted(failed, desired.dependencies());
        run.addAll(plan.dispositionWarnings());

        ApplyLedgerTransition.Outcome transition = ApplyLedgerTransition.next(ledger, plan.changes(), desired,
                executedDeletes, actor, now);
        LedgerWrite write = LedgerWrite.decide(asRead, transition.state());
        boolean written = false;
        ClusterState persisted = asRead;
        if (write instanceof LedgerWrite.Write next) {
            // An injected failure here counts as a failed write (statuses as read, sidecars kept); a
            // callback that rewrites state.json makes the compare-and-swap below fail on its own.
            written = survives(FailpointNames.CLUSTER_APPLY_BEFORE_STATE_WRITE)
                    && service.writeState(run, next.state(), Optional.of(cas));
            if (!written) {
                return new Outcome(plan.changes(), plan.appliedCount(), plan.deferredCount(), false, false,
                        asRead.resourceStatuses());
            }
            persisted = next.state();
        }
        Set<String> sidecars = new LinkedHashSet<>(swept.completedSidecars());
        sidecars.addAll(runSidecars);
        Set<String> consumed = new LinkedHashSet<>(swept.consumedApprovals());
        executedDeletes.forEach(delete -> delete.approvalId().ifPresent(consumed::add));
        service.finalizeAfterWrite(run, sidecars, consumed);
        LOG.info("cluster apply: {} applied, {} deferred/blocked, converged {}, state written {}", plan.appliedCount(),
                plan.deferredCount(), transition.converged(), written);
        return new Outcome(plan.changes(), plan.appliedCount(), plan.deferredCount(), transition.converged(), written,
                persisted.resourceStatuses());
    }

    // ---- graph creates -------------------------------------------------------------------------

    private void createGraphs(ApplyPlan plan, Optional<String> cas) {
        for (String graphId : plan.graphCreates()) {
            if (!failed.isEmpty()) {
                run.add(ApplyPlan.skipped(FailedGraphOrigin.GRAPH_CREATE, graphId));
                failed.put(graphId, FailedGraphOrigin.GRAPH_CREATE);
                continue;
            }
            String schemaAddress = ResourceAddress.schema(graphId);
            String digest = desired.graph(graphId).orElseThrow().schemaDigest();
            String graphUri = store.graphUri(graphId);
            RecoverySidecar sidecar = RecoverySidecar.graphCreate(service.newId(), now, actor, graphId, graphUri, digest, cas);
            if (!writeSidecar(sidecar, graphId, FailedGraphOrigin.GRAPH_CREATE)) {
                continue;
            }
            String location = ClusterLayout.recoverySidecar(sidecar.operationId());
            if (!survives(FailpointNames.CLUSTER_APPLY_BEFORE_GRAPH_CREATE)) {
                failed.put(graphId, FailedGraphOrigin.GRAPH_CREATE);
                continue;
            }
            Optional<Source> source = reread(schemaAddress, digest);
            if (source.isEmpty()) {
                deleteQuietly(location);
                failed.put(graphId, FailedGraphOrigin.GRAPH_CREATE);
                continue;
            }
            try {
                graphs.create(graphUri, source.get().name(), source.get().text(), actor);
            } catch (RuntimeException failure) {
                run.add(ClusterDiagnostic.error(ClusterCodes.GRAPH_CREATE_FAILED, ResourceAddress.graph(graphId),
                        "could not create graph `" + graphId + "` at " + graphUri + ": "
                                + GraphOperations.messageOf(failure)));
                failed.put(graphId, FailedGraphOrigin.GRAPH_CREATE);
                continue;
            }
            rewriteQuietly(sidecar, graphs.tryManifestVersion(graphUri));
            if (!survives(FailpointNames.CLUSTER_APPLY_AFTER_GRAPH_CREATE)) {
                crashed = true;
                return;
            }
            runSidecars.add(location);
            LOG.info("created graph {} at {}", graphId, graphUri);
        }
    }

    // ---- schema migrations ---------------------------------------------------------------------

    private void migrateSchemas(ApplyPlan plan, ClusterState ledger, Optional<String> cas) {
        for (String graphId : plan.schemaUpdates()) {
            if (!failed.isEmpty()) {
                run.add(ApplyPlan.skipped(FailedGraphOrigin.SCHEMA_APPLY, graphId));
                failed.put(graphId, FailedGraphOrigin.SCHEMA_APPLY);
                continue;
            }
            String schemaAddress = ResourceAddress.schema(graphId);
            String digest = desired.graph(graphId).orElseThrow().schemaDigest();
            String graphUri = store.graphUri(graphId);
            Optional<Source> source = reread(schemaAddress, digest);
            if (source.isEmpty()) {
                failed.put(graphId, FailedGraphOrigin.SCHEMA_APPLY);
                continue;
            }
            OptionalLong observed;
            try {
                observed = OptionalLong.of(graphs.manifestVersion(graphUri));
                graphs.previewApply(graphUri, source.get().name(), source.get().text(), actor);
            } catch (RuntimeException refused) {
                schemaFailed(graphId, refused);
                continue;
            }
            RecoverySidecar sidecar = RecoverySidecar.schemaApply(service.newId(), now, actor, graphId, graphUri, observed,
                    digest, cas);
            if (!writeSidecar(sidecar, graphId, FailedGraphOrigin.SCHEMA_APPLY)) {
                continue;
            }
            String location = ClusterLayout.recoverySidecar(sidecar.operationId());
            if (!survives(FailpointNames.CLUSTER_APPLY_BEFORE_SCHEMA_APPLY)) {
                failed.put(graphId, FailedGraphOrigin.SCHEMA_APPLY);
                continue;
            }
            ApplySchemaResult result;
            try {
                result = graphs.apply(graphUri, source.get().name(), source.get().text(), actor);
            } catch (RuntimeException failure) {
                schemaFailed(graphId, failure);
                if (nothingMoved(graphId, graphUri, observed, ledger.schemaDigest(graphId))) {
                    try {
                        store.delete(location);
                    } catch (ObjectStoreException cleanup) {
                        run.add(SidecarLifecycle.cleanupFailed(location, graphId, cleanup.getMessage()));
                    }
                }
                continue;
            }
            rewriteQuietly(sidecar, OptionalLong.of(result.graphManifestVersion()));
            if (!survives(FailpointNames.CLUSTER_APPLY_AFTER_SCHEMA_APPLY)) {
                crashed = true;
                return;
            }
            runSidecars.add(location);
            LOG.info("migrated the schema of graph {} ({} step(s))", graphId, result.plan().steps().size());
        }
    }

    private void schemaFailed(String graphId, RuntimeException failure) {
        run.add(ClusterDiagnostic.error(ClusterCodes.SCHEMA_APPLY_FAILED, ResourceAddress.schema(graphId),
                "could not apply the schema of graph `" + graphId + "`: " + GraphOperations.messageOf(failure)));
        failed.put(graphId, FailedGraphOrigin.SCHEMA_APPLY);
    }

    /** The engine refused before moving: main's manifest version and the live schema digest are unchanged. */
    private boolean nothingMoved(String graphId, String graphUri, OptionalLong observed, Optional<String> recordedDigest) {
        try {
            OptionalLong live = graphs.tryManifestVersion(graphUri);
            Optional<String> liveDigest = store.graphSchemaSource(graphId).map(Sha256::hex);
            return live.isPresent() && live.equals(observed) && liveDigest.isPresent() && liveDigest.equals(recordedDigest);
        } catch (ObjectStoreException unreadable) {
            return false;
        }
    }

    // ---- catalog payloads ----------------------------------------------------------------------

    /** Publishes every missing payload; false (state untouched) when any could not be written. */
    private boolean writePayloads(ApplyPlan plan) {
        boolean ok = true;
        for (ApplyPlan.CatalogWrite write : plan.catalogWrites()) {
            try {
                if (store.exists(write.payloadLocation())) {
                    continue;
                }
                Optional<Source> source = reread(write.address(), write.digest());
                if (source.isEmpty()) {
                    ok = false;
                    continue;
                }
                store.put(write.payloadLocation(), source.get().bytes());
            } catch (ObjectStoreException failure) {
                run.add(ClusterDiagnostic.error(ClusterCodes.RESOURCE_PAYLOAD_WRITE_ERROR, write.address(),
                        "could not write the catalog payload " + store.root() + "/" + write.payloadLocation() + ": "
                                + failure.getMessage()));
                ok = false;
            }
        }
        return ok;
    }

    // ---- approved deletes ----------------------------------------------------------------------

    private void deleteGraphs(ApplyPlan plan, List<ApprovalArtifact> artifacts, Optional<String> cas) {
        for (String graphId : plan.graphDeletes()) {
            if (!failed.isEmpty()) {
                run.add(ApplyPlan.skipped(FailedGraphOrigin.GRAPH_DELETE, graphId));
                failed.put(graphId, FailedGraphOrigin.GRAPH_DELETE);
                continue;
            }
            String graphAddress = ResourceAddress.graph(graphId);
            String graphUri = store.graphUri(graphId);
            ExportRootExclusion.Held reserved;
            try {
                reserved = ExportRootExclusion.reserveForDelete(graphUri);
            } catch (ExportRootExclusion.RootBusyException exporting) {
                run.add(ClusterDiagnostic.error(ClusterCodes.GRAPH_DELETE_EXPORT_IN_PROGRESS, graphAddress,
                        "cannot remove graph root '" + graphUri + "' while an immutable export owns it: "
                                + exporting.getMessage()));
                failed.put(graphId, FailedGraphOrigin.GRAPH_DELETE);
                continue;
            }
            Optional<String> approvalId;
            RecoverySidecar sidecar;
            try (reserved) {
                approvalId = ApprovalGate.consumableApproval(artifacts, graphAddress, desired.configDigest());
                sidecar = RecoverySidecar.graphDelete(service.newId(), now, actor, graphId, graphUri,
                        graphs.tryManifestVersion(graphUri), cas, approvalId);
                if (!writeSidecar(sidecar, graphId, FailedGraphOrigin.GRAPH_DELETE)) {
                    continue;
                }
                if (!survives(FailpointNames.CLUSTER_APPLY_BEFORE_GRAPH_DELETE)) {
                    failed.put(graphId, FailedGraphOrigin.GRAPH_DELETE);
                    continue;
                }
                try {
                    graphs.delete(store, graphId);
                } catch (RuntimeException failure) {
                    run.add(ClusterDiagnostic.error(ClusterCodes.GRAPH_DELETE_FAILED, graphAddress,
                            "could not remove the graph root " + graphUri + ": " + GraphOperations.messageOf(failure)));
                    failed.put(graphId, FailedGraphOrigin.GRAPH_DELETE);
                    continue;
                }
                if (!survives(FailpointNames.CLUSTER_APPLY_AFTER_GRAPH_DELETE)) {
                    crashed = true;
                    return;
                }
            }
            executedDeletes.add(new ApplyLedgerTransition.ExecutedDelete(graphId, approvalId));
            runSidecars.add(ClusterLayout.recoverySidecar(sidecar.operationId()));
            LOG.info("deleted graph {} at {} (approval {})", graphId, graphUri, approvalId.orElse("none"));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * Passes a crash window. True unless a test armed it to fail; then the injected failure is this run's
     * {@code injected_failpoint} error and the caller stops as a crash there would. While nothing is armed
     * this costs what {@link Failpoints#maybeFail(String)} costs: one volatile read.
     */
    private boolean survives(String failpoint) {
        try {
            Failpoints.maybeFail(failpoint);
            return true;
        } catch (InjectedFailpointException injected) {
            run.add(ClusterDiagnostic.error(ClusterCodes.INJECTED_FAILPOINT, injected.failpointName(),
                    injected.getMessage()));
            return false;
        }
    }

    /** A source file re-read for a step, verified against the planned digest. */
    private record Source(String name, byte[] bytes, String text) {
    }

    /**
     * Re-reads a resource's source file and checks it still hashes to the planned digest
     * ({@code resource_content_changed} otherwise: the file changed while apply was running).
     */
    private Optional<Source> reread(String address, String digest) {
        String path = desired.sourcePath(address).orElse("");
        Optional<byte[]> bytes;
        try {
            bytes = path.isEmpty() ? Optional.empty() : files.read(path);
        } catch (SourceFiles.UnreadableException unreadable) {
            bytes = Optional.empty();
        }
        if (bytes.isEmpty() || !Sha256.hex(bytes.get()).equals(digest)) {
            run.add(ClusterDiagnostic.error(ClusterCodes.RESOURCE_CONTENT_CHANGED, address,
                    "source file `" + path + "` changed while apply was running; re-run `cluster apply`"));
            return Optional.empty();
        }
        Optional<String> text = SourceFiles.utf8(bytes.get());
        if (text.isEmpty()) {
            run.add(ClusterDiagnostic.error(ClusterCodes.RESOURCE_PAYLOAD_WRITE_ERROR, address,
                    "source file `" + path + "` is not valid UTF-8"));
            return Optional.empty();
        }
        int slash = path.lastIndexOf('/');
        return Optional.of(new Source(path.substring(slash + 1), bytes.get(), text.get()));
    }

    private boolean writeSidecar(RecoverySidecar sidecar, String graphId, FailedGraphOrigin step) {
        try {
            store.writeSidecar(sidecar);
            return true;
        } catch (ObjectStoreException failure) {
            run.add(ClusterDiagnostic.error(ClusterCodes.RECOVERY_SIDECAR_WRITE_ERROR,
                    ClusterLayout.recoverySidecar(sidecar.operationId()),
                    "could not write the recovery sidecar: " + failure.getMessage()));
            failed.put(graphId, step);
            return false;
        }
    }

    /** Best effort: the rewrite only adds forensic detail; the sweep classifies by digest. */
    private void rewriteQuietly(RecoverySidecar sidecar, OptionalLong expectedVersion) {
        if (expectedVersion.isEmpty()) {
            return;
        }
        try {
            store.writeSidecar(sidecar.withExpectedManifestVersion(expectedVersion.getAsLong()));
        } catch (ObjectStoreException failure) {
            LOG.warn("could not rewrite recovery sidecar {}: {}", sidecar.operationId(), failure.getMessage());
        }
    }

    private void deleteQuietly(String location) {
        try {
            store.delete(location);
        } catch (ObjectStoreException failure) {
            run.add(ClusterDiagnostic.warning(ClusterCodes.RECOVERY_SIDECAR_CLEANUP_FAILED, location,
                    "could not delete the recovery sidecar of a step that moved nothing: " + failure.getMessage()));
        }
    }
}
