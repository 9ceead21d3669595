package dev.omnigraph.domain.query.descriptor;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.query.ast.Param;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.typecheck.QueryTypeChecker;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored query as the server lists it ({@code GET /queries}): identity, MCP tool name, the
 * annotations, whether it mutates, and its typed parameters.
 *
 * @param toolName the explicit MCP tool-name override; {@link #effectiveToolName()} falls back to {@code name}
 */
public record StoredQueryDescriptor(
        String name,
        Optional<String> toolName,
        Optional<String> description,
        Optional<String> instruction,
        Kind kind,
        List<ParamDescriptor> params) {

    public enum Kind {
        READ, MUTATION;

        public String wireName() {
            return this == READ ? "read" : "mutation";
        }
    }

    /**
     * One declared parameter.
     *
     * @param typeName the declared type without {@code ?} ({@code String}, {@code [I32]}, {@code Vector(4)})
     * @param nullable {@code true} when optional (omitted ⇒ bound to null)
     */
    public record ParamDescriptor(String name, String typeName, ValueShape shape, boolean nullable) {
        public ParamDescriptor {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(shape, "shape");
        }

        /** {@code {name, kind, item_kind?, vector_dim?, nullable}}. */
        public JsonObject toJson() {
            JsonObject.Builder json = JsonObject.builder().put("name", name);
            shape.writeTo(json);
            return json.put("nullable", nullable).build();
        }
    }

    public StoredQueryDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(kind, "kind");
        params = List.copyOf(params);
    }

    /** Describes a parsed declaration (no schema needed: parameters carry their own types). */
    public static StoredQueryDescriptor of(QueryDecl query, Optional<String> toolName) {
        List<ParamDescriptor> params = query.params().stream().map(StoredQueryDescriptor::param).toList();
        return new StoredQueryDescriptor(query.name(), toolName, query.description(), query.instruction(),
                query.isMutation() ? Kind.MUTATION : Kind.READ, params);
    }

    private static ParamDescriptor param(Param param) {
        // An unrepresentable type (Vector(0)) fails typechecking; listing still shows it, as an opaque string.
        ValueShape shape = QueryTypeChecker.parameterType(param.type()).map(ValueShape::of)
                .orElseGet(() -> ValueShape.of(ValueType.scalar(ScalarKind.STRING, param.type().nullable())));
        return new ParamDescriptor(param.name(), param.type().typeName(), shape, param.type().nullable());
    }

    public String effectiveToolName() {
        return toolName.orElse(name);
    }

    /** The catalog entry: {@code {name, tool_name, description?, instruction?, mutation, params}}. */
    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder().put("name", name).put("tool_name", effectiveToolName());
        description.ifPresent(text -> json.put("description", text));
        instruction.ifPresent(text -> json.put("instruction", text));
        return json.put("mutation", kind == Kind.MUTATION)
                .put("params", new JsonArray(params.stream().<JsonValue>map(ParamDescriptor::toJson).toList()))
                .build();
    }
}
