package dev.omnigraph.application.engine;

import dev.omnigraph.application.query.ParamBinder;
import dev.omnigraph.application.query.QueryExecutionException;
import dev.omnigraph.application.query.QueryExecutor;
import dev.omnigraph.application.query.UnsupportedQueryFeatureException;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.QueryCompiler;
import dev.omnigraph.domain.query.plan.QueryPlan;
import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.ports.in.QueryGraphCommand;
import dev.omnigraph.ports.in.QueryGraphResult;
import dev.omnigraph.ports.in.QueryGraphUseCase;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.table.TableStorage;

/** Compiles a read query against the snapshot's accepted schema and runs it on that snapshot alone. */
public final class QueryService implements QueryGraphUseCase {

    private final GraphEngineService engine;
    private final TableStorage storage;
    private final JsonDecoder json;
    private final QueryExecutor executor;

    public QueryService(GraphEngineService engine, TableStorage storage, JsonDecoder json, QueryExecutor executor) {
        this.engine = engine;
        this.storage = storage;
        this.json = json;
        this.executor = executor;
    }

    @Override
    public QueryGraphResult queryGraph(QueryGraphCommand command) {
        OpenGraph graph = command.snapshotId().isPresent()
                ? engine.openSnapshot(command.graphUri(), GraphEngineService.parseSnapshot(command.snapshotId().get()))
                : engine.open(command.graphUri(), command.branch());
        SourceFile source = new SourceFile(command.sourceName(), command.querySource());
        String name = command.queryName().orElseGet(() -> QuerySources.onlyQuery(source));
        QueryPlan plan = QueryCompiler.compile(graph.catalog(), source, name);
        if (!(plan instanceof QueryPlan.Read read)) {
            throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, "'" + name + "' is a mutation — use omnigraph mutate " + name);
        }
        JsonValue params = QuerySources.params(json, command.paramsJson());
        QueryResult result;
        try {
            result = GraphEngineService.readingSnapshot(graph, () -> executor.execute(new SnapshotGraphReader(graph, storage),
                    read.plan(), ParamBinder.bind(read.plan(), params)));
        } catch (UnsupportedQueryFeatureException unsupported) {
            throw new GraphEngineException(GraphErrorKind.NOT_SUPPORTED, "[" + unsupported.code() + "] " + unsupported.getMessage(), unsupported);
        } catch (QueryExecutionException invalid) {
            throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, "[" + invalid.code() + "] " + invalid.getMessage(), invalid);
        }
        return new QueryGraphResult(name, graph.snapshot().snapshotId(), graph.snapshot().head().map(GraphCommit::id), result);
    }
}
