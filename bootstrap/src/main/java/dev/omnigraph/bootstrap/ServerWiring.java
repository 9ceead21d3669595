package dev.omnigraph.bootstrap;

import dev.omnigraph.adapters.policy.PolicyEngines;
import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.cluster.ServingSnapshotService;
import dev.omnigraph.application.engine.BranchService;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.MutationService;
import dev.omnigraph.application.engine.QueryService;
import dev.omnigraph.application.query.AdjacencyCache;
import dev.omnigraph.application.query.MutationExecutor;
import dev.omnigraph.application.query.QueryExecutor;
import dev.omnigraph.application.serving.ClusterServerBoot;
import dev.omnigraph.application.serving.ClusterServingService;
import dev.omnigraph.domain.graph.recovery.SweepMode;
import dev.omnigraph.ports.out.table.TableStorage;

/**
 * The composition root of the server: the engine on Lance and the object stores, the serving snapshot
 * reader, Cedar, and the boot that puts them together. Plain constructor wiring; Micronaut is started by
 * the HTTP adapter around the finished use case only.
 */
final class ServerWiring implements AutoCloseable {

    private final TableStorage tables;
    private final ClusterServerBoot boot;

    ServerWiring() {
        this.tables = TableStorages.lance(LanceProperties.defaults());
        // Boot runs each graph's full recovery sweep once (ClusterServerBoot); afterwards writers only roll
        // forward what they find, as in the reference's server (engine notes §8, heal-first rule).
        GraphEngineService engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(),
                SystemServices.clock(), SystemServices.ids(), SweepMode.ROLL_FORWARD_ONLY);
        QueryService queries = new QueryService(engine, tables, Codecs.json(),
                new QueryExecutor(new AdjacencyCache(), () -> SystemServices.clock().now()));
        MutationService mutations = new MutationService(engine, Codecs.json(),
                new MutationExecutor(() -> SystemServices.clock().now()));
        ClusterServingService.Engines engines = new ClusterServingService.Engines(engine, queries, mutations, engine,
                engine, new BranchService(engine));
        this.boot = new ClusterServerBoot(new ServingSnapshotService(ObjectStores.locator(), Codecs.yaml(), Codecs.json()),
                Codecs.yaml(), PolicyEngines.cedar(), engines);
    }

    ClusterServerBoot boot() {
        return boot;
    }

    @Override
    public void close() throws Exception {
        tables.close();
    }
}
