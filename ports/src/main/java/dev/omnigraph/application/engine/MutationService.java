package dev.omnigraph.application.engine;

import dev.omnigraph.application.query.MutationEffect;
import dev.omnigraph.application.query.MutationExecutor;
import dev.omnigraph.application.query.ParamBinder;
import dev.omnigraph.application.query.QueryExecutionException;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.SnapshotId;
import dev.omnigraph.domain.graph.load.GraphRecord;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.graph.recovery.WriterKind;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.QueryCompiler;
import dev.omnigraph.domain.query.plan.MutationOp;
import dev.omnigraph.domain.query.plan.MutationPlan;
import dev.omnigraph.domain.query.plan.MutationRejectedException;
import dev.omnigraph.domain.query.plan.MutationRules;
import dev.omnigraph.domain.query.plan.QueryPlan;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.MutateGraphResult;
import dev.omnigraph.ports.in.MutateGraphUseCase;
import dev.omnigraph.ports.out.JsonDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs mutation queries (engine notes §3, §6.6): the whole query is planned against the branch's latest
 * snapshot (read-your-writes between its statements), validated exactly like loaded data, written and
 * published as one commit attributed to the actor; a mutation that changes nothing publishes nothing. A
 * conditional mutation ({@code expectedHead}) has no effect unless the branch head is still that commit.
 */
public final class MutationService implements MutateGraphUseCase {

    private final GraphEngineService engine;
    private final JsonDecoder json;
    private final MutationExecutor executor;

    public MutationService(GraphEngineService engine, JsonDecoder json, MutationExecutor executor) {
        this.engine = engine;
        this.json = json;
        this.executor = executor;
    }

    @Override
    public MutateGraphResult mutateGraph(MutateGraphCommand command) {
        GraphRoot root = engine.root(command.graphUri());
        return engine.underWriterGate(root, () -> StaleWriteException.replaying(true,
                replaysLeft -> mutateOnce(root, command, replaysLeft)));
    }

    /**
     * Whether the mutation only inserts: such a mutation may be prepared again on a moved head and keep its
     * meaning; an update or delete computed from rows that changed would not (the reference replays exactly
     * these, engine notes §6.6).
     */
    private static boolean insertOnly(MutationPlan plan) {
        return plan.operations().stream()
                .allMatch(op -> op instanceof MutationOp.InsertNode || op instanceof MutationOp.InsertEdge);
    }

    private MutateGraphResult mutateOnce(GraphRoot root, MutateGraphCommand command, boolean replaysLeft) {
        engine.latestManifestVersion(root, command.branch());
        engine.writes().heal(root);
        OpenGraph graph = engine.openAt(root, command.branch(), engine.latestManifestVersion(root, command.branch()));
        Optional<String> head = graph.snapshot().head().map(GraphCommit::id);
        if (command.expectedHead().isPresent() && !command.expectedHead().equals(head)) {
            throw new GraphEngineException(GraphErrorKind.PRECONDITION_FAILED, "branch '" + command.branch() + "' head is "
                    + head.orElse("(none)") + ", expected " + command.expectedHead().get());
        }
        SourceFile source = new SourceFile(command.sourceName(), command.querySource());
        String name = command.queryName().orElseGet(() -> QuerySources.onlyQuery(source));
        QueryPlan compiled = QueryCompiler.compile(graph.catalog(), source, name);
        if (!(compiled instanceof QueryPlan.Write write)) {
            throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, "'" + name + "' is a read query — use omnigraph query " + name);
        }
        MutationPlan plan = write.plan();
        MutationEffect effect = plan(graph, plan, command.paramsJson());
        if (effect.isEmpty()) {
            return new MutateGraphResult(name, command.branch(), effect.affectedNodes(), effect.affectedEdges(),
                    Optional.empty(), graph.snapshot().snapshotId());
        }
        GraphCommit commit = engine.writes().commit(root, graph, WriterKind.MUTATION, command.actor(),
                command.expectedHead(), replaysLeft && insertOnly(plan), tableWrites(graph, effect), ProgressListener.NONE);
        return new MutateGraphResult(name, command.branch(), effect.affectedNodes(), effect.affectedEdges(),
                Optional.of(commit.id()), SnapshotId.of(command.branch(), commit.manifestVersion()).toString());
    }

    private MutationEffect plan(OpenGraph graph, MutationPlan plan, String paramsJson) {
        try {
            MutationRules.enforce(plan, graph.catalog());
            Map<String, Object> params = ParamBinder.bind(plan.parameters(), QuerySources.params(json, paramsJson));
            return executor.plan(new SnapshotGraphReader(graph, engine.tables()), plan, params);
        } catch (MutationRejectedException rejected) {
            throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, rejected.getMessage(), rejected);
        } catch (QueryExecutionException invalid) {
            throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, "[" + invalid.code() + "] " + invalid.getMessage(), invalid);
        }
    }

    /** Validates the effect and turns it into table writes; constructive and destructive effects never mix. */
    private List<TableWrites.TableWrite> tableWrites(OpenGraph graph, MutationEffect effect) {
        GraphLoader loader = engine.loader();
        if (!effect.upserts().isEmpty()) {
            List<GraphRecord> records = loader.decodeEnvelopes(graph, effect.upserts());
            GraphLoader.Staged staged = loader.stageRecords(graph, records, LoadMode.MERGE, ProgressListener.NONE);
            return loader.tableWrites(graph, staged, LoadMode.MERGE);
        }
        List<TableWrites.TableWrite> deletes = new ArrayList<>();
        for (Map.Entry<String, Set<String>> table : effect.deletions().entrySet()) {
            if (!table.getValue().isEmpty()) {
                deletes.add(new TableWrites.TableWrite.DeleteIds(table.getKey(), table.getValue()));
            }
        }
        return deletes;
    }
}
