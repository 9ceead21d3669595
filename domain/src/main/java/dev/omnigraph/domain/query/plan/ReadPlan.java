package dev.omnigraph.domain.query.plan;

import dev.omnigraph.domain.query.typecheck.ValueType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The logical plan of a read query: {@code match} → {@code output} → {@code order} → {@code limit}.
 *
 * @param parameters declared parameter types (omitted nullable parameters bind to null)
 * @param order absent when the query has no {@code order} block (row order is then unspecified)
 */
public record ReadPlan(
        String name,
        Map<String, ValueType> parameters,
        List<MatchOp> match,
        OutputStage output,
        Optional<Order> order,
        OptionalLong limit) {
    public ReadPlan {
        Objects.requireNonNull(name, "name");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        match = List.copyOf(match);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(limit, "limit");
    }
}
