package dev.omnigraph.application.serving;

import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.OpenGraph;
import dev.omnigraph.application.engine.GraphTables.TableLayout;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.TableKind;
import dev.omnigraph.domain.lang.DiagnosticException;
import dev.omnigraph.domain.policy.PolicyAction;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ApiErrorCode;
import dev.omnigraph.domain.serving.ApiErrors;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.domain.serving.ServedGraphIds;
import dev.omnigraph.domain.serving.ServingException;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.ExportGraphCommand;
import dev.omnigraph.ports.in.ExportGraphUseCase;
import dev.omnigraph.ports.in.InvokeStoredQueryCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphResult;
import dev.omnigraph.ports.in.LoadGraphUseCase;
import dev.omnigraph.ports.in.ManageBranchesUseCase;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.MutateGraphResult;
import dev.omnigraph.ports.in.MutateGraphUseCase;
import dev.omnigraph.ports.in.QueryGraphCommand;
import dev.omnigraph.ports.in.QueryGraphResult;
import dev.omnigraph.ports.in.QueryGraphUseCase;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import dev.omnigraph.ports.in.ServedBranchCreateCommand;
import dev.omnigraph.ports.in.ServedBranchListResult;
import dev.omnigraph.ports.in.ServedBranchResult;
import dev.omnigraph.ports.in.ServedChangeResult;
import dev.omnigraph.ports.in.ServedCommitListResult;
import dev.omnigraph.ports.in.ServedExportCommand;
import dev.omnigraph.ports.in.ServedGraphListResult;
import dev.omnigraph.ports.in.ServedLoadCommand;
import dev.omnigraph.ports.in.ServedLoadResult;
import dev.omnigraph.ports.in.ServedMutateCommand;
import dev.omnigraph.ports.in.ServedReadCommand;
import dev.omnigraph.ports.in.ServedReadResult;
import dev.omnigraph.ports.in.ServedSchemaApplyCommand;
import dev.omnigraph.ports.in.ServedSchemaApplyResult;
import dev.omnigraph.ports.in.ServedSchemaResult;
import dev.omnigraph.ports.in.ServedSnapshotQuery;
import dev.omnigraph.ports.in.ServedSnapshotResult;
import dev.omnigraph.ports.in.StoredQueryCatalogResult;
import dev.omnigraph.ports.in.StoredQueryInvocationResult;
import dev.omnigraph.ports.out.table.TableStorageException;
import dev.omnigraph.domain.query.descriptor.StoredQueryDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served surface of a cluster's applied revision (the one implementation behind HTTP and gRPC). Each
 * operation resolves the graph (unknown and quarantined graphs are the same 404), authorizes through the
 * {@link AccessGate} with the action and branches of the reference's request-shape table (cluster-server
 * notes §9.2), admits writes per actor, runs the engine use case and reports its failures as API errors.
 * The served set is fixed at boot (no reload).
 */
public final class ClusterServingService implements ServeGraphsUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterServingService.class);
    private static final String MAIN = "main";
    static final String SCHEMA_APPLY_DISABLED = "server-side schema apply is disabled for cluster-backed serving; "
            + "update the cluster config, run `omnigraph cluster apply`, and restart the server.";

    /** The engine use cases the served surface drives. */
    public record Engines(GraphEngineService engine, QueryGraphUseCase queries, MutateGraphUseCase mutations,
                          LoadGraphUseCase loads, ExportGraphUseCase exports, ManageBranchesUseCase branches) {}

    private final Map<String, ServedGraph> graphs;
    private final CallerAuthentication authentication;
    private final AccessGate access;
    private final AdmissionControl admission;
    private final Engines engines;

    public ClusterServingService(List<ServedGraph> servedGraphs, CallerAuthentication authentication, AccessGate access,
                              AdmissionControl admission, Engines engines) {
        Map<String, ServedGraph> byId = new TreeMap<>();
        for (ServedGraph graph : servedGraphs) {
            if (byId.put(graph.graphId(), graph) != null) {
                throw new IllegalArgumentException("graph '" + graph.graphId() + "' is served twice");
            }
        }
        this.graphs = Collections.unmodifiableMap(byId);
        this.authentication = authentication;
        this.access = access;
        this.admission = admission;
        this.engines = engines;
    }

    /** The served graphs by id (quarantined graphs are not among them). */
    public Map<String, ServedGraph> graphs() {
        return graphs;
    }

    @Override
    public boolean requiresBearerAuth() {
        return authentication.required();
    }

    @Override
    public Caller authenticate(Optional<String> authorizationHeader) {
        return authentication.authenticate(authorizationHeader);
    }

    @Override
    public ServedGraphListResult listGraphs(Caller caller) {
        access.checkServer(caller, PolicyAction.GRAPH_LIST);
        return new ServedGraphListResult(graphs.values().stream()
                .map(graph -> new ServedGraphListResult.Graph(graph.graphId(), graph.uri())).toList());
    }

    @Override
    public ServedSnapshotResult snapshot(Caller caller, ServedSnapshotQuery query) {
        ServedGraph graph = graph(query.graphId());
        String branch = query.branch().orElse(MAIN);
        access.checkGraph(caller, graph.graphId(), PolicyAction.READ, Optional.of(branch), Optional.empty());
        return engineCall(() -> {
            OpenGraph open = engines.engine().open(graph.uri(), branch);
            List<ServedSnapshotResult.Dataset> datasets = new ArrayList<>();
            for (TableLayout layout : open.layouts()) {
                Optional<VisibleTable> visible = open.visible(layout.tableKey());
                visible.ifPresent(table -> datasets.add(new ServedSnapshotResult.Dataset(layout.typeName(),
                        layout.kind() == TableKind.NODE ? "node" : "edge", table.location(),
                        table.version().version(), table.version().rowCount(), table.version().tableBranch())));
            }
            return new ServedSnapshotResult(open.snapshot().branch(), open.snapshot().manifestVersion(),
                    GraphEngineService.INTERNAL_SCHEMA_VERSION, datasets);
        });
    }

    @Override
    public ServedReadResult read(Caller caller, ServedReadCommand command) {
        ServedGraph graph = graph(command.graphId());
        return runRead(caller, graph, command.querySource(), "query", command.queryName(), command.paramsJson(),
                command.branch(), command.snapshot());
    }

    @Override
    public ServedChangeResult mutate(Caller caller, ServedMutateCommand command) {
        ServedGraph graph = graph(command.graphId());
        return runChange(caller, graph, command.querySource(), "mutation", command.queryName(), command.paramsJson(),
                command.branch().orElse(MAIN), command.expectedHead());
    }

    @Override
    public StoredQueryCatalogResult listStoredQueries(Caller caller, String graphId) {
        ServedGraph graph = graph(graphId);
        access.checkGraph(caller, graph.graphId(), PolicyAction.READ, Optional.of(MAIN), Optional.empty());
        return new StoredQueryCatalogResult(graph.storedQueries().values().stream()
                .map(stored -> catalogEntry(stored.describe())).toList());
    }

    @Override
    public StoredQueryInvocationResult invokeStoredQuery(Caller caller, InvokeStoredQueryCommand command) {
        ServedGraph graph = graph(command.graphId());
        Optional<StoredQuery> found = graph.storedQuery(command.name());
        // A denial reads exactly like an unknown name, so callers cannot probe the catalog.
        if (found.isEmpty() || !access.allowsInvoke(caller, graph.graphId())) {
            throw new ServingException(ApiError.storedQueryNotFound(command.name()));
        }
        StoredQuery stored = found.get();
        if (command.expectMutation().isPresent() && command.expectMutation().get() != stored.isMutation()) {
            throw new ServingException(ApiError.badRequest(stored.isMutation()
                    ? "'" + stored.name() + "' is a mutation — use omnigraph mutate " + stored.name()
                    : "'" + stored.name() + "' is a read query — use omnigraph query " + stored.name()));
        }
        if (stored.isMutation()) {
            if (command.snapshot().isPresent()) {
                throw new ServingException(ApiError.badRequest("stored mutation '" + stored.name()
                        + "' cannot run against a snapshot; mutations write to a branch"));
            }
            return runChange(caller, graph, stored.source(), stored.sourceName(), Optional.of(stored.name()),
                    command.paramsJson(), command.branch().orElse(MAIN), command.expectedHead());
        }
        if (command.expectedHead().isPresent()) {
            throw new ServingException(ApiError.badRequest("stored query '" + stored.name()
                    + "' is a read; the if-graph-commit route only runs mutations"));
        }
        return runRead(caller, graph, stored.source(), stored.sourceName(), Optional.of(stored.name()),
                command.paramsJson(), command.branch(), command.snapshot());
    }

    @Override
    public ServedSchemaResult schema(Caller caller, String graphId) {
        ServedGraph graph = graph(graphId);
        access.checkGraph(caller, graph.graphId(), PolicyAction.READ, Optional.empty(), Optional.empty());
        return engineCall(() -> new ServedSchemaResult(engines.engine().open(graph.uri(), MAIN).schema().source()));
    }

    @Override
    public ServedSchemaApplyResult applySchema(Caller caller, ServedSchemaApplyCommand command) {
        ServedGraph graph = graph(command.graphId());
        access.checkGraph(caller, graph.graphId(), PolicyAction.SCHEMA_APPLY, Optional.empty(), Optional.of(MAIN));
        throw new ServingException(ApiError.conflict(SCHEMA_APPLY_DISABLED));
    }

    @Override
    public ServedLoadResult load(Caller caller, ServedLoadCommand command) {
        ServedGraph graph = graph(command.graphId());
        String branch = command.branch().orElse(MAIN);
        boolean createsBranch = command.from().isPresent() && !branchExists(graph, branch);
        if (createsBranch) {
            access.checkGraph(caller, graph.graphId(), PolicyAction.BRANCH_CREATE, command.from(), Optional.of(branch));
        }
        access.checkGraph(caller, graph.graphId(), PolicyAction.CHANGE, Optional.of(branch), Optional.empty());
        try (AdmissionControl.Slot slot = admission.admit(caller, command.jsonl().getBytes(StandardCharsets.UTF_8).length)) {
            return engineCall(() -> {
                if (createsBranch) {
                    engines.branches().createBranch(graph.uri(), branch, command.from().get(), caller.actor());
                }
                LoadGraphResult loaded = engines.loads().loadGraph(new LoadGraphCommand(graph.uri(), branch,
                        command.mode(), "request body", command.jsonl(), caller.actor()),
                        LoadGraphUseCase.ProgressListener.NONE);
                List<ServedLoadResult.TypeCount> nodes = counts(loaded.nodesLoaded());
                List<ServedLoadResult.TypeCount> edges = counts(loaded.edgesLoaded());
                long total = nodes.stream().mapToLong(ServedLoadResult.TypeCount::entitiesLoaded).sum()
                        + edges.stream().mapToLong(ServedLoadResult.TypeCount::entitiesLoaded).sum();
                return new ServedLoadResult(graph.uri(), branch, command.from(),
                        createsBranch, command.mode(), nodes, edges, total, caller.actor(),
                        loaded.commitId().map(id -> commitOn(graph, branch, id)));
            });
        }
    }

    @Override
    public void export(Caller caller, ServedExportCommand command, ExportGraphUseCase.LineSink sink) {
        ServedGraph graph = graph(command.graphId());
        String branch = command.branch().orElse(MAIN);
        access.checkGraph(caller, graph.graphId(), PolicyAction.EXPORT, Optional.of(branch), Optional.empty());
        engineCall(() -> engines.exports().exportGraph(
                new ExportGraphCommand(graph.uri(), branch, Optional.empty(), command.typeNames()), sink));
    }

    @Override
    public ServedBranchListResult listBranches(Caller caller, String graphId) {
        ServedGraph graph = graph(graphId);
        access.checkGraph(caller, graph.graphId(), PolicyAction.READ, Optional.empty(), Optional.empty());
        return engineCall(() -> new ServedBranchListResult(engines.branches().listBranches(graph.uri()).stream()
                .map(ManageBranchesUseCase.BranchResult::name).toList()));
    }

    @Override
    public ServedBranchResult createBranch(Caller caller, ServedBranchCreateCommand command) {
        ServedGraph graph = graph(command.graphId());
        String from = command.from().orElse(MAIN);
        access.checkGraph(caller, graph.graphId(), PolicyAction.BRANCH_CREATE, Optional.of(from), Optional.of(command.name()));
        try (AdmissionControl.Slot slot = admission.admit(caller, 0)) {
            return engineCall(() -> {
                engines.branches().createBranch(graph.uri(), command.name(), from, caller.actor());
                return new ServedBranchResult(graph.uri(), command.name(), Optional.of(from), caller.actor());
            });
        }
    }

    @Override
    public ServedBranchResult deleteBranch(Caller caller, String graphId, String branch) {
        ServedGraph graph = graph(graphId);
        access.checkGraph(caller, graph.graphId(), PolicyAction.BRANCH_DELETE, Optional.empty(), Optional.of(branch));
        try (AdmissionControl.Slot slot = admission.admit(caller, 0)) {
            return engineCall(() -> {
                engines.branches().deleteBranch(graph.uri(), branch, caller.actor());
                return new ServedBranchResult(graph.uri(), branch, Optional.empty(), caller.actor());
            });
        }
    }

    @Override
    public ServedCommitListResult listCommits(Caller caller, String graphId, Optional<String> branch) {
        ServedGraph graph = graph(graphId);
        String resolved = branch.orElse(MAIN);
        access.checkGraph(caller, graph.graphId(), PolicyAction.READ, Optional.of(resolved), Optional.empty());
        return engineCall(() -> new ServedCommitListResult(
                engines.engine().listCommits(new CommitListQuery(graph.uri(), resolved)).commits()));
    }

    @Override
    public CommitResult commit(Caller caller, String graphId, String commitId) {
        ServedGraph graph = graph(graphId);
        access.checkGraph(caller, graph.graphId(), PolicyAction.READ, Optional.empty(), Optional.empty());
        return engineCall(() -> {
            for (ManageBranchesUseCase.BranchResult branch : engines.branches().listBranches(graph.uri())) {
                Optional<CommitResult> found = engines.engine()
                        .listCommits(new CommitListQuery(graph.uri(), branch.name())).commits().stream()
                        .filter(commit -> commit.graphCommitId().equals(commitId)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            throw new ServingException(ApiError.notFound("commit '" + commitId + "' not found"));
        });
    }

    // ---- shared steps --------------------------------------------------------------------------

    private ServedGraph graph(String graphId) {
        ServedGraphIds.problem(graphId).ifPresent(problem -> {
            throw new ServingException(ApiError.badRequest(problem));
        });
        ServedGraph graph = graphs.get(graphId);
        if (graph == null) {
            throw new ServingException(ApiError.graphNotFound(graphId));
        }
        return graph;
    }

    private ServedReadResult runRead(Caller caller, ServedGraph graph, String source, String sourceName,
                                     Optional<String> queryName, String paramsJson, Optional<String> branch,
                                     Optional<String> snapshot) {
        if (branch.isPresent() && snapshot.isPresent()) {
            throw new ServingException(ApiError.badRequest("give either branch or snapshot, not both"));
        }
        String readBranch = snapshot.map(ClusterServingService::branchOfSnapshot).orElse(branch.orElse(MAIN));
        access.checkGraph(caller, graph.graphId(), PolicyAction.READ, Optional.of(readBranch), Optional.empty());
        QueryGraphResult result = engineCall(() -> engines.queries().queryGraph(new QueryGraphCommand(graph.uri(),
                readBranch, snapshot, sourceName, source, queryName, paramsJson)));
        return new ServedReadResult(result.queryName(),
                snapshot.isPresent() ? Optional.empty() : Optional.of(readBranch), snapshot,
                result.result(), result.headCommitId());
    }

    private ServedChangeResult runChange(Caller caller, ServedGraph graph, String source, String sourceName,
                                         Optional<String> queryName, String paramsJson, String branch,
                                         Optional<String> expectedHead) {
        access.checkGraph(caller, graph.graphId(), PolicyAction.CHANGE, Optional.of(branch), Optional.empty());
        try (AdmissionControl.Slot slot = admission.admit(caller, source.length() + (long) paramsJson.length())) {
            MutateGraphResult result;
            try {
                result = engineCall(() -> engines.mutations().mutateGraph(new MutateGraphCommand(graph.uri(), branch,
                        sourceName, source, queryName, paramsJson, expectedHead, caller.actor())));
            } catch (ServingException refused) {
                if (refused.error().status() == 412 && expectedHead.isPresent()) {
                    throw new ServingException(ApiErrors.preconditionFailed(refused.getMessage(), expectedHead.get(),
                            currentHead(graph, branch)), refused);
                }
                throw refused;
            }
            return new ServedChangeResult(result.queryName(), result.branch(), result.affectedNodes(),
                    result.affectedEdges(), caller.actor(), result.commitId().map(id -> commitOn(graph, branch, id)));
        }
    }

    private Optional<String> currentHead(ServedGraph graph, String branch) {
        try {
            return engines.engine().open(graph.uri(), branch).snapshot().head().map(GraphCommit::id);
        } catch (RuntimeException unreadable) {
            LOG.warn("could not read the head of branch '{}' of graph '{}' for a precondition report", branch,
                    graph.graphId(), unreadable);
            return Optional.empty();
        }
    }

    private CommitResult commitOn(ServedGraph graph, String branch, String commitId) {
        return engines.engine().listCommits(new CommitListQuery(graph.uri(), branch)).commits().stream()
                .filter(commit -> commit.graphCommitId().equals(commitId)).findFirst()
                .orElseThrow(() -> new GraphEngineException(GraphErrorKind.COMMIT_NOT_FOUND,
                        "commit " + commitId + " is not in the history of branch '" + branch + "'"));
    }

    private boolean branchExists(ServedGraph graph, String branch) {
        return engineCall(() -> engines.branches().listBranches(graph.uri()).stream()
                .anyMatch(existing -> existing.name().equals(branch)));
    }

    private static String branchOfSnapshot(String snapshotId) {
        try {
            return GraphEngineService.parseSnapshot(snapshotId).branch();
        } catch (RuntimeException malformed) {
            throw new ServingException(ApiError.badRequest("malformed snapshot id '" + snapshotId
                    + "' (expected manifest:<branch>:v<N>)"), malformed);
        }
    }

    private static List<ServedLoadResult.TypeCount> counts(Map<String, Long> loaded) {
        return loaded.entrySet().stream()
                .map(entry -> new ServedLoadResult.TypeCount(entry.getKey(), entry.getValue())).toList();
    }

    private static StoredQueryCatalogResult.StoredQuery catalogEntry(StoredQueryDescriptor descriptor) {
        List<StoredQueryCatalogResult.Param> params = descriptor.params().stream()
                .map(param -> new StoredQueryCatalogResult.Param(param.name(), param.shape().kind().wireName(),
                        param.shape().itemKind().map(kind -> kind.wireName()),
                        param.shape().vectorDimension().isPresent()
                                ? Optional.of(param.shape().vectorDimension().getAsInt()) : Optional.empty(),
                        param.nullable()))
                .toList();
        return new StoredQueryCatalogResult.StoredQuery(descriptor.name(), descriptor.effectiveToolName(),
                descriptor.description(), descriptor.instruction(),
                descriptor.kind() == StoredQueryDescriptor.Kind.MUTATION, params);
    }

    /**
     * Runs an engine call and reports its failures as API errors: engine kinds by the shared mapping,
     * refused input (language diagnostics, data violations, rejected mutations) as 400, storage as 500.
     */
    private static <T> T engineCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (ServingException alreadyMapped) {
            throw alreadyMapped;
        } catch (GraphEngineException engine) {
            throw new ServingException(ApiErrors.fromEngine(engine.kind(), engine.getMessage()), engine);
        } catch (DiagnosticException | IllegalArgumentException invalid) {
            throw new ServingException(ApiError.badRequest(invalid.getMessage()), invalid);
        } catch (TableStorageException storage) {
            LOG.error("storage failure while serving a request", storage);
            throw new ServingException(ApiError.of(500, ApiErrorCode.INTERNAL, "storage: " + storage.getMessage()), storage);
        }
    }
}
