package dev.omnigraph.application.serving;

import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.OpenGraph;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.serving.ServingGraph;
import dev.omnigraph.domain.cluster.serving.ServingStoredQuery;
import dev.omnigraph.domain.lang.DiagnosticException;
import dev.omnigraph.domain.lang.Severity;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.QueryCompiler;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.descriptor.StoredQueryDescriptor;
import dev.omnigraph.domain.query.lint.LintQueryResult;
import dev.omnigraph.domain.query.lint.LintReport;
import dev.omnigraph.domain.query.lint.QueryLinter;
import dev.omnigraph.domain.query.lint.SchemaSource;
import dev.omnigraph.ports.in.InspectStoredQueriesUseCase;
import dev.omnigraph.ports.in.ReadServingSnapshotUseCase;
import dev.omnigraph.ports.in.ServingSnapshotQuery;
import dev.omnigraph.ports.in.ServingSnapshotResult;
import dev.omnigraph.ports.in.StoredQueriesCheckResult;
import dev.omnigraph.ports.in.StoredQueriesCheckResult.Issue;
import dev.omnigraph.ports.in.StoredQueriesQuery;
import dev.omnigraph.ports.in.StoredQueriesResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lists and type-checks a cluster's stored queries from its serving snapshot, so an operator sees exactly what a
 * server would load and whether it would quarantine a graph for a query that no longer compiles.
 */
public final class StoredQueryInspectionService implements InspectStoredQueriesUseCase {

    private static final String MAIN = "main";

    private final ReadServingSnapshotUseCase snapshots;
    private final GraphEngineService engine;

    public StoredQueryInspectionService(ReadServingSnapshotUseCase snapshots, GraphEngineService engine) {
        this.snapshots = snapshots;
        this.engine = engine;
    }

    @Override
    public StoredQueriesResult listStoredQueries(StoredQueriesQuery query) {
        Selection selection = select(query);
        if (selection.refusal().isPresent()) {
            return new StoredQueriesResult(query.cluster(), List.of(), selection.refusal());
        }
        List<StoredQueriesResult.Listed> listed = new ArrayList<>();
        for (ServingStoredQuery stored : selection.queries()) {
            try {
                listed.add(new StoredQueriesResult.Listed(stored.graphId(),
                        StoredQueryDescriptor.of(declaration(stored), Optional.empty())));
            } catch (DiagnosticException | IllegalArgumentException unreadable) {
                return new StoredQueriesResult(query.cluster(), List.of(), Optional.of("stored query '"
                        + stored.name() + "' of graph '" + stored.graphId() + "' does not parse: " + unreadable.getMessage()));
            }
        }
        return new StoredQueriesResult(query.cluster(), listed, Optional.empty());
    }

    @Override
    public StoredQueriesCheckResult validateStoredQueries(StoredQueriesQuery query) {
        Selection selection = select(query);
        if (selection.refusal().isPresent()) {
            return new StoredQueriesCheckResult(query.cluster(), 0, List.of(), List.of(), selection.refusal());
        }
        List<Issue> breakages = new ArrayList<>();
        List<Issue> warnings = new ArrayList<>();
        int checked = 0;
        for (ServingGraph graph : selection.graphs()) {
            OpenGraph open;
            try {
                open = engine.open(graph.root(), MAIN);
            } catch (RuntimeException unopenable) {
                return new StoredQueriesCheckResult(query.cluster(), checked, breakages, warnings, Optional.of(
                        "graph `" + graph.graphId() + "` did not open at " + graph.root() + ": " + unopenable.getMessage()));
            }
            for (ServingStoredQuery stored : selection.queries()) {
                if (!stored.graphId().equals(graph.graphId())) {
                    continue;
                }
                checked++;
                LintReport report = QueryLinter.lint(open.catalog(), new SourceFile(sourceName(stored), stored.source()),
                        new SchemaSource.Graph(graph.root()));
                Optional<LintQueryResult> result = report.results().stream()
                        .filter(candidate -> candidate.name().equals(stored.name())).findFirst();
                if (result.isEmpty()) {
                    breakages.add(new Issue(graph.graphId(), stored.name(), "not declared in its applied source "
                            + "(or the source does not parse)"));
                    continue;
                }
                result.get().error().ifPresent(error -> breakages.add(new Issue(graph.graphId(), stored.name(), error)));
                result.get().warnings().forEach(warning -> warnings.add(new Issue(graph.graphId(), stored.name(), warning)));
            }
        }
        return new StoredQueriesCheckResult(query.cluster(), checked, breakages, warnings, Optional.empty());
    }

    /** The servable graphs and queries the query selects, or why there are none to look at. */
    private record Selection(List<ServingGraph> graphs, List<ServingStoredQuery> queries, Optional<String> refusal) {
        static Selection refused(String why) {
            return new Selection(List.of(), List.of(), Optional.of(why));
        }
    }

    private Selection select(StoredQueriesQuery query) {
        ServingSnapshotResult snapshot = snapshots.readServingSnapshot(new ServingSnapshotQuery(query.cluster()));
        if (!snapshot.ready()) {
            List<String> reasons = snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                    .map(ClusterDiagnostic::message).toList();
            return Selection.refused("cluster `" + query.cluster() + "` is not servable:\n  " + String.join("\n  ", reasons));
        }
        List<ServingGraph> graphs = snapshot.graphs().stream()
                .filter(graph -> query.graphId().map(graph.graphId()::equals).orElse(true))
                .sorted(Comparator.comparing(ServingGraph::graphId))
                .toList();
        if (query.graphId().isPresent() && graphs.isEmpty()) {
            return Selection.refused("graph `" + query.graphId().get() + "` is not applied in cluster `" + query.cluster()
                    + "`" + (snapshot.quarantined().stream().anyMatch(q -> q.graphId().equals(query.graphId().get()))
                            ? " (it is quarantined: a recovery is pending; run `cluster apply`)" : ""));
        }
        List<ServingStoredQuery> queries = snapshot.queries().stream()
                .filter(stored -> graphs.stream().anyMatch(graph -> graph.graphId().equals(stored.graphId())))
                .sorted(Comparator.comparing(ServingStoredQuery::graphId).thenComparing(ServingStoredQuery::name))
                .toList();
        return new Selection(graphs, queries, Optional.empty());
    }

    private static QueryDecl declaration(ServingStoredQuery stored) {
        return QueryCompiler.parse(new SourceFile(sourceName(stored), stored.source())).file().queries().stream()
                .filter(declared -> declared.name().equals(stored.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + stored.name() + "' is not declared in its applied "
                        + "source"));
    }

    private static String sourceName(ServingStoredQuery stored) {
        return "query." + stored.graphId() + "." + stored.name();
    }
}
