package dev.omnigraph.domain.query.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON spelling of results is a client contract (engine notes §3.5): JavaScript clients lose
 * digits above 2^53−1, so such 64-bit integers become strings; non-finite floats have no JSON number;
 * dates and times have one text form. A change here breaks every SDK, so each rule is pinned.
 */
class ResultJsonTest {

    private static String render(ValueType type, Object value) {
        return JsonWriter.compact(ResultJson.value(type, value));
    }

    private static ValueType scalar(ScalarKind kind) {
        return ValueType.scalar(kind, true);
    }

    @Test
    void integers_are_numbers_until_they_leave_the_javascript_safe_range() {
        assertEquals("30", render(scalar(ScalarKind.I32), 30L));
        assertEquals("9007199254740991", render(scalar(ScalarKind.I64), 9_007_199_254_740_991L));
        assertEquals("\"9007199254740992\"", render(scalar(ScalarKind.I64), 9_007_199_254_740_992L));
        assertEquals("-9007199254740991", render(scalar(ScalarKind.I64), -9_007_199_254_740_991L));
        assertEquals("\"-9007199254740992\"", render(scalar(ScalarKind.I64), -9_007_199_254_740_992L));
        assertEquals("4294967295", render(scalar(ScalarKind.U32), 4_294_967_295L));
        assertEquals("\"18446744073709551615\"", render(scalar(ScalarKind.U64), -1L));
        assertEquals("7", render(scalar(ScalarKind.U64), 7L));
    }

    @Test
    void floats_are_numbers_and_non_finite_floats_are_spelled() {
        assertEquals("30.0", render(scalar(ScalarKind.F64), 30.0));
        assertEquals("0.1", render(scalar(ScalarKind.F64), 0.1));
        assertEquals("\"NaN\"", render(scalar(ScalarKind.F64), Double.NaN));
        assertEquals("\"Infinity\"", render(scalar(ScalarKind.F32), Double.POSITIVE_INFINITY));
        assertEquals("\"-Infinity\"", render(scalar(ScalarKind.F64), Double.NEGATIVE_INFINITY));
        assertEquals("0.10000000149011612", render(scalar(ScalarKind.F32), (double) 0.1f), "F32 widens to f64 as in the reference");
    }

    @Test
    void dates_times_strings_booleans_and_null() {
        assertEquals("\"2024-01-02\"", render(scalar(ScalarKind.DATE), LocalDate.parse("2024-01-02").toEpochDay()));
        assertEquals("\"2026-04-14T08:30:05.123Z\"",
                render(scalar(ScalarKind.DATE_TIME), Instant.parse("2026-04-14T08:30:05.123Z").toEpochMilli()));
        assertEquals("\"a\\\"b\"", render(scalar(ScalarKind.STRING), "a\"b"));
        assertEquals("true", render(scalar(ScalarKind.BOOL), true));
        assertEquals("null", render(scalar(ScalarKind.I64), null));
    }

    @Test
    void lists_and_vectors_are_arrays() {
        assertEquals("[\"a\",null]", render(ValueType.listOf(ScalarKind.STRING, true), Arrays.asList("a", null)));
        assertEquals("[\"2024-01-02\"]",
                render(ValueType.listOf(ScalarKind.DATE, true), List.of(LocalDate.parse("2024-01-02").toEpochDay())));
        assertEquals("[1.0,\"NaN\"]", render(ValueType.listOf(ScalarKind.F64, true), List.of(1.0, Double.NaN)));
        assertEquals("[0.5,null]", render(ValueType.vector(2, true), new float[] {0.5f, Float.NaN}));
    }

    @Test
    void rows_are_objects_with_columns_in_return_order() {
        QueryResult result = new QueryResult(
                List.of(new ResultColumn("p.name", scalar(ScalarKind.STRING)), new ResultColumn("n", scalar(ScalarKind.I64))),
                List.of(Arrays.asList("Bob", 2L), Arrays.asList("Ann", null)));
        assertEquals("[{\"p.name\":\"Bob\",\"n\":2},{\"p.name\":\"Ann\",\"n\":null}]", JsonWriter.compact(result.toJson()));
        assertEquals("Ann", result.value(1, "p.name"));
        assertThrows(IllegalArgumentException.class,
                () -> new QueryResult(List.of(new ResultColumn("a", scalar(ScalarKind.I64))), List.of(List.of())));
    }
}
