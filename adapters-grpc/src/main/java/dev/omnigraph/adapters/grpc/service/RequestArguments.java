package dev.omnigraph.adapters.grpc.service;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.omnigraph.adapters.grpc.v1.LoadMode;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.query.result.ResultJson;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ServedGraphIds;
import dev.omnigraph.domain.serving.ServingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Request fields as the use cases take them: empty strings as absent, {@code params} as the JSON object text
 * HTTP would have sent, load modes in the domain's terms.
 */
final class RequestArguments {

    private RequestArguments() {}

    /** Empty means absent (proto3 strings have no null). */
    static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * A graph id the command records accept; an empty or malformed one is refused with the message the
     * use case gives for a malformed id (HTTP cannot send an empty one: it is a path segment).
     */
    static String graphId(String graphId) {
        ServedGraphIds.problem(graphId).ifPresent(problem -> {
            throw new ServingException(ApiError.badRequest(problem));
        });
        return graphId;
    }

    /**
     * The parameters as JSON object text ({@code {}} when unset). A Struct number is a double: one with an
     * integral value within ±(2^53−1) is written as an integer, so {@code 18} reaches an {@code I32}
     * parameter as HTTP's {@code 18} does; anything else stays a floating-point number.
     */
    static String paramsJson(boolean present, Struct params) {
        if (!present) {
            return "{}";
        }
        return JsonWriter.compact(object(params));
    }

    private static JsonObject object(Struct struct) {
        JsonObject.Builder object = JsonObject.builder();
        struct.getFieldsMap().forEach((name, value) -> object.put(name, json(value)));
        return object.build();
    }

    private static JsonValue json(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> JsonNull.INSTANCE;
            case BOOL_VALUE -> JsonBool.of(value.getBoolValue());
            case STRING_VALUE -> new JsonString(value.getStringValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRUCT_VALUE -> object(value.getStructValue());
            case LIST_VALUE -> array(value.getListValue());
        };
    }

    private static JsonValue number(double number) {
        if (number == Math.rint(number) && Math.abs(number) <= ResultJson.MAX_SAFE_INTEGER) {
            return JsonNumber.of((long) number);
        }
        if (!Double.isFinite(number)) {
            throw new ServingException(ApiError.badRequest("params: " + number + " is not a JSON number"));
        }
        return JsonNumber.ofDouble(number);
    }

    private static JsonArray array(ListValue list) {
        List<JsonValue> elements = new ArrayList<>(list.getValuesCount());
        list.getValuesList().forEach(element -> elements.add(json(element)));
        return new JsonArray(elements);
    }

    /** Unspecified is merge, the HTTP default. */
    static dev.omnigraph.domain.graph.load.LoadMode loadMode(LoadMode mode) {
        return switch (mode) {
            case LOAD_MODE_OVERWRITE -> dev.omnigraph.domain.graph.load.LoadMode.OVERWRITE;
            case LOAD_MODE_APPEND -> dev.omnigraph.domain.graph.load.LoadMode.APPEND;
            case LOAD_MODE_MERGE, LOAD_MODE_UNSPECIFIED -> dev.omnigraph.domain.graph.load.LoadMode.MERGE;
            case UNRECOGNIZED -> throw new ServingException(ApiError.badRequest(
                    "unknown load mode (expected overwrite, append or merge)"));
        };
    }
}
