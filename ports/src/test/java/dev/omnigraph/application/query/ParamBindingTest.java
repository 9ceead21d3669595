package dev.omnigraph.application.query;

import static dev.omnigraph.application.query.QueryTestGraphs.millis;
import static dev.omnigraph.application.query.QueryTestGraphs.row;
import static dev.omnigraph.application.query.QueryTestGraphs.runJson;
import static dev.omnigraph.application.query.QueryTestGraphs.testGraph;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parameters arrive as JSON from the CLI, HTTP and gRPC; a wrong or missing one must fail with a
 * typed error that names the parameter and its type (stable code), and omitted nullable parameters
 * bind to null, exactly as the reference binds them.
 */
class ParamBindingTest {

    private static Map<String, ValueType> declared(Object... nameTypePairs) {
        Map<String, ValueType> declared = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            declared.put((String) nameTypePairs[i], (ValueType) nameTypePairs[i + 1]);
        }
        return declared;
    }

    private static ValueType scalar(ScalarKind kind, boolean nullable) {
        return ValueType.scalar(kind, nullable);
    }

    @Test
    void every_type_binds_to_its_typed_representation() {
        Map<String, ValueType> types = declared(
                "s", scalar(ScalarKind.STRING, false), "b", scalar(ScalarKind.BOOL, false),
                "i", scalar(ScalarKind.I32, false), "l", scalar(ScalarKind.I64, false),
                "u", scalar(ScalarKind.U64, false), "f", scalar(ScalarKind.F64, false),
                "d", scalar(ScalarKind.DATE, false), "t", scalar(ScalarKind.DATE_TIME, false),
                "tags", ValueType.listOf(ScalarKind.STRING, false), "v", ValueType.vector(2, false),
                "big", scalar(ScalarKind.I64, false));
        JsonObject json = JsonObject.builder()
                .put("s", "x").put("b", true).put("i", 30).put("l", 1L << 40).put("u", "18446744073709551615")
                .put("f", JsonNumber.ofDouble(2.5)).put("d", "2024-01-02").put("t", "2026-04-14T00:00:00Z")
                .put("tags", JsonArray.ofStrings(List.of("a", "b")))
                .put("v", JsonArray.of(JsonNumber.ofDouble(0.5), JsonNumber.of(1)))
                .put("big", "9007199254740993")
                .build();
        Map<String, Object> bound = ParamBinder.bind(types, json);
        assertEquals("x", bound.get("s"));
        assertEquals(true, bound.get("b"));
        assertEquals(30L, bound.get("i"));
        assertEquals(1L << 40, bound.get("l"));
        assertEquals(-1L, bound.get("u"), "U64 max is held as its bits");
        assertEquals(2.5, bound.get("f"));
        assertEquals(QueryTestGraphs.days("2024-01-02"), bound.get("d"));
        assertEquals(millis("2026-04-14T00:00:00Z"), bound.get("t"));
        assertEquals(List.of("a", "b"), bound.get("tags"));
        assertArrayEquals(new float[] {0.5f, 1f}, (float[]) bound.get("v"));
        assertEquals(9007199254740993L, bound.get("big"));
    }

    @Test
    void omitted_nullable_parameters_bind_to_null() {
        Map<String, Object> bound = ParamBinder.bind(declared("n", scalar(ScalarKind.STRING, true)), JsonObject.empty());
        assertTrue(bound.containsKey("n"));
        assertNull(bound.get("n"));
        assertNull(ParamBinder.bind(declared("n", scalar(ScalarKind.I32, true)), JsonNull.INSTANCE).get("n"));
    }

    @Test
    void a_missing_required_parameter_names_itself_and_its_type() {
        QueryParameterException missing = assertThrows(QueryParameterException.class,
                () -> ParamBinder.bind(declared("min", scalar(ScalarKind.I32, false)), JsonObject.empty()));
        assertEquals("query_parameter_missing", missing.code());
        assertEquals("min", missing.parameter().orElseThrow());
        assertEquals("I32", missing.expectedType().orElseThrow());
        assertTrue(missing.getMessage().contains("$min") && missing.getMessage().contains("I32"), missing.getMessage());

        QueryParameterException nulled = assertThrows(QueryParameterException.class, () -> ParamBinder.bind(
                declared("min", scalar(ScalarKind.I32, false)), JsonObject.builder().put("min", JsonNull.INSTANCE).build()));
        assertEquals(QueryErrorCode.PARAMETER_MISSING, nulled.errorCode());
    }

    @Test
    void a_wrongly_typed_parameter_is_a_typed_mismatch() {
        List<JsonValue> wrong = List.of(JsonValue.of("thirty"), JsonValue.of(true), JsonNumber.ofDouble(1.5),
                JsonNumber.of(new BigDecimal("3000000000"), false));
        for (JsonValue value : wrong) {
            QueryParameterException mismatch = assertThrows(QueryParameterException.class, () -> ParamBinder.bind(
                    declared("age", scalar(ScalarKind.I32, false)), JsonObject.builder().put("age", value).build()));
            assertEquals("query_parameter_type_mismatch", mismatch.code(), value.toString());
            assertEquals("age", mismatch.parameter().orElseThrow());
        }
        QueryParameterException date = assertThrows(QueryParameterException.class, () -> ParamBinder.bind(
                declared("since", scalar(ScalarKind.DATE_TIME, false)),
                JsonObject.builder().put("since", "last tuesday").build()));
        assertEquals("DateTime", date.expectedType().orElseThrow());
        QueryParameterException notObject = assertThrows(QueryParameterException.class,
                () -> ParamBinder.bind(declared(), JsonArray.of()));
        assertEquals("query_params_not_object", notObject.code());
    }

    @Test
    void typed_parameters_are_checked_when_given_directly() {
        Map<String, Object> checked = ParamBinder.checkTyped(declared("n", scalar(ScalarKind.I32, false)), Map.of("n", 3));
        assertEquals(3L, checked.get("n"));
        assertThrows(QueryParameterException.class,
                () -> ParamBinder.checkTyped(declared("n", scalar(ScalarKind.I32, false)), Map.of("n", "3")));
        assertThrows(QueryParameterException.class,
                () -> ParamBinder.checkTyped(declared("n", scalar(ScalarKind.I32, false)), Map.of()));
    }

    @Test
    void a_query_with_an_omitted_nullable_parameter_matches_nothing_on_it() {
        InMemoryGraphReader graph = testGraph().build("test:v1");
        QueryResult result = runJson(graph, """
                query q($n: String?) {
                    match { $p: Person  $p.name = $n }
                    return { $p.name }
                }
                """, JsonObject.empty());
        assertEquals(List.of(), result.rows());
    }

    @Test
    void json_parameters_drive_a_query() {
        InMemoryGraphReader graph = testGraph().build("test:v1");
        QueryResult result = runJson(graph, """
                query seniors($min: I32) {
                    match { $p: Person  $p.age >= $min }
                    return { $p.name }
                    order { $p.name }
                }
                """, JsonObject.builder().put("min", 28).build());
        assertEquals(List.of(row("Alice"), row("Charlie"), row("Diana")), result.rows());
        QueryParameterException wrong = assertThrows(QueryParameterException.class, () -> runJson(graph, """
                query seniors($min: I32) {
                    match { $p: Person  $p.age >= $min }
                    return { $p.name }
                }
                """, JsonObject.builder().put("min", "old").build()));
        assertEquals("min", wrong.parameter().orElseThrow());
    }
}
