package dev.omnigraph.domain.query.lint;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.query.descriptor.OperationDescriptor;
import dev.omnigraph.domain.query.descriptor.StoredQueryDescriptor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One query's lint result: {@code {name, kind, status, warnings?, error?, operation?}}. A failed query
 * has an {@code error} and no {@code operation} (never a partial descriptor).
 */
public record LintQueryResult(
        String name,
        StoredQueryDescriptor.Kind kind,
        boolean ok,
        List<String> warnings,
        Optional<String> error,
        Optional<OperationDescriptor> operation) {
    public LintQueryResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(operation, "operation");
    }

    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder()
                .put("name", name).put("kind", kind.wireName()).put("status", ok ? "ok" : "error");
        if (!warnings.isEmpty()) {
            json.put("warnings", JsonArray.ofStrings(warnings));
        }
        error.ifPresent(text -> json.put("error", text));
        operation.ifPresent(descriptor -> json.put("operation", descriptor.toJson()));
        return json.build();
    }
}
