package dev.omnigraph.domain.query.descriptor;

import dev.omnigraph.domain.query.ast.Clause;
import dev.omnigraph.domain.query.ast.Mutation;
import dev.omnigraph.domain.query.ast.QueryBody;
import dev.omnigraph.domain.query.typecheck.CheckedQuery;
import dev.omnigraph.domain.query.typecheck.EdgeTypeInfo;
import dev.omnigraph.domain.query.typecheck.MutationTarget;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.ResolvedType;
import dev.omnigraph.domain.query.typecheck.ResultField;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Derives a checked query's {@link OperationDescriptor}: read queries read every bound node type and
 * every traversed edge with both endpoint types (inside {@code not} too); every mutation target is
 * read and written; an edge insert also reads both endpoint types; a node delete reads and writes
 * every incident edge type (the cascade).
 */
public final class QueryOperations {

    private QueryOperations() {
    }

    public static OperationDescriptor describe(QueryCatalog catalog, CheckedQuery checked) {
        TreeSet<GraphFact> reads = new TreeSet<>();
        TreeSet<GraphFact> writes = new TreeSet<>();
        List<ResultFieldDescriptor> result = new ArrayList<>();
        if (checked instanceof CheckedQuery.Read read) {
            collectReads(catalog, ((QueryBody.ReadBody) read.query().body()).match(), reads);
            for (ResultField field : read.result()) {
                result.add(describe(field));
            }
        } else {
            CheckedQuery.Mutation mutation = (CheckedQuery.Mutation) checked;
            List<Mutation> statements = ((QueryBody.MutationBody) mutation.query().body()).statements();
            for (int i = 0; i < statements.size(); i++) {
                MutationTarget target = mutation.targets().get(i);
                GraphFact fact = target instanceof MutationTarget.Node
                        ? GraphFact.node(target.typeName()) : GraphFact.edge(target.typeName());
                reads.add(fact);
                writes.add(fact);
                if (statements.get(i) instanceof Mutation.Insert && target instanceof MutationTarget.Edge) {
                    catalog.edgeType(target.typeName()).ifPresent(edge -> {
                        reads.add(GraphFact.node(edge.fromType()));
                        reads.add(GraphFact.node(edge.toType()));
                    });
                }
                if (statements.get(i) instanceof Mutation.Delete && target instanceof MutationTarget.Node) {
                    for (EdgeTypeInfo edge : catalog.incidentEdges(target.typeName())) {
                        reads.add(GraphFact.edge(edge.name()));
                        writes.add(GraphFact.edge(edge.name()));
                    }
                }
            }
        }
        return new OperationDescriptor(result, List.copyOf(reads), List.copyOf(writes));
    }

    private static void collectReads(QueryCatalog catalog, List<Clause> clauses, TreeSet<GraphFact> reads) {
        for (Clause clause : clauses) {
            if (clause instanceof Clause.Binding binding) {
                reads.add(GraphFact.node(binding.typeName()));
            } else if (clause instanceof Clause.Traversal traversal) {
                catalog.edgeForTraversal(traversal.edgeName()).ifPresent(edge -> {
                    reads.add(GraphFact.edge(edge.name()));
                    reads.add(GraphFact.node(edge.fromType()));
                    reads.add(GraphFact.node(edge.toType()));
                });
            } else if (clause instanceof Clause.Negation negation) {
                collectReads(catalog, negation.clauses(), reads);
            }
        }
    }

    private static ResultFieldDescriptor describe(ResultField field) {
        ValueShape shape = field.type() instanceof ResolvedType.Scalar scalar
                ? ValueShape.of(scalar.type())
                : ValueShape.object();
        return new ResultFieldDescriptor(field.name(), shape, field.nullable());
    }
}
