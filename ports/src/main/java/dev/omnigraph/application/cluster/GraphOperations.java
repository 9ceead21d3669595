package dev.omnigraph.application.cluster;

import dev.omnigraph.domain.cluster.Sha256;
import dev.omnigraph.domain.cluster.drift.LiveGraph;
import dev.omnigraph.domain.cluster.recovery.GraphRootObservation;
import dev.omnigraph.domain.schema.migration.MigrationPlan;
import dev.omnigraph.ports.in.ApplySchemaCommand;
import dev.omnigraph.ports.in.ApplySchemaResult;
import dev.omnigraph.ports.in.ApplySchemaUseCase;
import dev.omnigraph.ports.in.DescribeGraphUseCase;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.InitGraphUseCase;
import dev.omnigraph.ports.in.PlanSchemaCommand;
import dev.omnigraph.ports.in.PlanSchemaUseCase;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.table.TableStorage;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The graph engine as the control plane drives it: create a graph from its schema, observe a graph root
 * read-only on {@code main} (manifest version and the digest of the live schema source), preview and apply
 * a soft schema migration, and delete a graph root (every table dropped, then every remaining object).
 */
final class GraphOperations {

    private static final String MAIN = "main";

    private final InitGraphUseCase init;
    private final DescribeGraphUseCase describe;
    private final PlanSchemaUseCase planSchema;
    private final ApplySchemaUseCase applySchema;
    private final TableStorage tables;

    GraphOperations(InitGraphUseCase init, DescribeGraphUseCase describe, PlanSchemaUseCase planSchema,
                    ApplySchemaUseCase applySchema, TableStorage tables) {
        this.init = init;
        this.describe = describe;
        this.planSchema = planSchema;
        this.applySchema = applySchema;
        this.tables = tables;
    }

    void create(String graphUri, String schemaName, String schemaSource, Optional<String> actor) {
        init.initGraph(new InitGraphCommand(graphUri, schemaName, schemaSource, actor));
    }

    /** The main branch's manifest version; throws when the graph does not open. */
    long manifestVersion(String graphUri) {
        return describe.snapshot(new SnapshotQuery(graphUri, MAIN)).manifestVersion();
    }

    /** Best effort: the manifest version, or empty when the graph does not open. */
    OptionalLong tryManifestVersion(String graphUri) {
        try {
            return OptionalLong.of(manifestVersion(graphUri));
        } catch (RuntimeException unopenable) {
            return OptionalLong.empty();
        }
    }

    /** What the sweep needs to know about a sidecar's graph root. */
    GraphRootObservation observeRoot(ClusterStore store, String graphId) {
        LiveGraph live = observeLive(store, graphId);
        if (live instanceof LiveGraph.Missing) {
            return new GraphRootObservation.Absent();
        }
        if (live instanceof LiveGraph.ObservationFailed failed) {
            return new GraphRootObservation.Unopenable(failed.error());
        }
        return new GraphRootObservation.Opened(((LiveGraph.Observed) live).schemaDigest());
    }

    /** A declared graph's root as refresh and import observe it. */
    LiveGraph observeLive(ClusterStore store, String graphId) {
        try {
            if (!store.graphRootExists(graphId)) {
                return new LiveGraph.Missing();
            }
            long version = manifestVersion(store.graphUri(graphId));
            Optional<byte[]> schema = store.graphSchemaSource(graphId);
            if (schema.isEmpty()) {
                return new LiveGraph.ObservationFailed("the graph root has no _schema.pg");
            }
            return new LiveGraph.Observed(version, Sha256.hex(schema.get()));
        } catch (RuntimeException unopenable) {
            return new LiveGraph.ObservationFailed(messageOf(unopenable));
        }
    }

    /** The migration from the graph's accepted schema to {@code source}, unsupported steps included. */
    MigrationPlan previewMigration(String graphUri, String schemaPath, String source) {
        return planSchema.planSchema(new PlanSchemaCommand(Optional.empty(), Optional.empty(), Optional.of(graphUri),
                schemaPath, source, false)).plan();
    }

    /** Runs the apply's planning path, refusals included, writing nothing. */
    ApplySchemaResult previewApply(String graphUri, String schemaName, String source, Optional<String> actor) {
        return applySchema.previewSchemaApply(new ApplySchemaCommand(graphUri, schemaName, source, false, actor));
    }

    /** A soft migration (drops keep old versions readable) attributed to {@code actor}. */
    ApplySchemaResult apply(String graphUri, String schemaName, String source, Optional<String> actor) {
        return applySchema.applySchema(new ApplySchemaCommand(graphUri, schemaName, source, false, actor));
    }

    /**
     * Removes a graph root: drops every table found under it (the manifest and each node and edge table,
     * which also forgets any handle the table storage cached), then deletes the root folder with whatever
     * remains in it (on local disk no empty folder is left behind).
     * Idempotent: a missing root deletes nothing.
     */
    void delete(ClusterStore store, String graphId) {
        String prefix = ClusterStore.graphPrefix(graphId);
        Set<String> tableFolders = new LinkedHashSet<>();
        for (ObjectKey key : store.graphRootKeys(graphId)) {
            String[] segments = key.value().substring(prefix.length()).split("/");
            if (segments.length > 1 && segments[0].equals("__manifest")) {
                tableFolders.add(segments[0]);
            } else if (segments.length > 2 && (segments[0].equals("nodes") || segments[0].equals("edges"))) {
                tableFolders.add(segments[0] + "/" + segments[1]);
            }
        }
        String graphUri = store.graphUri(graphId);
        for (String folder : tableFolders) {
            tables.drop(graphUri + "/" + folder);
        }
        store.deleteGraphRoot(graphId);
    }

    static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
