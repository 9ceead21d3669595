package dev.omnigraph.domain.query.ast;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** A query body: a read pipeline or one or more mutation statements, never both. */
public sealed interface QueryBody {

    /**
     * {@code match { … } return { … } [order { … }] [limit N]}.
     *
     * @param match clauses in source order (at least one)
     * @param returns projections in source order (at least one)
     * @param order orderings, empty when there is no {@code order} block
     * @param limit the {@code limit}, absent when not written
     */
    record ReadBody(List<Clause> match, List<Projection> returns, List<Ordering> order, OptionalLong limit)
            implements QueryBody {
        public ReadBody {
            match = List.copyOf(match);
            returns = List.copyOf(returns);
            order = List.copyOf(order);
            Objects.requireNonNull(limit, "limit");
        }
    }

    /** {@code insert … | update … | delete …} statements in source order (at least one). */
    record MutationBody(List<Mutation> statements) implements QueryBody {
        public MutationBody {
            statements = List.copyOf(statements);
        }
    }
}
