package dev.omnigraph.domain.graph.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.schema.BaseType;
import dev.omnigraph.domain.schema.PropertyType;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loading, mutation parameters, results and export all spell values through these functions, and keyed
 * node ids are derived from them: a different spelling here means a different id than the reference
 * derives for the same data, and edges that can no longer find their endpoints.
 */
class PropertyValuesAndKeyIdsTest {

    private static PropertyType scalar(BaseType base) {
        return PropertyType.scalar(base, false);
    }

    @Test
    void json_values_decode_to_their_typed_representation() {
        assertEquals(42L, PropertyValues.fromJson(scalar(BaseType.I32), JsonNumber.of(42)));
        assertEquals(18262L, PropertyValues.fromJson(scalar(BaseType.DATE), new JsonString("2020-01-01")));
        assertEquals(18262L, PropertyValues.fromJson(scalar(BaseType.DATE), JsonNumber.of(18262)));
        assertEquals(1_776_124_800_000L, PropertyValues.fromJson(scalar(BaseType.DATE_TIME), new JsonString("2026-04-14T00:00:00Z")));
        assertEquals(1_776_117_600_000L, PropertyValues.fromJson(scalar(BaseType.DATE_TIME), new JsonString("2026-04-14T00:00:00+02:00")));
        assertEquals(-1L, PropertyValues.fromJson(scalar(BaseType.U64), JsonNumber.of(new BigInteger("18446744073709551615"))));
        assertEquals((double) 0.1f, PropertyValues.fromJson(scalar(BaseType.F32), JsonNumber.ofDouble(0.1)));
        assertArrayEquals(new float[] {1f, 2f}, (float[]) PropertyValues.fromJson(PropertyType.vector(2, false),
                JsonArray.of(JsonNumber.of(1), JsonNumber.of(2))));
        assertEquals(List.of("a", "b"), PropertyValues.fromJson(PropertyType.listOf(BaseType.STRING, false),
                JsonArray.ofStrings(List.of("a", "b"))));
    }

    @Test
    void values_that_do_not_fit_are_refused_with_what_was_expected() {
        PropertyValues.ValueMismatch tooBig = assertThrows(PropertyValues.ValueMismatch.class,
                () -> PropertyValues.fromJson(scalar(BaseType.I32), JsonNumber.of(3_000_000_000L)));
        assertEquals("3000000000 is out of range for I32", tooBig.getMessage());
        assertThrows(PropertyValues.ValueMismatch.class, () -> PropertyValues.fromJson(scalar(BaseType.U32), JsonNumber.of(-1)));
        assertThrows(PropertyValues.ValueMismatch.class, () -> PropertyValues.fromJson(scalar(BaseType.BOOL), new JsonString("true")));
        assertThrows(PropertyValues.ValueMismatch.class, () -> PropertyValues.fromJson(scalar(BaseType.DATE), new JsonString("2020-13-01")));
        assertThrows(PropertyValues.ValueMismatch.class, () -> PropertyValues.fromJson(PropertyType.vector(3, false),
                JsonArray.of(JsonNumber.of(1))));
        PropertyValues.ValueMismatch notInEnum = assertThrows(PropertyValues.ValueMismatch.class,
                () -> PropertyValues.fromJson(PropertyType.enumOf(List.of("b", "a"), false), new JsonString("c")));
        assertEquals("expected one of [a, b], got \"c\"", notInEnum.getMessage());
    }

    @Test
    void typed_values_encode_in_the_reference_result_spelling() {
        assertEquals("\"2020-01-01\"", JsonWriter.compact(PropertyValues.toJson(scalar(BaseType.DATE), 18262L)));
        assertEquals("\"2026-04-14T00:00:00.000Z\"", JsonWriter.compact(PropertyValues.toJson(scalar(BaseType.DATE_TIME), 1_776_124_800_000L)));
        assertEquals("18446744073709551615", JsonWriter.compact(PropertyValues.toJson(scalar(BaseType.U64), -1L)));
        assertEquals("\"NaN\"", JsonWriter.compact(PropertyValues.toJson(scalar(BaseType.F64), Double.NaN)));
        JsonValue back = PropertyValues.toJson(PropertyType.listOf(BaseType.I64, true), java.util.Arrays.asList(1L, null));
        assertEquals("[1,null]", JsonWriter.compact(back));
    }

    @Test
    void key_ids_use_the_canonical_spelling_of_each_value() {
        assertEquals("Ada", KeyIds.canonical(scalar(BaseType.STRING), "Ada"));
        assertEquals("-7", KeyIds.canonical(scalar(BaseType.I64), -7L));
        assertEquals("true", KeyIds.canonical(scalar(BaseType.BOOL), true));
        assertEquals("18446744073709551615", KeyIds.canonical(scalar(BaseType.U64), -1L));
        assertEquals("18262", KeyIds.canonical(scalar(BaseType.DATE), 18262L));
        assertEquals("1.5", KeyIds.canonical(scalar(BaseType.F64), 1.5));
        assertEquals("2", KeyIds.canonical(scalar(BaseType.F64), 2.0));
        assertEquals("0", KeyIds.canonical(scalar(BaseType.F64), -0.0));
        assertEquals("100000000000000000000", KeyIds.canonical(scalar(BaseType.F32), 1e20));
        assertEquals("0.1", KeyIds.canonical(scalar(BaseType.F32), (double) 0.1f));
        assertThrows(IllegalArgumentException.class, () -> KeyIds.canonical(scalar(BaseType.F64), Double.NaN));
    }

    @Test
    void composite_keys_are_a_json_array_of_canonical_spellings() {
        assertEquals("[\"acme\",\"intro\"]", KeyIds.derive(List.of(scalar(BaseType.STRING), scalar(BaseType.STRING)),
                List.of("acme", "intro")));
        assertEquals("[\"acme\",\"3\"]", KeyIds.derive(List.of(scalar(BaseType.STRING), scalar(BaseType.I32)),
                List.of("acme", 3L)));
        assertEquals("solo", KeyIds.derive(List.of(scalar(BaseType.STRING)), List.of("solo")));
    }

    @Test
    void load_modes_parse_their_cli_spelling_only() {
        assertEquals(LoadMode.MERGE, LoadMode.parse("merge"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> LoadMode.parse("upsert"));
        assertEquals("unknown load mode 'upsert' (expected overwrite, append or merge)", unknown.getMessage());
    }
}
