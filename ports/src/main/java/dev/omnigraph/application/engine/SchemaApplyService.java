package dev.omnigraph.application.engine;

import dev.omnigraph.application.engine.GraphTables.TableLayout;
import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.Failpoints;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.domain.graph.BranchNames;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.ManifestEntry;
import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.domain.graph.ManifestEntry.TableRegistration;
import dev.omnigraph.domain.graph.ManifestEntry.TableTombstone;
import dev.omnigraph.domain.graph.SnapshotId;
import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.graph.TableKind;
import dev.omnigraph.domain.graph.recovery.RecoveryAuthority;
import dev.omnigraph.domain.graph.recovery.RecoverySidecar;
import dev.omnigraph.domain.graph.recovery.SidecarTablePin;
import dev.omnigraph.domain.graph.recovery.SidecarTableRegistration;
import dev.omnigraph.domain.graph.recovery.SidecarTombstone;
import dev.omnigraph.domain.graph.recovery.WriterKind;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.schema.SchemaCompiler;
import dev.omnigraph.domain.schema.TypeKind;
import dev.omnigraph.domain.schema.ValidatedSchema;
import dev.omnigraph.domain.schema.ir.PropertyIr;
import dev.omnigraph.domain.schema.ir.SchemaIdentityResolver;
import dev.omnigraph.domain.schema.ir.SchemaIr;
import dev.omnigraph.domain.schema.ir.SchemaResolution;
import dev.omnigraph.domain.schema.ir.SchemaState;
import dev.omnigraph.domain.schema.migration.DropMode;
import dev.omnigraph.domain.schema.migration.MigrationPlan;
import dev.omnigraph.domain.schema.migration.MigrationPlanner;
import dev.omnigraph.domain.schema.migration.MigrationStep;
import dev.omnigraph.ports.in.ApplySchemaCommand;
import dev.omnigraph.ports.in.ApplySchemaResult;
import dev.omnigraph.ports.in.ApplySchemaUseCase;
import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnVector;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.RowBatchBuilder;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableSchema;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.TableStorageException;
import dev.omnigraph.ports.out.table.WriteOutcome;
import dev.omnigraph.ports.out.table.WriteTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema apply on a live graph (engine notes §4.3): plans the migration from the accepted schema to a
 * desired {@code .pg} by stable identity, then carries out every step's effect and publishes them as one
 * commit on {@code main}.
 *
 * <p>Like every writer it first resolves pending recoveries (the heal-first rule, engine notes §8.2).
 * Refusals come before any effect: another (non-internal) branch exists ({@code conflict} — the schema
 * is graph-global and branches hold tables at the old physical schema); the plan has an unsupported step
 * ({@code bad_request}, its {@code [code] reason}); a table's head moved past its published version, or an
 * added type's location is already taken ({@code conflict}). A plan without steps publishes nothing.
 *
 * <p>The write lifecycle of every staged writer (docs/recovery.md): a SchemaApply recovery sidecar is armed
 * before the first effect; then tables of added types are created (strict version 1 at their identity
 * location) and tables whose properties changed are rewritten (one overwrite of every row at the published
 * version, values carried by stable property id); then the new schema files are written under staging names
 * and the sidecar is confirmed; then one manifest publish carries the new versions, registrations (a type
 * rename only rewrites its registration's alias), tombstones of dropped types and the commit minted at arm
 * time; then the staging files are promoted to the accepted names, the sidecar is deleted, and hard drops
 * reclaim old table versions. Until the publish nothing is visible. A crash before the confirmation is
 * undone by the next recovery sweep, one after it is finished by it (published, then promoted), so the graph
 * ends at exactly the accepted schema and data before or after the apply. The whole apply holds the graph's
 * writer gate.
 */
public final class SchemaApplyService implements ApplySchemaUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaApplyService.class);

    private final GraphEngineService engine;
    private final TableStorage tables;

    public SchemaApplyService(GraphEngineService engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.tables = engine.tables();
    }

    // ---- use case --------------------------------------------------------------------------------

    @Override
    public ApplySchemaResult previewSchemaApply(ApplySchemaCommand command) {
        GraphRoot root = engine.root(command.graphUri());
        return translatingStorageFailures(() -> {
            OpenGraph graph = openMain(root);
            return unchanged(graph, plan(root, graph, command).plan());
        });
    }

    @Override
    public ApplySchemaResult applySchema(ApplySchemaCommand command) {
        GraphRoot root = engine.root(command.graphUri());
        return engine.underWriterGate(root, () -> {
            engine.latestManifestVersion(root, TableRef.MAIN);
            engine.writes().heal(root);
            OpenGraph graph = openMain(root);
            PlannedApply planned = plan(root, graph, command);
            if (planned.plan().isEmpty()) {
                return unchanged(graph, planned.plan());
            }
            verifyTablesAtTheirPins(root, graph);
            verifyAddedTablesUnclaimed(root, planned.effects());
            RecoverySidecar armed = arm(root, graph, planned, command.actor());
            Failpoints.maybeFail(FailpointNames.SCHEMA_APPLY_POST_SIDECAR_PRE_EFFECT);
            Published published = applyAndPublish(root, graph, planned, armed);
            GraphCommit commit = published.commit();
            Failpoints.maybeFail(FailpointNames.SCHEMA_APPLY_AFTER_MANIFEST_COMMIT);
            promoteSchemaFiles(root, planned.desired(), commit);
            engine.recovery().retire(root, published.sidecar());
            reclaimHardDrops(root, planned.effects(), commit);
            LOG.info("applied schema to {} as commit {}: {} step(s); {} table(s) created, {} rewritten, {} renamed, "
                            + "{} dropped", root.uri(), commit.id(), planned.plan().steps().size(),
                    planned.effects().creates().size(), planned.effects().rewrites().size(),
                    planned.effects().renames().size(), planned.effects().drops().size());
            return new ApplySchemaResult(true, true, planned.plan(), commit.manifestVersion(),
                    SnapshotId.of(TableRef.MAIN, commit.manifestVersion()).toString(), Optional.of(commit.id()));
        });
    }

    private OpenGraph openMain(GraphRoot root) {
        return engine.openAt(root, TableRef.MAIN, engine.latestManifestVersion(root, TableRef.MAIN));
    }

    private static ApplySchemaResult unchanged(OpenGraph graph, MigrationPlan plan) {
        return new ApplySchemaResult(true, false, plan, graph.snapshot().manifestVersion(),
                graph.snapshot().snapshotId(), Optional.empty());
    }

    // ---- planning (shared by apply and preview; reads only) ---------------------------------------

    /** A supported plan, the contract it leads to and the table effects it implies. */
    private record PlannedApply(MigrationPlan plan, SchemaContract desired, TableEffects effects) {
    }

    private PlannedApply plan(GraphRoot root, OpenGraph graph, ApplySchemaCommand command) {
        refuseNonMainBranches(root);
        ValidatedSchema desiredSchema = SchemaCompiler.compile(
                new SourceFile(command.schemaSourceName(), command.schemaSource()));
        SchemaIr accepted = graph.schema().ir();
        SchemaResolution resolution = SchemaIdentityResolver.resolve(accepted, desiredSchema);
        resolution.diagnostics().forEach(ignored -> LOG.warn("schema rename hint {} on {} was ignored ({})",
                ignored.hint(), ignored.entity(), ignored.kind().label()));
        SchemaIr desiredIr = resolution.schemaIr();
        MigrationPlan plan = MigrationPlanner.plan(accepted, desiredIr);
        if (command.allowDataLoss()) {
            plan = plan.withHardDrops();
        }
        if (!plan.supported()) {
            throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, plan.firstUnsupported()
                    .map(MigrationStep.UnsupportedChange::message).orElse("unsupported schema migration plan"));
        }
        SchemaState desiredState = SchemaState.of(desiredIr);
        desiredState.verify(desiredIr, desiredSchema.shape());
        SchemaContract desired = new SchemaContract(command.schemaSource(), desiredSchema, desiredIr, desiredState);
        return new PlannedApply(plan, desired, TableEffects.of(graph, desiredIr, plan));
    }

    private void refuseNonMainBranches(GraphRoot root) {
        List<String> blocking = tables.branches(root.manifestLocation()).stream()
                .filter(branch -> !TableRef.MAIN.equals(branch) && !BranchNames.isInternal(branch))
                .sorted()
                .toList();
        if (!blocking.isEmpty()) {
            throw new GraphEngineException(GraphErrorKind.CONFLICT,
                    "schema apply requires a graph with only main; found non-main branches: " + String.join(", ", blocking));
        }
    }

    /** A type rename: the registration of the same table lifetime gets the new alias. */
    private record Rename(VisibleTable source, TableLayout desired) {
    }

    /** A table whose columns change: every row is rewritten from the accepted layout into the desired one. */
    private record Rewrite(VisibleTable source, TableLayout accepted, TableLayout desired) {
        TableIdentity identity() {
            return desired.identity();
        }
    }

    /**
     * What a plan does to tables, derived from its steps. Interface steps touch no table (their effect on
     * implementing nodes arrives as node steps); index, enum-widening and metadata steps only change the
     * schema files.
     */
    private record TableEffects(List<TableLayout> creates, List<Rewrite> rewrites, List<Rename> renames,
                                List<VisibleTable> drops, Set<String> hardDropLocations) {

        static TableEffects of(OpenGraph graph, SchemaIr desiredIr, MigrationPlan plan) {
            Map<String, TableLayout> accepted = byTableKey(graph.layouts());
            Map<TableIdentity, TableLayout> acceptedByIdentity = new HashMap<>();
            graph.layouts().forEach(layout -> acceptedByIdentity.put(layout.identity(), layout));
            Map<String, TableLayout> desired = byTableKey(GraphTables.layouts(desiredIr));
            TreeMap<String, TableLayout> creates = new TreeMap<>();
            TreeMap<String, Rewrite> rewrites = new TreeMap<>();
            List<Rename> renames = new ArrayList<>();
            List<VisibleTable> drops = new ArrayList<>();
            Set<String> hardDropLocations = new LinkedHashSet<>();
            for (MigrationStep step : plan.steps()) {
                if (step instanceof MigrationStep.AddType add && add.typeKind() != TypeKind.INTERFACE) {
                    String key = tableKey(add.typeKind(), add.name());
                    creates.put(key, layout(desired, key));
                } else if (step instanceof MigrationStep.RenameType rename && rename.typeKind() != TypeKind.INTERFACE) {
                    VisibleTable source = visible(graph, layout(accepted, tableKey(rename.typeKind(), rename.from())));
                    TableLayout target = layout(desired, tableKey(rename.typeKind(), rename.to()));
                    requireSameLifetime(source, target);
                    renames.add(new Rename(source, target));
                } else if (step instanceof MigrationStep.AddProperty add && add.typeKind() != TypeKind.INTERFACE) {
                    rewrite(graph, acceptedByIdentity, layout(desired, tableKey(add.typeKind(), add.typeName())), rewrites);
                } else if (step instanceof MigrationStep.RenameProperty rename && rename.typeKind() != TypeKind.INTERFACE) {
                    rewrite(graph, acceptedByIdentity, layout(desired, tableKey(rename.typeKind(), rename.typeName())),
                            rewrites);
                } else if (step instanceof MigrationStep.DropProperty drop && drop.typeKind() != TypeKind.INTERFACE) {
                    TableLayout target = layout(desired, tableKey(drop.typeKind(), drop.typeName()));
                    rewrite(graph, acceptedByIdentity, target, rewrites);
                    if (drop.mode() == DropMode.HARD) {
                        hardDropLocations.add(target.relativeLocation());
                    }
                } else if (step instanceof MigrationStep.DropType drop && drop.typeKind() != TypeKind.INTERFACE) {
                    VisibleTable source = visible(graph, layout(accepted, tableKey(drop.typeKind(), drop.name())));
                    drops.add(source);
                    if (drop.mode() == DropMode.HARD) {
                        hardDropLocations.add(source.location());
                    }
                } else if (step instanceof MigrationStep.UnsupportedChange unsupported) {
                    throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, unsupported.message());
                }
            }
            creates.keySet().forEach(rewrites::remove);
            requireEveryColumnChangePlanned(acceptedByIdentity, desired.values(), rewrites);
            return new TableEffects(List.copyOf(creates.values()), List.copyOf(rewrites.values()), renames, drops,
                    hardDropLocations);
        }

        private static void rewrite(OpenGraph graph, Map<TableIdentity, TableLayout> acceptedByIdentity,
                                    TableLayout target, Map<String, Rewrite> rewrites) {
            TableLayout before = acceptedByIdentity.get(target.identity());
            if (before == null) {
                return;
            }
            rewrites.putIfAbsent(target.tableKey(), new Rewrite(visible(graph, before), before, target));
        }

        /**
         * Guards the planner/effect mapping: a table whose physical columns differ between the accepted and
         * the desired schema must be rewritten, or its stored rows would no longer match its layout.
         */
        private static void requireEveryColumnChangePlanned(Map<TableIdentity, TableLayout> acceptedByIdentity,
                                                            Iterable<TableLayout> desired, Map<String, Rewrite> rewrites) {
            for (TableLayout target : desired) {
                TableLayout before = acceptedByIdentity.get(target.identity());
                if (before != null && !rewrites.containsKey(target.tableKey()) && !before.schema().equals(target.schema())) {
                    throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, "schema apply planned no rewrite for "
                            + target.tableKey() + " although its columns change; refusing to apply");
                }
            }
        }

        private static Map<String, TableLayout> byTableKey(List<TableLayout> layouts) {
            Map<String, TableLayout> byKey = new HashMap<>();
            layouts.forEach(layout -> byKey.put(layout.tableKey(), layout));
            return byKey;
        }

        private static TableLayout layout(Map<String, TableLayout> layouts, String tableKey) {
            TableLayout layout = layouts.get(tableKey);
            if (layout == null) {
                throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, "schema apply found no layout for "
                        + tableKey + " named by its plan");
            }
            return layout;
        }

        private static VisibleTable visible(OpenGraph graph, TableLayout layout) {
            VisibleTable table = graph.snapshot().tables().get(layout.identity());
            if (table == null) {
                throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, "the accepted schema has "
                        + layout.tableKey() + " but snapshot " + graph.snapshot().snapshotId() + " publishes no table for it");
            }
            if (table.version().tableBranch().isPresent()) {
                throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, "schema apply expected " + layout.tableKey()
                        + " to be published from main, found table branch " + table.version().tableBranch().get());
            }
            return table;
        }

        private static void requireSameLifetime(VisibleTable source, TableLayout target) {
            if (!source.registration().identity().equals(target.identity())
                    || !source.location().equals(target.relativeLocation())) {
                throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, "renaming " + source.tableKey() + " to "
                        + target.tableKey() + " would change its table identity or location");
            }
        }

        private static String tableKey(TypeKind kind, String typeName) {
            return (kind == TypeKind.NODE ? TableKind.NODE : TableKind.EDGE).tableKey(typeName);
        }
    }

    // ---- preconditions under the gate ------------------------------------------------------------

    /**
     * Every published table must still be exactly at its published version: a head ahead of it holds an
     * unpublished write (an interrupted writer) that a rewrite would silently discard.
     */
    private void verifyTablesAtTheirPins(GraphRoot root, OpenGraph graph) {
        for (VisibleTable table : graph.snapshot().tablesInOrder()) {
            long pinned = table.version().version();
            String branch = table.version().tableBranch().orElse(TableRef.MAIN);
            long head = tables.latestVersion(root.tableLocation(table.location()), branch);
            if (head > pinned) {
                throw new GraphEngineException(GraphErrorKind.CONFLICT, table.tableKey() + " is at table version " + head
                        + ", ahead of its published version " + pinned + " (a write was interrupted before publishing); "
                        + "repair the graph before applying a schema");
            }
            if (head < pinned) {
                throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, table.tableKey() + " is at table version "
                        + head + ", behind its published version " + pinned);
            }
        }
    }

    private void verifyAddedTablesUnclaimed(GraphRoot root, TableEffects effects) {
        for (TableLayout layout : effects.creates()) {
            String location = root.tableLocation(layout.relativeLocation());
            if (tables.exists(location)) {
                throw new GraphEngineException(GraphErrorKind.CONFLICT, "schema apply target table '" + layout.tableKey()
                        + "' has an existing dataset at '" + location + "' but no live manifest entry; refusing to "
                        + "claim unowned physical state — inspect and remove the orphaned dataset before retrying");
            }
        }
    }

    // ---- recovery sidecar ----------------------------------------------------------------------------

    /**
     * Phase A (engine notes §4.3): the SchemaApply sidecar, written after every refusal and before the first
     * durable effect, even for a plan that touches no table (its staged schema files still need an owner). It
     * pins every rewritten table at its published version, names the tables the publish registers (created
     * types, renamed aliases) and tombstones (dropped types), and the target schema's IR hash, so that recovery
     * can finish the apply (publish the same delta under the minted commit id, then promote exactly that staged
     * schema) or undo it (restore the rewritten tables, drop the created ones, discard the staging files).
     */
    private RecoverySidecar arm(GraphRoot root, OpenGraph graph, PlannedApply planned, Optional<String> actor) {
        TableEffects effects = planned.effects();
        List<SidecarTablePin> pins = new ArrayList<>();
        for (Rewrite rewrite : effects.rewrites()) {
            long published = rewrite.source().version().version();
            pins.add(SidecarTablePin.planned(rewrite.source().registration().identity(), rewrite.source().tableKey(),
                    rewrite.source().location(), published, published + 1, Optional.empty()));
        }
        List<SidecarTableRegistration> registrations = new ArrayList<>();
        for (TableLayout created : effects.creates()) {
            registrations.add(new SidecarTableRegistration(created.identity(), created.tableKey(),
                    created.relativeLocation(), Optional.empty()));
        }
        for (Rename rename : effects.renames()) {
            registrations.add(new SidecarTableRegistration(rename.desired().identity(), rename.desired().tableKey(),
                    rename.source().location(), Optional.empty()));
        }
        List<SidecarTombstone> tombstones = new ArrayList<>();
        for (VisibleTable dropped : effects.drops()) {
            tombstones.add(new SidecarTombstone(dropped.registration().identity(), dropped.tableKey(),
                    dropped.version().version() + 1));
        }
        RecoverySidecar sidecar = RecoverySidecar.arm(engine.ids().newUlid(),
                        GraphEngineService.micros(engine.clock().now()), Optional.empty(), actor, WriterKind.SCHEMA_APPLY,
                        engine.ids().newUlid(), engine.ids().newUlid(), new RecoveryAuthority(
                                graph.snapshot().manifestVersion(), graph.snapshot().head().map(GraphCommit::id)), pins)
                .withSchemaChanges(registrations, tombstones)
                .withSchemaTarget(planned.desired().ir().hash());
        engine.recovery().arm(root, sidecar);
        return sidecar;
    }

    // ---- effects -----------------------------------------------------------------------------------

    /** The apply's commit and its sidecar as confirmed (the one to retire once the schema is promoted). */
    private record Published(GraphCommit commit, RecoverySidecar sidecar) {
    }

    /**
     * Phases B and C: table effects, the staged schema files, the sidecar's confirmation, the publish. A
     * failure this process sees before the publish is decided is resolved at once by recovery (which restores
     * the rewritten tables, publishing the restored heads, drops the created ones and discards the staging
     * files), so the graph stays at its published state and the next apply starts clean; a publish that may
     * have landed (an ambiguous storage failure) leaves everything to the next sweep. An injected failpoint is
     * a crash: nothing after it runs.
     */
    private Published applyAndPublish(GraphRoot root, OpenGraph graph, PlannedApply planned, RecoverySidecar armed) {
        RecoverySidecar current = armed;
        boolean publishing = false;
        try {
            Map<String, Long> rewrittenHeads = new LinkedHashMap<>();
            List<ManifestEntry> rows = new ArrayList<>(applyTableEffects(root, graph, planned.effects(), rewrittenHeads));
            rows.addAll(metadataRows(planned.effects()));
            Failpoints.maybeFail(FailpointNames.SCHEMA_APPLY_BEFORE_STAGING_WRITE);
            SchemaStaging.stage(root.files(), planned.desired());
            // staging is part of the confirmation: a confirmed sidecar always finds its schema staged
            current = armed.confirmEffects(rewrittenHeads);
            engine.recovery().rewrite(root, current);
            Failpoints.maybeFail(FailpointNames.SCHEMA_APPLY_AFTER_STAGING_WRITE);
            publishing = true;
            return new Published(publishSchemaCommit(root, graph, rows, current), current);
        } catch (InjectedFailpointException crash) {
            throw crash;
        } catch (RuntimeException failure) {
            if (publishing && !publishRefused(failure)) {
                LOG.error("the schema publish on {} failed in a way that may have landed; tables, staged schema files "
                        + "and the recovery sidecar are left for the next recovery sweep", root.uri(), failure);
                throw failure;
            }
            engine.writes().resolveAfterFailure(root, current, failure);
            throw failure;
        }
    }

    /**
     * The only place schema apply changes tables: creates the added types' tables, then rewrites the
     * changed ones, and returns the manifest rows publishing them; each rewritten table's new head is put in
     * {@code rewrittenHeads} under its pinned (published) table key.
     */
    private List<ManifestEntry> applyTableEffects(GraphRoot root, OpenGraph graph, TableEffects effects,
                                                  Map<String, Long> rewrittenHeads) {
        List<ManifestEntry> rows = new ArrayList<>();
        for (TableLayout layout : effects.creates()) {
            rows.addAll(createTable(root, layout));
            Failpoints.maybeFail(FailpointNames.SCHEMA_APPLY_POST_TABLE_COMMIT);
        }
        for (Rewrite rewrite : effects.rewrites()) {
            PublishedTableVersion rewritten = rewriteTable(root, graph, rewrite);
            rewrittenHeads.put(rewrite.source().tableKey(), rewritten.version());
            rows.add(rewritten);
            Failpoints.maybeFail(FailpointNames.SCHEMA_APPLY_POST_TABLE_COMMIT);
        }
        return rows;
    }

    /** Strict version-1 create of an added type's table at its identity location, and its registration. */
    private List<ManifestEntry> createTable(GraphRoot root, TableLayout layout) {
        String location = root.tableLocation(layout.relativeLocation());
        long version = tables.create(location, layout.schema(), RowBatchBuilder.empty(layout.schema())).version();
        return List.of(new TableRegistration(layout.identity(), layout.tableKey(), layout.relativeLocation()),
                new PublishedTableVersion(layout.identity(), layout.tableKey(), version, Optional.empty(), 0));
    }

    /** One overwrite of the table with every row of its published version in the desired layout. */
    private PublishedTableVersion rewriteTable(GraphRoot root, OpenGraph graph, Rewrite rewrite) {
        String location = root.tableLocation(rewrite.source().location());
        long pinned = rewrite.source().version().version();
        ColumnarBatch rows = carryRows(graph.readRef(rewrite.source()), rewrite);
        WriteOutcome outcome = tables.overwrite(WriteTarget.expecting(location, TableRef.MAIN, pinned), rows);
        return new PublishedTableVersion(rewrite.identity(), rewrite.desired().tableKey(), outcome.version(),
                Optional.empty(), rows.rowCount());
    }

    /**
     * Every row of the source version in the desired layout: {@code id}/{@code src}/{@code dst} by name,
     * property columns by stable property id (a renamed property keeps its values), added properties as
     * nulls; dropped properties are left behind.
     */
    private ColumnarBatch carryRows(TableRef source, Rewrite rewrite) {
        TableSchema stored = tables.schema(source);
        Map<Long, String> storedByPropertyId = new HashMap<>();
        for (ColumnSpec column : stored.columns()) {
            String propertyId = column.metadata().get(GraphTables.STABLE_PROPERTY_ID);
            if (propertyId != null) {
                storedByPropertyId.put(Long.parseLong(propertyId), column.name());
            }
        }
        for (PropertyIr property : rewrite.accepted().properties()) {
            if (stored.indexOf(property.name()) >= 0) {
                storedByPropertyId.putIfAbsent(property.propertyId(), property.name());
            }
        }
        TableSchema target = rewrite.desired().schema();
        String[] sourceColumns = new String[target.columns().size()];
        for (int i = 0; i < sourceColumns.length; i++) {
            ColumnSpec column = target.columns().get(i);
            String propertyId = column.metadata().get(GraphTables.STABLE_PROPERTY_ID);
            String from = propertyId == null ? column.name() : storedByPropertyId.get(Long.parseLong(propertyId));
            sourceColumns[i] = from != null && stored.indexOf(from) >= 0 ? from : null;
        }
        List<String> projection = Arrays.stream(sourceColumns).filter(Objects::nonNull).distinct().toList();
        RowBatchBuilder rows = new RowBatchBuilder(target);
        try (ScanCursor cursor = tables.scan(source, ScanRequest.everything().project(projection))) {
            while (cursor.hasNext()) {
                ColumnarBatch batch = cursor.next();
                ColumnVector[] vectors = new ColumnVector[sourceColumns.length];
                for (int i = 0; i < sourceColumns.length; i++) {
                    vectors[i] = sourceColumns[i] == null ? null : batch.column(sourceColumns[i]);
                }
                for (int row = 0; row < batch.rowCount(); row++) {
                    Object[] values = new Object[vectors.length];
                    for (int i = 0; i < vectors.length; i++) {
                        values[i] = vectors[i] == null ? null : vectors[i].get(row);
                    }
                    rows.addRow(values);
                }
            }
        }
        return rows.build();
    }

    /** Registrations of renamed types (same lifetime and location, new alias) and tombstones of dropped ones. */
    private static List<ManifestEntry> metadataRows(TableEffects effects) {
        List<ManifestEntry> rows = new ArrayList<>();
        for (Rename rename : effects.renames()) {
            rows.add(new TableRegistration(rename.desired().identity(), rename.desired().tableKey(),
                    rename.source().location()));
        }
        for (VisibleTable dropped : effects.drops()) {
            rows.add(new TableTombstone(dropped.registration().identity(), dropped.tableKey(),
                    dropped.version().version() + 1));
        }
        return rows;
    }

    /**
     * The one graph commit of the apply, under the commit id and time the sidecar minted, published only if
     * main's head is still the one the plan was made on (another process writing meanwhile makes this apply
     * fail, and recovery undo it).
     */
    private GraphCommit publishSchemaCommit(GraphRoot root, OpenGraph graph, List<ManifestEntry> rows,
                                            RecoverySidecar sidecar) {
        try {
            return engine.publishAs(root, TableRef.MAIN, rows, sidecar.graphCommitId(), sidecar.actorId(),
                    sidecar.startedAtMicros(), graph.snapshot().head().map(GraphCommit::id));
        } catch (GraphEngineException refused) {
            if (refused.kind() == GraphErrorKind.PRECONDITION_FAILED) {
                throw new GraphEngineException(GraphErrorKind.CONFLICT, "main moved while the schema apply was in "
                        + "progress (another process wrote to the graph); nothing was applied, retry", refused);
            }
            throw refused;
        }
    }

    /** Whether a failure of the publish certainly left the manifest unchanged. */
    private static boolean publishRefused(RuntimeException failure) {
        return failure instanceof GraphEngineException engineFailure
                && (engineFailure.kind() == GraphErrorKind.CONFLICT
                || engineFailure.kind() == GraphErrorKind.PRECONDITION_FAILED);
    }

    // ---- schema files ------------------------------------------------------------------------------

    /**
     * Makes the published schema the accepted one: writes the final files from this apply's own contract
     * (never from whatever the staging names hold now), then removes the staging files that are still
     * this apply's.
     */
    private static void promoteSchemaFiles(GraphRoot root, SchemaContract desired, GraphCommit commit) {
        try {
            desired.write(root.files());
            SchemaStaging.discardOwn(root.files(), desired);
        } catch (RuntimeException promoteFailed) {
            throw new GraphEngineException(GraphErrorKind.RECOVERY_REQUIRED, "the schema change was published as commit "
                    + commit.id() + " but its schema files could not be promoted (" + promoteFailed.getMessage()
                    + "); the staged files " + SchemaStaging.SOURCE + ", " + SchemaStaging.IR + " and "
                    + SchemaStaging.STATE + " hold the published schema and the next recovery sweep promotes them",
                    promoteFailed);
        }
    }

    // ---- hard drops --------------------------------------------------------------------------------

    /**
     * Hard drops reclaim every version of the affected tables older than the one now published (a dropped
     * type's table keeps its last version; its folder stays until an orphan cleanup). Best-effort: the
     * apply is already durable, so a failure is logged and left to {@code cleanup}.
     */
    private void reclaimHardDrops(GraphRoot root, TableEffects effects, GraphCommit commit) {
        if (effects.hardDropLocations().isEmpty()) {
            return;
        }
        if (!tables.capabilities().contains(TableStorage.Capability.CLEANUP)) {
            LOG.warn("hard drops of commit {} were published, but this table storage cannot reclaim old versions",
                    commit.id());
            return;
        }
        for (String relativeLocation : effects.hardDropLocations()) {
            String location = root.tableLocation(relativeLocation);
            try {
                long keepFrom = tables.latestVersion(location, TableRef.MAIN);
                long removed = tables.cleanup(location, keepFrom).versionsRemoved();
                LOG.info("hard drop of commit {} reclaimed {} old version(s) of {}", commit.id(), removed, location);
            } catch (TableStorageException cleanupFailed) {
                LOG.warn("hard drop of commit {} could not reclaim old versions of {}; run cleanup", commit.id(), location,
                        cleanupFailed);
            }
        }
    }

    private static <T> T translatingStorageFailures(Supplier<T> work) {
        try {
            return work.get();
        } catch (TableStorageException storageFailure) {
            throw new GraphEngineException(GraphErrorKind.STORAGE, "storage failed: " + storageFailure.getMessage(),
                    storageFailure);
        }
    }
}
