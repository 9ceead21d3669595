package dev.omnigraph.domain.query.descriptor;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.List;

/**
 * A compiled query's result shape and graph access: {@code reads} is conservative (every type the
 * execution may inspect), {@code writes} exact; both sorted and de-duplicated. Mutations have an
 * empty {@code result}.
 */
public record OperationDescriptor(List<ResultFieldDescriptor> result, List<GraphFact> reads, List<GraphFact> writes) {
    public OperationDescriptor {
        result = List.copyOf(result);
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
    }

    /** {@code {result: [...], reads: [...], writes: [...]}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("result", new JsonArray(result.stream().<JsonValue>map(ResultFieldDescriptor::toJson).toList()))
                .put("reads", new JsonArray(reads.stream().<JsonValue>map(GraphFact::toJson).toList()))
                .put("writes", new JsonArray(writes.stream().<JsonValue>map(GraphFact::toJson).toList()))
                .build();
    }
}
