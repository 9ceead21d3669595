package dev.omnigraph.application.engine;

import dev.omnigraph.application.engine.GraphTables.TableLayout;
import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.Failpoints;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot;
import dev.omnigraph.domain.graph.ManifestEntry;
import dev.omnigraph.domain.graph.ManifestEntry.BranchHead;
import dev.omnigraph.domain.graph.ManifestEntry.CommitRecord;
import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.domain.graph.ManifestEntry.TableRegistration;
import dev.omnigraph.domain.graph.SnapshotId;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.schema.SchemaCompiler;
import dev.omnigraph.domain.schema.ValidatedSchema;
import dev.omnigraph.domain.schema.ir.SchemaIdentityDomain;
import dev.omnigraph.domain.schema.ir.SchemaIdentityResolver;
import dev.omnigraph.domain.schema.ir.SchemaIr;
import dev.omnigraph.domain.schema.ir.SchemaState;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.InitGraphResult;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.PreconditionFailedException;
import dev.omnigraph.ports.out.table.RowBatchBuilder;
import dev.omnigraph.ports.out.table.TableRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating a graph (engine notes §1.7), crash-safe at every step. The order is the reference's: the root's
 * {@code __init_claim.json} (create-if-absent: one initializer at a time, across processes), the three schema
 * files, one version-1 table per type, then {@code __manifest} in one create carrying every registration, the
 * genesis commit, the main head and the storage stamp; that create is the commit point. Then the claim is
 * released.
 *
 * <p>What a failure leaves depends on where it falls, and never strands a graph:
 * <ul>
 *   <li>Before any table exists, the schema files this attempt wrote are deleted and the claim released, so
 *       init can simply run again. If a delete fails, the claim stays (a delayed delete could otherwise remove
 *       a later initializer's files) and the original error is reported.</li>
 *   <li>Once a table create was attempted, the outcome is unknown (a create can land and lose its
 *       acknowledgement). The manifest is probed for this attempt's exact genesis commit: found, the graph
 *       exists and init succeeds; otherwise init fails {@code initialization_indeterminate} keeping the schema
 *       files and the claim, since deleting or retrying could collide with a late create; an operator inspects
 *       the root.</li>
 *   <li>After the commit point, the graph is complete: nothing is deleted, the claim is released, and a
 *       failure of the read-back is reported {@code initialization_committed} (the graph opens).</li>
 * </ul>
 * A process that dies anywhere leaves its claim, which blocks another init until an operator removes it (a
 * stopped initializer cannot be told from a slow one); the graph itself opens as soon as its manifest exists.
 */
final class GraphInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(GraphInitializer.class);
    private static final List<ObjectKey> SCHEMA_FILES = List.of(GraphRoot.SCHEMA_SOURCE, GraphRoot.SCHEMA_IR,
            GraphRoot.SCHEMA_STATE);

    private final GraphEngineService engine;

    GraphInitializer(GraphEngineService engine) {
        this.engine = engine;
    }

    InitGraphResult initialize(GraphRoot root, InitGraphCommand command) {
        ValidatedSchema validated = SchemaCompiler.compile(new SourceFile(command.schemaName(), command.schemaSource()));
        preflight(root, command.force());
        claim(root);
        try {
            preflight(root, command.force()); // again under the claim: another initializer may have finished meanwhile
        } catch (RuntimeException refused) {
            releaseClaim(root);
            throw refused;
        }
        SchemaIr ir = SchemaIdentityResolver.initialize(SchemaIdentityDomain.parse(engine.ids().newUlid()), validated)
                .schemaIr();
        SchemaContract contract = new SchemaContract(command.schemaSource(), validated, ir, SchemaState.of(ir));
        writeSchemaFiles(root, contract, command.force());

        List<TableLayout> layouts = GraphTables.layouts(ir);
        GraphCommit genesis = new GraphCommit(engine.ids().newUlid(), TableRef.MAIN, 1, Optional.empty(), Optional.empty(),
                command.actor(), GraphEngineService.micros(engine.clock().now()));
        try {
            createTablesAndManifest(root, layouts, genesis);
        } catch (RuntimeException outcomeUnknown) {
            probeExactGenesis(root, genesis, outcomeUnknown);
            LOG.warn("init of {} reported a failure ({}) but its manifest exists with this attempt's genesis: created",
                    root.uri(), outcomeUnknown.getMessage());
        }

        try {
            Failpoints.maybeFail(FailpointNames.INIT_POST_MANIFEST_CREATE);
            readBack(root, layouts, genesis);
            Failpoints.maybeFail(FailpointNames.INIT_AFTER_COORDINATOR_INIT);
        } catch (RuntimeException afterCommit) {
            releaseClaim(root);
            throw new GraphEngineException(GraphErrorKind.INITIALIZATION_COMMITTED, "graph initialization at "
                    + root.uri() + " committed its manifest, but finalization failed; schema artifacts were preserved; "
                    + "inspect or open the graph before taking further action: " + afterCommit.getMessage(), afterCommit);
        }
        releaseClaim(root);
        LOG.info("initialised graph {} with {} tables", root.uri(), layouts.size());
        return new InitGraphResult(root.uri(), genesis.id(), SnapshotId.of(TableRef.MAIN, 1).toString(),
                ir.nodes().stream().map(SchemaIr.NodeIr::name).toList(),
                ir.edges().stream().map(SchemaIr.EdgeIr::name).toList());
    }

    // ---- before the claim ---------------------------------------------------------------------------------------

    /**
     * A strict init refuses a root holding a manifest or any schema file; {@code --force} replaces orphan schema
     * files but never binds a new schema identity to an existing manifest (old rows would belong to new ids).
     */
    private void preflight(GraphRoot root, boolean force) {
        if (engine.tables().exists(root.manifestLocation())) {
            throw new GraphEngineException(GraphErrorKind.ALREADY_INITIALIZED, force
                    ? "force init refuses graph root '" + root.uri() + "' because an existing __manifest would be rebound "
                            + "to a newly minted schema identity domain; initialize an empty root instead"
                    : "a graph already exists at " + root.uri());
        }
        if (force) {
            return;
        }
        for (ObjectKey artifact : SCHEMA_FILES) {
            if (root.files().exists(artifact)) {
                throw new GraphEngineException(GraphErrorKind.ALREADY_INITIALIZED, root.uri() + " already holds "
                        + artifact + " (an interrupted init?); rerun init with --force to replace orphan schema files, "
                        + "or choose another location");
            }
        }
    }

    private void claim(GraphRoot root) {
        String payload = "{\"version\":1,\"attempt_id\":\"" + engine.ids().newUlid() + "\"}";
        try {
            root.files().putIfAbsent(GraphRoot.INIT_CLAIM, payload.getBytes(StandardCharsets.UTF_8));
        } catch (PreconditionFailedException claimed) {
            throw new GraphEngineException(GraphErrorKind.INITIALIZATION_CLAIMED, "graph initialization at '" + root.uri()
                    + "' is claimed by '" + GraphRoot.INIT_CLAIM + "'; another initializer may still be running or a "
                    + "prior initializer may have stopped; quiesce all initializers before manually removing the claim, "
                    + "then retry init (use --force only when orphan schema files remain)", claimed);
        }
    }

    /** Releases the claim; a failed delete leaves a claim that blocks the next init, which is safe, so it is logged. */
    private static void releaseClaim(GraphRoot root) {
        try {
            root.files().delete(GraphRoot.INIT_CLAIM);
        } catch (RuntimeException stuck) {
            LOG.warn("init of {} finished but its claim {} could not be removed ({}); remove it once no initializer "
                    + "runs", root.uri(), GraphRoot.INIT_CLAIM, stuck.getMessage());
        }
    }

    // ---- before any table: undone on failure ---------------------------------------------------------------------

    private void writeSchemaFiles(GraphRoot root, SchemaContract contract, boolean force) {
        try {
            byte[] source = contract.source().getBytes(StandardCharsets.UTF_8);
            if (force) {
                root.files().put(GraphRoot.SCHEMA_SOURCE, source);
            } else {
                // defence in depth against an older initializer that does not take the claim
                root.files().putIfAbsent(GraphRoot.SCHEMA_SOURCE, source);
            }
            Failpoints.maybeFail(FailpointNames.INIT_AFTER_SCHEMA_PG_WRITTEN);
            contract.writeContract(root.files());
            Failpoints.maybeFail(FailpointNames.INIT_AFTER_SCHEMA_CONTRACT_WRITTEN);
        } catch (PreconditionFailedException raced) {
            releaseClaim(root);
            throw new GraphEngineException(GraphErrorKind.ALREADY_INITIALIZED, root.uri() + " already holds "
                    + GraphRoot.SCHEMA_SOURCE + " written by another initializer", raced);
        } catch (RuntimeException beforeAnyTable) {
            if (deleteSchemaFiles(root)) {
                releaseClaim(root);
            } else {
                LOG.warn("init of {} failed and its schema files could not all be removed; the claim {} is kept so a "
                        + "later init cannot race a delayed delete", root.uri(), GraphRoot.INIT_CLAIM);
            }
            throw beforeAnyTable;
        }
    }

    /** Deletes the three schema files (absent ones count as deleted); false when any delete failed. */
    private static boolean deleteSchemaFiles(GraphRoot root) {
        boolean complete = true;
        for (ObjectKey artifact : SCHEMA_FILES) {
            try {
                Failpoints.maybeFail(FailpointNames.INIT_SCHEMA_CLEANUP_DELETE);
                root.files().delete(artifact);
            } catch (RuntimeException failed) {
                complete = false;
                LOG.warn("init of {} failed; its {} could not be removed: {}", root.uri(), artifact, failed.getMessage());
            }
        }
        return complete;
    }

    // ---- the physical init: outcome unknown on failure -----------------------------------------------------------

    private void createTablesAndManifest(GraphRoot root, List<TableLayout> layouts, GraphCommit genesis) {
        List<ManifestEntry> rows = new ArrayList<>();
        for (TableLayout layout : layouts) {
            long version = engine.tables().create(root.tableLocation(layout.relativeLocation()), layout.schema(),
                    RowBatchBuilder.empty(layout.schema())).version();
            // the create landed; a failure reported now is an acknowledgement lost on the way back
            Failpoints.maybeFail(FailpointNames.INIT_TABLE_CREATE_ACK_LOST);
            rows.add(new TableRegistration(layout.identity(), layout.tableKey(), layout.relativeLocation()));
            rows.add(new PublishedTableVersion(layout.identity(), layout.tableKey(), version, Optional.empty(), 0));
        }
        rows.add(new CommitRecord(genesis));
        rows.add(new BranchHead(TableRef.MAIN, genesis.id(), Optional.empty()));
        engine.tables().create(root.manifestLocation(), ManifestTable.SCHEMA, engine.manifest().encode(rows));
        Failpoints.maybeFail(FailpointNames.INIT_MANIFEST_CREATE_ACK_LOST);
    }

    /**
     * Classifies a failed physical init by the one fact that proves success: the manifest exists and its first
     * version holds this attempt's genesis commit. Anything else (no manifest, another genesis, a probe that
     * cannot read) leaves the outcome unknown.
     */
    private void probeExactGenesis(GraphRoot root, GraphCommit genesis, RuntimeException outcomeUnknown) {
        boolean found;
        try {
            Failpoints.maybeFail(FailpointNames.INIT_MANIFEST_CREATE_PROBE);
            found = engine.tables().exists(root.manifestLocation())
                    && engine.manifest().read(TableRef.at(root.manifestLocation(), TableRef.MAIN, 1)).stream()
                            .anyMatch(row -> row instanceof CommitRecord commit && commit.commit().id().equals(genesis.id()));
        } catch (RuntimeException probeFailed) {
            outcomeUnknown.addSuppressed(probeFailed);
            throw indeterminate(root, outcomeUnknown, "exact-genesis probe error: " + probeFailed.getMessage());
        }
        if (!found) {
            throw indeterminate(root, outcomeUnknown, "exact-genesis probe: no manifest with genesis commit " + genesis.id());
        }
    }

    private static GraphEngineException indeterminate(GraphRoot root, RuntimeException cause, String probe) {
        return new GraphEngineException(GraphErrorKind.INITIALIZATION_INDETERMINATE, "graph initialization at '"
                + root.uri() + "' has an indeterminate physical outcome; schema artifacts and '" + GraphRoot.INIT_CLAIM
                + "' were preserved; do not retry initialization or delete the root until it is inspected (create "
                + "error: " + cause.getMessage() + "; " + probe + ")", cause);
    }

    // ---- after the commit point ----------------------------------------------------------------------------------

    /** Opens what was created as any reader would and checks it is exactly the graph this init meant. */
    private void readBack(GraphRoot root, List<TableLayout> layouts, GraphCommit genesis) {
        GraphSnapshot snapshot = engine.openAt(root, TableRef.MAIN, 1).snapshot();
        if (!snapshot.head().map(GraphCommit::id).equals(Optional.of(genesis.id()))) {
            throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, "the manifest of " + root.uri()
                    + " does not start with this init's genesis commit " + genesis.id());
        }
        for (TableLayout layout : layouts) {
            if (snapshot.table(layout.tableKey()).isEmpty()) {
                throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, "the manifest of " + root.uri()
                        + " does not publish " + layout.tableKey());
            }
        }
    }
}
