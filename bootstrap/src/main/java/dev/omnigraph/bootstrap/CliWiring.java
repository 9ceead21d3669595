package dev.omnigraph.bootstrap;

import dev.omnigraph.adapters.cli.CliServices;
import dev.omnigraph.adapters.policy.PolicyEngines;
import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.cluster.ClusterService;
import dev.omnigraph.application.cluster.ServingSnapshotService;
import dev.omnigraph.application.serving.PolicyInspectionService;
import dev.omnigraph.application.serving.StoredQueryInspectionService;
import dev.omnigraph.application.engine.BranchService;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.MaintenanceService;
import dev.omnigraph.application.engine.MutationService;
import dev.omnigraph.application.engine.QueryService;
import dev.omnigraph.application.engine.SchemaApplyService;
import dev.omnigraph.application.query.AdjacencyCache;
import dev.omnigraph.application.query.MutationExecutor;
import dev.omnigraph.application.query.QueryExecutor;
import dev.omnigraph.application.language.LanguageService;
import dev.omnigraph.ports.out.PolicyEngine;
import dev.omnigraph.ports.out.table.TableStorage;

/**
 * The composition root of the command line: plain constructor wiring (no DI container), so that a CLI
 * invocation starts in a fraction of a second.
 */
final class CliWiring {

    private CliWiring() {}

    static CliServices services() {
        TableStorage tables = Deferred.of(TableStorage.class, () -> TableStorages.lance(LanceProperties.defaults()));
        GraphEngineService engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(),
                SystemServices.clock(), SystemServices.ids());
        LanguageService language = new LanguageService(engine, SystemServices.ids());
        QueryService queries = new QueryService(engine, tables, Codecs.json(),
                new QueryExecutor(new AdjacencyCache(), () -> SystemServices.clock().now()));
        MutationService mutations = new MutationService(engine, Codecs.json(),
                new MutationExecutor(() -> SystemServices.clock().now()));
        SchemaApplyService schemaApply = new SchemaApplyService(engine);
        ClusterService cluster = new ClusterService(ObjectStores.locator(), Codecs.yaml(), Codecs.json(),
                SystemServices.clock(), SystemServices.ids(), engine, engine, language, schemaApply, tables);
        MaintenanceService maintenance = new MaintenanceService(engine);
        ServingSnapshotService servingSnapshots = new ServingSnapshotService(ObjectStores.locator(), Codecs.yaml(),
                Codecs.json());
        return new CliServices(engine, engine, engine, engine, language, language, language, queries, mutations,
                new BranchService(engine), schemaApply, cluster, maintenance, maintenance, maintenance, servingSnapshots,
                new StoredQueryInspectionService(servingSnapshots, engine),
                new PolicyInspectionService(servingSnapshots, Codecs.yaml(),
                        Deferred.of(PolicyEngine.class, PolicyEngines::cedar)));
    }
}
