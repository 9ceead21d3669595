package dev.omnigraph.application.engine;

import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.Failpoints;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.ManifestEntry;
import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.domain.graph.StaleWriteDecision;
import dev.omnigraph.domain.graph.recovery.RecoveryAuthority;
import dev.omnigraph.domain.graph.recovery.RecoverySidecar;
import dev.omnigraph.domain.graph.recovery.SidecarTablePin;
import dev.omnigraph.domain.graph.recovery.SweepMode;
import dev.omnigraph.domain.graph.recovery.WriterKind;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.out.table.CommitConflictException;
import dev.omnigraph.ports.out.table.KeyConflictException;
import dev.omnigraph.ports.out.table.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write lifecycle of engine notes §1.4 around a set of table writes: heal pending recoveries first;
 * check that the branch head is still the one the write was prepared against; <b>A</b> arm a sidecar
 * naming every table, its published version and the commit id minted now; <b>B</b> write the tables,
 * then confirm their new heads in the sidecar; <b>C</b> publish once under the minted id; <b>D</b> delete
 * the sidecar. A crash anywhere leaves the graph at its last published state plus a sidecar the next sweep
 * resolves; a failure this process sees after effects is resolved at once (rolled back), so the graph
 * stays writable; a storage refusal before any table effect (a lost race) retires the sidecar, since it
 * owns nothing.
 *
 * <p>An injected failpoint stands for a crash: nothing after it runs, as if the process had died.
 * Callers hold the root's writer gate.
 */
final class RecoverableWrites {

    private static final Logger LOG = LoggerFactory.getLogger(RecoverableWrites.class);

    private final GraphEngineService engine;
    private final RecoveryService recovery;
    private final SweepMode healMode;

    /**
     * @param healMode how pending sidecars are resolved before a write: {@link SweepMode#FULL} where each
     *     process opens the graph for one operation (the CLI), {@link SweepMode#ROLL_FORWARD_ONLY} in a
     *     long-lived process that swept fully when it opened the graph
     */
    RecoverableWrites(GraphEngineService engine, RecoveryService recovery, SweepMode healMode) {
        this.engine = engine;
        this.recovery = recovery;
        this.healMode = healMode;
    }

    SweepMode healMode() {
        return healMode;
    }

    /** Resolves pending sidecars before a write (the heal-first rule). */
    void heal(GraphRoot root) {
        recovery.sweep(root, healMode);
    }

    /**
     * What opening the graph for writes does before a maintenance operation: in the per-operation process
     * model ({@link SweepMode#FULL} healing) every operation is an open, so it runs the full sweep, as the
     * reference's {@code Omnigraph::open} does before {@code optimize}, {@code repair} or {@code cleanup}; a
     * long-lived process swept fully when it opened the graph and does nothing here (maintenance then
     * refuses whatever is still pending).
     */
    void sweepAsOpen(GraphRoot root) {
        if (healMode == SweepMode.FULL) {
            recovery.sweep(root, SweepMode.FULL);
        }
    }

    /**
     * Runs phases A–D for {@code writes} against {@code graph} (which must be the branch's latest snapshot,
     * opened after {@link #heal}) and returns the published commit.
     *
     * @param replayable whether the caller may prepare the write again on a moved head (see
     *     {@link StaleWriteDecision}); when it may, a moved head throws {@link StaleWriteException} before any
     *     effect, otherwise {@code conflict}
     */
    GraphCommit commit(GraphRoot root, OpenGraph graph, WriterKind kind, Optional<String> actor,
                       Optional<String> expectedHead, boolean replayable, List<TableWrites.TableWrite> writes,
                       ProgressListener progress) {
        String branch = graph.snapshot().branch();
        Failpoints.maybeFail(FailpointNames.MUTATION_POST_STAGE_PRE_EFFECT_GATE);
        revalidate(root, graph, expectedHead, replayable, Optional.empty());

        String commitId = engine.ids().newUlid();
        long startedAt = GraphEngineService.micros(engine.clock().now());
        List<SidecarTablePin> pins = new ArrayList<>();
        for (TableWrites.TableWrite write : writes) {
            VisibleTable table = graph.visible(write.tableKey()).orElseThrow(() -> new GraphEngineException(
                    GraphErrorKind.SCHEMA_CONTRACT, write.tableKey() + " has no published table"));
            long published = table.version().version();
            pins.add(SidecarTablePin.planned(table.registration().identity(), table.tableKey(), table.location(), published,
                    published + 1, TableRef.MAIN.equals(branch) ? Optional.empty() : Optional.of(branch)));
        }
        RecoverySidecar armed = RecoverySidecar.arm(engine.ids().newUlid(), startedAt, Optional.of(branch), actor, kind,
                commitId, engine.ids().newUlid(), new RecoveryAuthority(graph.snapshot().manifestVersion(),
                        graph.snapshot().head().map(GraphCommit::id)), pins);
        recovery.arm(root, armed);
        Failpoints.maybeFail(FailpointNames.MUTATION_POST_SIDECAR_PRE_FORK);

        List<ManifestEntry> rows = new ArrayList<>();
        RecoverySidecar confirmed;
        try {
            new TableWrites(engine.tables()).apply(graph, writes, progress, rows);
            Map<String, Long> heads = new LinkedHashMap<>();
            for (ManifestEntry row : rows) {
                PublishedTableVersion version = (PublishedTableVersion) row;
                heads.put(version.tableKey(), version.version());
            }
            confirmed = armed.confirmEffects(heads);
            Failpoints.maybeFail(FailpointNames.RECOVERY_SIDECAR_CONFIRM);
            recovery.rewrite(root, confirmed);
            Failpoints.maybeFail(FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER);
        } catch (InjectedFailpointException crash) {
            throw crash;
        } catch (GraphEngineException refused) {
            if (rows.isEmpty() && refusedWithoutEffect(refused)) {
                // every table write so far was refused by storage, which commits nothing when it refuses:
                // the sidecar owns no effect (a fork the write may have made is replaced by the next writer)
                LOG.info("write {} on {} lost a race before its first table effect ({}); retiring its sidecar",
                        armed.operationId(), root.uri(), refused.getMessage());
                recovery.retire(root, armed);
                if (refused.kind() == GraphErrorKind.CONFLICT) {
                    revalidate(root, graph, expectedHead, replayable, Optional.of(refused));
                }
                throw refused;
            }
            resolveAfterFailure(root, armed, refused);
            throw refused;
        } catch (RuntimeException failure) {
            resolveAfterFailure(root, armed, failure);
            throw failure;
        }

        GraphCommit commit;
        try {
            commit = engine.publishAs(root, branch, rows, commitId, actor, startedAt, expectedHead);
        } catch (GraphEngineException refused) {
            if (refused.kind() == GraphErrorKind.PRECONDITION_FAILED || refused.kind() == GraphErrorKind.CONFLICT) {
                resolveAfterFailure(root, confirmed, refused); // the publish certainly did not land
            }
            throw refused;
        }
        recovery.retire(root, confirmed);
        return commit;
    }

    /** A storage refusal that by the table storage contract committed nothing. */
    private static boolean refusedWithoutEffect(GraphEngineException refused) {
        return (refused.kind() == GraphErrorKind.KEY_CONFLICT && refused.getCause() instanceof KeyConflictException)
                || (refused.kind() == GraphErrorKind.CONFLICT && refused.getCause() instanceof CommitConflictException);
    }

    /**
     * Compares the branch's head with the one the write was prepared against and acts on the
     * {@link StaleWriteDecision}; returns only when the write may go on.
     *
     * @param lostRace the storage refusal that prompted the check, rethrown by the caller when the head did
     *     not move (a table moved without a publish: another process is mid-write)
     */
    private void revalidate(GraphRoot root, OpenGraph graph, Optional<String> expectedHead, boolean replayable,
                            Optional<GraphEngineException> lostRace) {
        String branch = graph.snapshot().branch();
        Optional<String> prepared = graph.snapshot().head().map(GraphCommit::id);
        Optional<String> current = engine.currentHead(root, branch);
        StaleWriteDecision decision = StaleWriteDecision.decide(expectedHead, prepared, current, replayable);
        if (decision instanceof StaleWriteDecision.PreconditionFailed failed) {
            throw new GraphEngineException(GraphErrorKind.PRECONDITION_FAILED, "branch '" + branch + "' head is "
                    + failed.actual().orElse("(none)") + ", expected " + failed.expected());
        }
        if (decision instanceof StaleWriteDecision.Replay) {
            throw new StaleWriteException(branch, prepared, current);
        }
        if (decision instanceof StaleWriteDecision.Conflict conflict) {
            throw new GraphEngineException(GraphErrorKind.CONFLICT, "branch '" + branch + "' moved from "
                    + conflict.preparedHead().orElse("(none)") + " to " + conflict.currentHead().orElse("(none)")
                    + " while the write was prepared; nothing was written; retry on the new head",
                    lostRace.orElse(null));
        }
    }

    /** Rolls a failed write back now, so the next write is not refused; if that fails too, the sidecar stays. */
    void resolveAfterFailure(GraphRoot root, RecoverySidecar sidecar, RuntimeException failure) {
        try {
            recovery.resolve(root, sidecar, SweepMode.FULL);
        } catch (RuntimeException recoveryFailed) {
            LOG.error("the failed write {} on {} could not be rolled back at once ({}); it stays pending recovery",
                    sidecar.operationId(), root.uri(), recoveryFailed.getMessage());
            failure.addSuppressed(recoveryFailed);
        }
    }
}
