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
import dev.omnigraph.domain.graph.recovery.RecoveryAuthority;
import dev.omnigraph.domain.graph.recovery.RecoverySidecar;
import dev.omnigraph.domain.graph.recovery.SidecarTablePin;
import dev.omnigraph.domain.graph.recovery.SweepMode;
import dev.omnigraph.domain.graph.recovery.WriterKind;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
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
 * <b>A</b> arm a sidecar naming every table, its published version and the commit id minted now;
 * <b>B</b> write the tables, then confirm their new heads in the sidecar; <b>C</b> publish once under
 * the minted id; <b>D</b> delete the sidecar. A crash anywhere leaves the graph at its last published
 * state plus a sidecar the next sweep resolves; a failure this process sees after effects is resolved at
 * once (rolled back), so the graph stays writable.
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

    /** Resolves pending sidecars before a write (the heal-first rule). */
    void heal(GraphRoot root) {
        recovery.sweep(root, healMode);
    }

    /**
     * Runs phases A–D for {@code writes} against {@code graph} (which must be the branch's latest snapshot,
     * opened after {@link #heal}) and returns the published commit.
     */
    GraphCommit commit(GraphRoot root, OpenGraph graph, WriterKind kind, Optional<String> actor,
                       Optional<String> expectedHead, List<TableWrites.TableWrite> writes, ProgressListener progress) {
        String branch = graph.snapshot().branch();
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

        List<ManifestEntry> rows;
        RecoverySidecar confirmed;
        try {
            rows = new TableWrites(engine.tables()).apply(graph, writes, progress);
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

    /** Rolls a failed write back now, so the next write is not refused; if that fails too, the sidecar stays. */
    private void resolveAfterFailure(GraphRoot root, RecoverySidecar sidecar, RuntimeException failure) {
        try {
            recovery.resolve(root, sidecar, SweepMode.FULL);
        } catch (RuntimeException recoveryFailed) {
            LOG.error("the failed write {} on {} could not be rolled back at once ({}); it stays pending recovery",
                    sidecar.operationId(), root.uri(), recoveryFailed.getMessage());
            failure.addSuppressed(recoveryFailed);
        }
    }
}
