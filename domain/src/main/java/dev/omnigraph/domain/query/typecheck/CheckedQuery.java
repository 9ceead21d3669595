package dev.omnigraph.domain.query.typecheck;

import dev.omnigraph.domain.query.ast.QueryDecl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A query that passed typechecking, with what the checker learned about it. */
public sealed interface CheckedQuery {

    QueryDecl query();

    /** Declared parameter types by name (without {@code $}). */
    Map<String, ValueType> parameters();

    /**
     * A read query.
     *
     * @param bindings every variable bound by the top-level {@code match} (not those only bound
     *     inside {@code not}), in binding order
     * @param traversals the top-level traversals with their inferred directions, in source order
     * @param aliases the type of each {@code return} alias
     * @param result the inferred result columns, in {@code return} order
     */
    record Read(
            QueryDecl query,
            Map<String, ValueType> parameters,
            Map<String, BoundVariable> bindings,
            List<ResolvedTraversal> traversals,
            Map<String, ResolvedType> aliases,
            List<ResultField> result) implements CheckedQuery {
        public Read {
            Objects.requireNonNull(query, "query");
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
            traversals = List.copyOf(traversals);
            aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
            result = List.copyOf(result);
        }
    }

    /**
     * A mutation query.
     *
     * @param targets the resolved target of each statement, in statement order
     */
    record Mutation(QueryDecl query, Map<String, ValueType> parameters, List<MutationTarget> targets)
            implements CheckedQuery {
        public Mutation {
            Objects.requireNonNull(query, "query");
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            targets = List.copyOf(targets);
        }
    }
}
