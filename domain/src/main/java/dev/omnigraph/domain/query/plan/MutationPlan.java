package dev.omnigraph.domain.query.plan;

import dev.omnigraph.domain.query.typecheck.ValueType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The typed plan of a mutation query: its statements in source order. */
public record MutationPlan(String name, Map<String, ValueType> parameters, List<MutationOp> operations) {
    public MutationPlan {
        Objects.requireNonNull(name, "name");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        operations = List.copyOf(operations);
    }
}
