package dev.omnigraph.application.cluster;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.cluster.Sha256;
import dev.omnigraph.domain.cluster.config.DesiredCluster;
import dev.omnigraph.domain.cluster.drift.CatalogVerification;
import dev.omnigraph.domain.cluster.drift.GraphObservationStep;
import dev.omnigraph.domain.cluster.drift.PayloadFinding;
import dev.omnigraph.domain.cluster.drift.StateSync;
import dev.omnigraph.domain.cluster.plan.ApprovalGate;
import dev.omnigraph.domain.cluster.plan.ApprovalRequirement;
import dev.omnigraph.domain.cluster.plan.BlastRadius;
import dev.omnigraph.domain.cluster.plan.DispositionClassifier;
import dev.omnigraph.domain.cluster.plan.PlanChange;
import dev.omnigraph.domain.cluster.plan.PlanDiff;
import dev.omnigraph.domain.cluster.plan.PlanOperation;
import dev.omnigraph.domain.cluster.recovery.RecoverySweep;
import dev.omnigraph.domain.cluster.recovery.SweepOutcome;
import dev.omnigraph.domain.cluster.recovery.SweptSidecar;
import dev.omnigraph.domain.cluster.state.ApprovalArtifact;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.DocumentDecoding;
import dev.omnigraph.domain.cluster.state.ForceUnlock;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;
import dev.omnigraph.domain.cluster.state.StateLockFile;
import dev.omnigraph.domain.lang.Severity;
import dev.omnigraph.domain.schema.migration.MigrationPlan;
import dev.omnigraph.ports.in.ApplyClusterCommand;
import dev.omnigraph.ports.in.ApplyClusterResult;
import dev.omnigraph.ports.in.ApplySchemaUseCase;
import dev.omnigraph.ports.in.ApproveClusterChangeCommand;
import dev.omnigraph.ports.in.ApproveClusterChangeResult;
import dev.omnigraph.ports.in.ClusterStatusQuery;
import dev.omnigraph.ports.in.ClusterStatusResult;
import dev.omnigraph.ports.in.DescribeGraphUseCase;
import dev.omnigraph.ports.in.ForceUnlockClusterCommand;
import dev.omnigraph.ports.in.ForceUnlockClusterResult;
import dev.omnigraph.ports.in.InitGraphUseCase;
import dev.omnigraph.ports.in.ManageClusterUseCase;
import dev.omnigraph.ports.in.PlanClusterCommand;
import dev.omnigraph.ports.in.PlanClusterResult;
import dev.omnigraph.ports.in.PlanSchemaUseCase;
import dev.omnigraph.ports.in.SyncClusterStateCommand;
import dev.omnigraph.ports.in.SyncClusterStateResult;
import dev.omnigraph.ports.in.ValidateClusterCommand;
import dev.omnigraph.ports.in.ValidateClusterResult;
import dev.omnigraph.ports.out.Clock;
import dev.omnigraph.ports.out.IdSource;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.ObjectStoreException;
import dev.omnigraph.ports.out.ObjectStoreLocator;
import dev.omnigraph.ports.out.YamlDecoder;
import dev.omnigraph.ports.out.table.TableStorage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster control plane's commands. Each one reads the config directory, then (except
 * {@code validate}) opens the storage root, takes or observes the lock, reads the ledger and asks the
 * domain what to do; the apply choreography itself is {@link ClusterApply}. Findings are diagnostics,
 * never exceptions: storage and engine failures are caught at the step that met them and reported with
 * the reference's codes. The lock is always released before a result is returned.
 */
public final class ClusterService implements ManageClusterUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterService.class);

    private final ObjectStoreLocator locator;
    private final JsonDecoder json;
    private final Clock clock;
    private final IdSource ids;
    private final SourceFiles files;
    private final ConfigLoader loader;
    private final GraphOperations graphs;

    public ClusterService(ObjectStoreLocator locator, YamlDecoder yaml, JsonDecoder json, Clock clock, IdSource ids,
                          InitGraphUseCase init, DescribeGraphUseCase describe, PlanSchemaUseCase planSchema,
                          ApplySchemaUseCase applySchema, TableStorage tables) {
        this.locator = locator;
        this.json = json;
        this.clock = clock;
        this.ids = ids;
        this.files = new SourceFiles(locator);
        this.loader = new ConfigLoader(files, yaml);
        this.graphs = new GraphOperations(init, describe, planSchema, applySchema, tables);
    }

    // ---- validate ------------------------------------------------------------------------------

    @Override
    public ValidateClusterResult validate(ValidateClusterCommand command) {
        LoadedConfig loaded = loader.loadFull(command.configDir());
        List<ClusterDiagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        if (loaded.ok()) {
            loaded.desired().ifPresent(desired -> diagnostics.addAll(desired.validateExtras()));
        }
        Optional<DesiredCluster> desired = loaded.desired();
        return new ValidateClusterResult(!ClusterDiagnostic.anyError(diagnostics), loaded.configDir(),
                loaded.configFile(), desired.map(DesiredCluster::resourceDigests).orElse(Map.of()),
                desired.map(DesiredCluster::resources).orElse(List.of()),
                desired.map(DesiredCluster::dependencies).orElse(List.of()), diagnostics);
    }

    // ---- the shared start of lock-taking commands ----------------------------------------------

    /** One command's context: its config, findings, observations, store and lock. Not thread-safe. */
    static final class Run {
        final LoadedConfig loaded;
        final List<ClusterDiagnostic> diagnostics;
        final ObservationsBuilder observations;
        ClusterStore store;
        StateLockFile lock;
        boolean proceed;

        Run(LoadedConfig loaded) {
            this.loaded = loaded;
            this.diagnostics = new ArrayList<>(loaded.diagnostics());
            this.observations = new ObservationsBuilder(loaded.statePath(), loaded.lockPath());
        }

        DesiredCluster desired() {
            return loaded.desired().orElseThrow();
        }

        boolean ok() {
            return !ClusterDiagnostic.anyError(diagnostics);
        }

        void add(ClusterDiagnostic diagnostic) {
            diagnostics.add(diagnostic);
        }

        void addAll(Collection<ClusterDiagnostic> more) {
            diagnostics.addAll(more);
        }

        /** Releases the lock this run took, if any; a failed release is reported. */
        void release() {
            if (lock != null && store != null) {
                store.releaseLock(lock).ifPresent(diagnostics::add);
                lock = null;
            }
        }
    }

    /**
     * Full validation, then the storage root, then the lock for {@code operation} (a warning when
     * {@code state.lock: false}). {@link Run#proceed} is false when any of these stopped the command;
     * validation errors stop it before anything under the storage root is created.
     */
    Run begin(String configDir, String operation) {
        Run run = new Run(loader.loadFull(configDir));
        if (!run.loaded.ok() || run.loaded.desired().isEmpty() || !openStore(run)) {
            return run;
        }
        if (!run.loaded.settings().orElseThrow().stateLock()) {
            run.add(ClusterDiagnostic.warning(ClusterCodes.STATE_LOCK_DISABLED, "state.lock",
                    "state.lock is false: `cluster " + operation + "` runs without the cluster state lock"));
            run.proceed = true;
            return run;
        }
        StateLockFile wanted = StateLockFile.acquire(ids.newUlid(), operation, now(), ProcessHandle.current().pid());
        ClusterStore.LockAttempt attempt = run.store.acquireLock(wanted);
        if (attempt instanceof ClusterStore.LockAttempt.Acquired acquired) {
            run.lock = acquired.lock();
            run.observations.lockAcquired(acquired.lock());
            run.proceed = true;
        } else if (attempt instanceof ClusterStore.LockAttempt.Held held) {
            run.add(held.diagnostic());
            run.observations.lockObserved(held.holder().orElse(null), clock.now());
        } else {
            run.add(((ClusterStore.LockAttempt.Failed) attempt).diagnostic());
        }
        return run;
    }

    private boolean openStore(Run run) {
        Optional<ClusterStore> store = openStore(run.loaded, run.diagnostics);
        store.ifPresent(opened -> run.store = opened);
        return store.isPresent();
    }

    private Optional<ClusterStore> openStore(LoadedConfig loaded, List<ClusterDiagnostic> diagnostics) {
        String root = loaded.storageRoot().orElseThrow();
        try {
            return Optional.of(new ClusterStore(locator.locate(root), root, json));
        } catch (IllegalArgumentException | ObjectStoreException failure) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.STORAGE_ROOT_INVALID, "storage",
                    "could not open the cluster storage root `" + root + "`: " + failure.getMessage()));
            return Optional.empty();
        }
    }

    String now() {
        return clock.now().toString();
    }

    /** A fresh operation or approval id (a ULID). */
    String newId() {
        return ids.newUlid();
    }

    /** Reads the ledger into the run's observations; empty and a finding when it is missing or refused. */
    Optional<ClusterStore.StateRead.Found> readState(Run run, Optional<ClusterDiagnostic> whenMissing) {
        ClusterStore.StateRead read = run.store.readState();
        if (read instanceof ClusterStore.StateRead.Found found) {
            run.observations.state(found.state(), found.cas());
            return Optional.of(found);
        }
        if (read instanceof ClusterStore.StateRead.Refused refused) {
            run.add(refused.diagnostic());
        } else {
            whenMissing.ifPresent(run::add);
        }
        return Optional.empty();
    }

    /** One {@code cluster_recovery_pending} warning per sidecar ({@code plan} and {@code status} never act). */
    private static void warnPendingSidecars(ClusterStore store, List<ClusterDiagnostic> diagnostics) {
        ClusterStore.Listing<RecoverySidecar> sidecars = store.listSidecars();
        diagnostics.addAll(sidecars.warnings());
        sidecars.entries().forEach(entry -> diagnostics.add(RecoverySidecar.pendingWarning(entry.location())));
    }

    // ---- plan ----------------------------------------------------------------------------------

    @Override
    public PlanClusterResult plan(PlanClusterCommand command) {
        Run run = begin(command.configDir(), "plan");
        List<PlanChange> changes = List.of();
        List<BlastRadius> blastRadius = List.of();
        List<ApprovalRequirement> approvals = List.of();
        try {
            if (run.proceed) {
                warnPendingSidecars(run.store, run.diagnostics);
                boolean refused = false;
                Optional<ClusterState> prior = Optional.empty();
                ClusterStore.StateRead read = run.store.readState();
                if (read instanceof ClusterStore.StateRead.Found found) {
                    run.observations.state(found.state(), found.cas());
                    prior = Optional.of(found.state());
                } else if (read instanceof ClusterStore.StateRead.Refused rejected) {
                    run.add(rejected.diagnostic());
                    refused = true;
                }
                if (!refused) {
                    DesiredCluster desired = run.desired();
                    List<PlanChange> diff = PlanDiff.plan(prior, desired);
                    ClusterStore.Listing<ApprovalArtifact> artifacts = run.store.listApprovals();
                    run.addAll(artifacts.warnings());
                    ApprovalGate.Evaluation evaluation = ApprovalGate.evaluate(values(artifacts), diff,
                            desired.configDigest());
                    run.addAll(evaluation.staleWarnings());
                    List<PlanChange> classified = DispositionClassifier.classify(diff, desired.dependencies(), Set.of(),
                            evaluation.approved());
                    changes = withMigrationPreviews(run, classified);
                    blastRadius = BlastRadius.of(changes, desired.dependencies());
                    approvals = ApprovalGate.requirements(changes, evaluation.approved());
                }
            }
        } finally {
            run.release();
        }
        Optional<DesiredCluster> desired = run.loaded.desired();
        return new PlanClusterResult(run.ok(), run.loaded.configDir(), desired.map(DesiredCluster::configDigest),
                desired.map(DesiredCluster::resourceDigests).orElse(Map.of()),
                desired.map(DesiredCluster::dependencies).orElse(List.of()), run.observations.build(), changes,
                blastRadius, approvals, run.diagnostics);
    }

    /** Each schema update carries the engine's real migration from the live graph ({@code schema_preview_unavailable} otherwise). */
    private List<PlanChange> withMigrationPreviews(Run run, List<PlanChange> changes) {
        List<PlanChange> previewed = new ArrayList<>();
        for (PlanChange change : changes) {
            if (change.operation() == PlanOperation.UPDATE
                    && ResourceAddress.parse(change.resource()) instanceof ResourceAddress.Schema schema) {
                try {
                    String path = run.desired().sourcePath(change.resource()).orElseThrow();
                    String source = files.read(path).flatMap(SourceFiles::utf8).orElseThrow();
                    MigrationPlan migration = graphs.previewMigration(run.store.graphUri(schema.graphId()), path, source);
                    previewed.add(change.withMigration(migration.toJson()));
                    continue;
                } catch (RuntimeException unavailable) {
                    run.add(ClusterDiagnostic.warning(ClusterCodes.SCHEMA_PREVIEW_UNAVAILABLE, change.resource(),
                            "could not preview the schema migration of graph `" + schema.graphId() + "`: "
                                    + GraphOperations.messageOf(unavailable)));
                }
            }
            previewed.add(change);
        }
        return previewed;
    }

    static <T> List<T> values(ClusterStore.Listing<T> listing) {
        return listing.entries().stream().map(ClusterStore.Listed::value).toList();
    }

    // ---- apply ---------------------------------------------------------------------------------

    @Override
    public ApplyClusterResult apply(ApplyClusterCommand command) {
        Run run = begin(command.configDir(), "apply");
        ClusterApply.Outcome outcome = ClusterApply.Outcome.notRun();
        try {
            if (run.proceed) {
                outcome = new ClusterApply(this, run, files, graphs, command.actor()).run();
            }
        } finally {
            run.release();
        }
        Optional<DesiredCluster> desired = run.loaded.desired();
        return new ApplyClusterResult(run.ok(), run.loaded.configDir(), command.actor(),
                desired.map(DesiredCluster::configDigest), run.observations.build(), outcome.changes(),
                outcome.appliedCount(), outcome.deferredCount(), outcome.converged(), outcome.stateWritten(),
                outcome.resourceStatuses(), run.diagnostics);
    }

    // ---- shared by apply, refresh and import ---------------------------------------------------

    /** The recovery sweep over every readable sidecar, each graph root observed read-only. */
    SweepOutcome sweep(Run run, ClusterState ledger) {
        ClusterStore.Listing<RecoverySidecar> listing = run.store.listSidecars();
        run.addAll(listing.warnings());
        List<SweptSidecar> swept = new ArrayList<>();
        for (ClusterStore.Listed<RecoverySidecar> entry : listing.entries()) {
            swept.add(new SweptSidecar(entry.location(), entry.value(),
                    graphs.observeRoot(run.store, entry.value().graphId())));
        }
        SweepOutcome outcome = RecoverySweep.run(ledger, swept, now());
        run.addAll(outcome.diagnostics());
        if (!swept.isEmpty()) {
            LOG.info("recovery sweep classified {} sidecar(s): {}", swept.size(), outcome.rows());
        }
        return outcome;
    }

    /**
     * After the command's ledger write landed (or none was needed): delete the sidecars whose outcome is
     * recorded and rewrite consumed approval artifacts with {@code consumed_at}. Failures are warnings:
     * the next state-mutating command sweeps a leftover sidecar again.
     */
    void finalizeAfterWrite(Run run, Collection<String> sidecars, Collection<String> consumedApprovals) {
        for (String location : sidecars) {
            try {
                run.store.delete(location);
            } catch (ObjectStoreException failure) {
                run.add(ClusterDiagnostic.warning(ClusterCodes.RECOVERY_SIDECAR_CLEANUP_FAILED, location,
                        "could not delete the completed recovery sidecar; the next state-mutating cluster command "
                                + "sweeps it again: " + failure.getMessage()));
            }
        }
        if (consumedApprovals.isEmpty()) {
            return;
        }
        ClusterStore.Listing<ApprovalArtifact> artifacts = run.store.listApprovals();
        String at = now();
        for (ClusterStore.Listed<ApprovalArtifact> entry : artifacts.entries()) {
            ApprovalArtifact artifact = entry.value();
            if (consumedApprovals.contains(artifact.approvalId()) && !artifact.isConsumed()) {
                try {
                    run.store.rewriteApproval(entry.location(), artifact.markConsumed(at));
                } catch (ObjectStoreException failure) {
                    run.add(ClusterDiagnostic.warning(ClusterCodes.APPROVAL_WRITE_ERROR, entry.location(),
                            "could not mark the approval consumed (the ledger records it): " + failure.getMessage()));
                }
            }
        }
    }

    /** Writes the ledger by compare-and-swap; updates the observations on success. */
    boolean writeState(Run run, ClusterState next, Optional<String> expectedCas) {
        ClusterStore.StateWrite write = run.store.writeState(next, expectedCas);
        if (write instanceof ClusterStore.StateWrite.Written written) {
            run.observations.state(next, written.cas());
            return true;
        }
        run.add(((ClusterStore.StateWrite.Failed) write).diagnostic());
        return false;
    }

    /** Catalog payload findings of every applied query and policy (read-only). */
    Map<String, PayloadFinding> verifyPayloads(ClusterStore store, ClusterState state) {
        Map<String, PayloadFinding> findings = new TreeMap<>();
        CatalogVerification.payloadsToVerify(state).forEach((address, location) -> {
            String digest = state.resource(address).orElseThrow().digest();
            try {
                PayloadFinding.verify(digest, store.read(location).map(Sha256::hex))
                        .ifPresent(finding -> findings.put(address, finding));
            } catch (ObjectStoreException failure) {
                findings.put(address, new PayloadFinding.ReadError("could not read catalog payload `" + store.root() + "/"
                        + location + "`: " + failure.getMessage()));
            }
        });
        return findings;
    }

    // ---- status --------------------------------------------------------------------------------

    @Override
    public ClusterStatusResult status(ClusterStatusQuery query) {
        LoadedConfig loaded = loader.loadHeader(query.configDir());
        Run run = new Run(loaded);
        Optional<ClusterState> state = Optional.empty();
        if (loaded.ok() && openStore(run)) {
            observeLock(run, Severity.WARNING);
            warnPendingSidecars(run.store, run.diagnostics);
            Optional<ClusterStore.StateRead.Found> found = readState(run, Optional.of(StateSync.missingForStatus()));
            state = found.map(ClusterStore.StateRead.Found::state);
            found.ifPresent(f -> run.addAll(CatalogVerification.apply(f.state(), verifyPayloads(run.store, f.state()))
                    .diagnostics()));
        }
        return new ClusterStatusResult(run.ok(), loaded.configDir(), run.observations.build(),
                state.map(ClusterState::resourceDigests).orElse(Map.of()),
                state.map(ClusterState::resourceStatuses).orElse(Map.of()),
                state.map(ClusterState::observations).orElse(Map.of()), run.diagnostics);
    }

    /** Reads the lock into the observations; problems with its file are reported at {@code severity}. */
    private Optional<DocumentDecoding<StateLockFile>> observeLock(Run run, Severity severity) {
        ClusterStore.LockObservation lock = run.store.observeLock();
        if (lock instanceof ClusterStore.LockObservation.Present present) {
            if (present.decoding() instanceof DocumentDecoding.Decoded<StateLockFile> decoded) {
                run.observations.lockObserved(decoded.value(), clock.now());
            } else {
                run.observations.lockObserved(null, clock.now());
                if (severity == Severity.WARNING) {
                    run.add(StateLockFile.problemDiagnostic(present.decoding(), severity));
                }
            }
            return Optional.of(present.decoding());
        }
        if (lock instanceof ClusterStore.LockObservation.Unreadable unreadable) {
            run.add(new ClusterDiagnostic(ClusterCodes.STATE_LOCK_READ_ERROR, severity, ClusterLayout.LOCK_FILE,
                    "could not read the cluster state lock: " + unreadable.error()));
        }
        return Optional.empty();
    }

    // ---- refresh and import --------------------------------------------------------------------

    @Override
    public SyncClusterStateResult syncState(SyncClusterStateCommand command) {
        StateSync operation = command.operation();
        Run run = begin(command.configDir(), operation.label());
        ClusterState reported = null;
        try {
            if (run.proceed) {
                reported = sync(run, operation);
            }
        } finally {
            run.release();
        }
        Optional<ClusterState> state = Optional.ofNullable(reported);
        return new SyncClusterStateResult(run.ok(), operation, run.loaded.configDir(), run.observations.build(),
                state.map(ClusterState::resourceDigests).orElse(Map.of()),
                state.map(ClusterState::resourceStatuses).orElse(Map.of()),
                state.map(ClusterState::observations).orElse(Map.of()), run.diagnostics);
    }

    /**
     * Integrity check, sweep, catalog verification (refresh forgets missing or mismatching payloads),
     * observation of every declared graph, then the write: refresh always (revision + 1), import only
     * without errors (revision 1). Returns the ledger to report.
     */
    private ClusterState sync(Run run, StateSync operation) {
        Optional<ClusterStore.StateRead.Found> found = readState(run, Optional.empty());
        if (!run.ok()) {
            return null;
        }
        Optional<ClusterDiagnostic> precondition = operation.precondition(found.isPresent());
        if (precondition.isPresent()) {
            run.add(precondition.get());
            return found.map(ClusterStore.StateRead.Found::state).orElse(null);
        }
        DesiredCluster desired = run.desired();
        ClusterState base = found.map(ClusterStore.StateRead.Found::state)
                .orElseGet(() -> ClusterState.initialImport(desired.configDigest()));
        List<ClusterDiagnostic> integrity = base.integrityDiagnostics();
        if (!integrity.isEmpty()) {
            run.addAll(integrity);
            return base;
        }
        SweepOutcome swept = sweep(run, base);
        CatalogVerification.Outcome verified = CatalogVerification.apply(swept.state(), verifyPayloads(run.store,
                swept.state()));
        run.addAll(verified.diagnostics());
        Map<String, GraphObservationStep.Observed> observed = new TreeMap<>();
        desired.graphs().forEach(graph -> observed.put(graph.id(), new GraphObservationStep.Observed(
                run.store.graphUri(graph.id()), graphs.observeLive(run.store, graph.id()))));
        GraphObservationStep.Outcome observation = GraphObservationStep.observeAll(verified.state(), desired.graphs(),
                observed, now());
        run.addAll(observation.diagnostics());
        Optional<ClusterState> toWrite = operation.ledgerToWrite(observation.state(), !run.ok());
        if (toWrite.isEmpty()) {
            return observation.state();
        }
        if (writeState(run, toWrite.get(), found.map(ClusterStore.StateRead.Found::cas))) {
            finalizeAfterWrite(run, swept.completedSidecars(), swept.consumedApprovals());
        }
        return toWrite.get();
    }

    // ---- approve -------------------------------------------------------------------------------

    @Override
    public ApproveClusterChangeResult approve(ApproveClusterChangeCommand command) {
        Run run = begin(command.configDir(), "approve");
        ApprovalArtifact written = null;
        try {
            if (run.proceed) {
                Optional<ClusterStore.StateRead.Found> found = readState(run,
                        Optional.of(StateSync.missingForApprove()));
                if (found.isPresent()) {
                    DesiredCluster desired = run.desired();
                    List<PlanChange> digestChanges = PlanDiff.diff(found.get().state().resourceDigests(),
                            desired.resourceDigests());
                    ApprovalGate.ApproveDecision decision = ApprovalGate.approve(digestChanges, command.resource());
                    if (decision instanceof ApprovalGate.ApproveDecision.Approvable approvable) {
                        ApprovalArtifact artifact = approvable.artifact(ids.newUlid(), desired.configDigest(),
                                command.approver(), now());
                        try {
                            run.store.writeApproval(artifact);
                            written = artifact;
                        } catch (ObjectStoreException failure) {
                            run.add(ClusterDiagnostic.error(ClusterCodes.APPROVAL_WRITE_ERROR,
                                    ClusterLayout.approvalArtifact(artifact.approvalId()),
                                    "could not write the approval artifact: " + failure.getMessage()));
                        }
                    } else {
                        run.add(((ApprovalGate.ApproveDecision.NotRequired) decision).diagnostic());
                    }
                }
            }
        } finally {
            run.release();
        }
        Optional<ApprovalArtifact> artifact = Optional.ofNullable(written);
        return new ApproveClusterChangeResult(run.ok(), run.loaded.configDir(),
                artifact.map(ApprovalArtifact::approvalId), artifact.map(ApprovalArtifact::resource),
                artifact.map(ApprovalArtifact::operation), artifact.map(ApprovalArtifact::approvedBy), run.diagnostics);
    }

    // ---- cluster membership of a graph root ----------------------------------------------------

    @Override
    public Optional<String> clusterManaging(String graphUri) {
        Optional<String> root = ClusterLayout.storageRootOfGraphRoot(graphUri);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        try {
            return new ClusterStore(locator.locate(root.get()), root.get(), json).exists(ClusterLayout.STATE_FILE)
                    ? root : Optional.empty();
        } catch (RuntimeException unreadable) {
            // not known to be a cluster: the command goes on and meets the same storage itself
            LOG.debug("could not tell whether {} is a cluster storage root: {}", root.get(), unreadable.getMessage());
            return Optional.empty();
        }
    }

    // ---- force-unlock --------------------------------------------------------------------------

    @Override
    public ForceUnlockClusterResult forceUnlock(ForceUnlockClusterCommand command) {
        LoadedConfig loaded = loader.loadHeader(command.configDir());
        Run run = new Run(loaded);
        boolean removed = false;
        if (loaded.ok() && openStore(run)) {
            ClusterStore.LockObservation observed = run.store.observeLock();
            if (observed instanceof ClusterStore.LockObservation.Unreadable unreadable) {
                run.add(ClusterDiagnostic.error(ClusterCodes.STATE_LOCK_READ_ERROR, ClusterLayout.LOCK_FILE,
                        "could not read the cluster state lock: " + unreadable.error()));
            } else {
                Optional<DocumentDecoding<StateLockFile>> present =
                        observed instanceof ClusterStore.LockObservation.Present p ? Optional.of(p.decoding())
                                : Optional.empty();
                ForceUnlock decision = ForceUnlock.decide(present, command.lockId());
                if (decision instanceof ForceUnlock.Remove remove) {
                    run.observations.lockObserved(remove.lock(), clock.now());
                    try {
                        run.store.deleteLock();
                        removed = true;
                        LOG.warn("force-unlocked the cluster state lock {} ({}, pid {})", remove.lock().lockId(),
                                remove.lock().operation(), remove.lock().pid());
                    } catch (ObjectStoreException failure) {
                        run.add(ClusterDiagnostic.error(ClusterCodes.STATE_LOCK_ERROR, ClusterLayout.LOCK_FILE,
                                "could not remove the cluster state lock: " + failure.getMessage()));
                    }
                } else {
                    ForceUnlock.Refuse refuse = (ForceUnlock.Refuse) decision;
                    run.add(refuse.diagnostic());
                    if (present.isPresent()) {
                        run.observations.lockObserved(refuse.holder().orElse(null), clock.now());
                    }
                }
            }
            ClusterStore.StateRead read = run.store.readState();
            if (read instanceof ClusterStore.StateRead.Found found) {
                run.observations.state(found.state(), found.cas());
            }
        }
        return new ForceUnlockClusterResult(run.ok(), loaded.configDir(), run.observations.build(), removed,
                run.diagnostics);
    }
}
