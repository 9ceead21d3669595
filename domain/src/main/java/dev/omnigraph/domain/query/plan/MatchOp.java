package dev.omnigraph.domain.query.plan;

import dev.omnigraph.domain.query.typecheck.Direction;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One step of a read query's match pipeline. Rows flow through the steps in list order. */
public sealed interface MatchOp {

    /**
     * Scans the nodes of one type, keeping those that pass every filter (filters here touch only
     * {@code variable}; text-search filters act as an index prefilter, so nearest/bm25 top-k is taken
     * over matching rows only).
     */
    record NodeScan(String variable, String typeName, List<PlanFilter> filters) implements MatchOp {
        public NodeScan {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(typeName, "typeName");
            filters = List.copyOf(filters);
        }
    }

    /**
     * Follows {@code edgeType} from the bound {@code source} to {@code destination}, between
     * {@code minHops} and {@code maxHops} hops; each destination appears at most once per source
     * (set semantics), except with an edge binding, which is single-hop and yields one row per edge.
     *
     * @param direction relative to {@code source}: OUT follows from→to, IN follows to→from, BOTH either
     * @param destinationType the node type reached
     * @param destinationFilters filters touching only {@code destination}, applied while hydrating it
     * @param edgeBinding the variable naming the matched edge row, if any
     */
    record Expand(
            String source,
            String destination,
            String edgeType,
            Direction direction,
            String destinationType,
            long minHops,
            long maxHops,
            List<PlanFilter> destinationFilters,
            Optional<String> edgeBinding) implements MatchOp {
        public Expand {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(edgeType, "edgeType");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(destinationType, "destinationType");
            destinationFilters = List.copyOf(destinationFilters);
            Objects.requireNonNull(edgeBinding, "edgeBinding");
        }
    }

    /** Keeps rows passing a filter that spans several variables or could not be pushed into a scan. */
    record Filter(PlanFilter filter) implements MatchOp {
        public Filter {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /**
     * Removes the rows whose {@code outerVariable} has at least one match of {@code inner}
     * ({@code not { … }}); the inner pipeline starts from the outer row's bindings.
     */
    record AntiJoin(String outerVariable, List<MatchOp> inner) implements MatchOp {
        public AntiJoin {
            Objects.requireNonNull(outerVariable, "outerVariable");
            inner = List.copyOf(inner);
        }
    }
}
