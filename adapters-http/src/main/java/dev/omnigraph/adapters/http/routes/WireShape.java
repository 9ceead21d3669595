package dev.omnigraph.adapters.http.routes;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.omnigraph.adapters.http.openapi.WireNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a parsed request body against a request record the way serde does in the reference, before it is
 * bound: a missing required member, or a member of the wrong JSON type, is a data-shape error (400) rather
 * than a value the binder would quietly coerce ({@code 5} for a string) or leave null. Messages follow
 * serde_json's ({@code missing field `query`}, {@code invalid type: integer `5`, expected a string}).
 */
final class WireShape {

    private WireShape() {}

    /** The first shape problem of {@code body} as a {@code record}, if any. */
    static Optional<String> problem(JsonNode body, Class<?> record) {
        if (!body.isObject()) {
            return Optional.of("invalid type: " + describe(body) + ", expected struct " + record.getSimpleName());
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String name = WireNames.of(component);
            JsonNode member = member(body, component, name);
            boolean nullable = component.getAccessor().isAnnotationPresent(Nullable.class);
            if (member == null) {
                if (!nullable && !component.getType().isPrimitive()) {
                    return Optional.of("missing field `" + name + "`");
                }
                continue;
            }
            if (member.isNull() && nullable) {
                continue;
            }
            Optional<String> mismatch = typeProblem(member, component.getGenericType());
            if (mismatch.isPresent()) {
                return Optional.of(name + ": " + mismatch.get());
            }
        }
        return Optional.empty();
    }

    private static JsonNode member(JsonNode body, RecordComponent component, String name) {
        List<String> names = new ArrayList<>();
        names.add(name);
        JsonAlias aliases = component.getAccessor().getAnnotation(JsonAlias.class);
        if (aliases != null) {
            names.addAll(List.of(aliases.value()));
        }
        for (String candidate : names) {
            JsonNode member = body.get(candidate);
            if (member != null) {
                return member;
            }
        }
        return null;
    }

    private static Optional<String> typeProblem(JsonNode value, Type type) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw == String.class) {
            return value.isString() ? Optional.empty() : expected(value, "a string");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return value.isBoolean() ? Optional.empty() : expected(value, "a boolean");
        }
        if (List.class.isAssignableFrom(raw)) {
            if (!value.isArray()) {
                return expected(value, "a sequence");
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            for (JsonNode item : value.values()) {
                Optional<String> problem = typeProblem(item, element);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        return Optional.empty(); // JsonNode members take any JSON value
    }

    private static Optional<String> expected(JsonNode value, String expectation) {
        return Optional.of("invalid type: " + describe(value) + ", expected " + expectation);
    }

    private static String describe(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean()) {
            return "boolean `" + value.getBooleanValue() + "`";
        }
        if (value.isNumber()) {
            boolean integral = value.getValue() instanceof Integer || value.getValue() instanceof Long
                    || value.getValue() instanceof java.math.BigInteger;
            return (integral ? "integer `" : "floating point `") + value.getNumberValue() + "`";
        }
        if (value.isString()) {
            return "string \"" + value.getStringValue() + "\"";
        }
        return value.isArray() ? "sequence" : "map";
    }
}
