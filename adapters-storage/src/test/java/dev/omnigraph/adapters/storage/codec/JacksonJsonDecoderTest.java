package dev.omnigraph.adapters.storage.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.MalformedJsonException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Ledgers, sidecars and load files are decoded through this adapter: a lenient parser that accepted
 * duplicate keys or rounded numbers would let two readers see different documents in the same bytes.
 */
class JacksonJsonDecoderTest {

    private final JsonDecoder decoder = Codecs.json();

    @Test
    void documents_decode_into_the_domain_tree_and_write_back_identically() {
        String text = "{\"type\":\"Person\",\"data\":{\"name\":\"Alice\",\"age\":30,\"score\":1.50,\"tags\":[\"a\",null],\"ok\":true}}";
        JsonValue value = decoder.decode("line", text);
        JsonObject data = value.asObject().get("data").asObject();
        assertEquals("Alice", data.get("name").asString());
        assertEquals(30, data.get("age").asNumber().longValueExact());
        assertTrue(data.get("score").asNumber().isFloating());
        assertEquals(new BigDecimal("1.50"), data.get("score").asNumber().value());
        assertTrue(data.get("tags").asArray().get(1).isNull());
        assertEquals(text.replace("1.50", "1.5"), JsonWriter.compact(value));
    }

    @Test
    void large_integers_keep_every_digit() {
        JsonNumber big = decoder.decode("n", "18446744073709551615").asNumber();
        assertEquals(new BigDecimal("18446744073709551615"), big.value());
        assertFalse(big.isFloating());
    }

    @Test
    void duplicate_members_are_refused_with_their_position() {
        MalformedJsonException thrown = assertThrows(MalformedJsonException.class,
                () -> decoder.decode("state.json", "{\n  \"a\": 1,\n  \"a\": 2\n}"));
        assertEquals("state.json", thrown.source());
        assertEquals(3, thrown.line());
        assertTrue(thrown.reason().contains("Duplicate"), thrown.reason());
    }

    @Test
    void malformed_text_names_line_and_column() {
        MalformedJsonException thrown = assertThrows(MalformedJsonException.class,
                () -> decoder.decode("seed.jsonl", "{\"type\": \"Person\", \"data\": {\"name\": }}"));
        assertEquals(1, thrown.line());
        assertTrue(thrown.column() > 30, "column " + thrown.column());
        assertTrue(thrown.getMessage().startsWith("seed.jsonl:1:"), thrown.getMessage());
    }

    @Test
    void trailing_content_empty_documents_and_nan_are_refused() {
        assertThrows(MalformedJsonException.class, () -> decoder.decode("x", "{} {}"));
        assertThrows(MalformedJsonException.class, () -> decoder.decode("x", "   "));
        assertThrows(MalformedJsonException.class, () -> decoder.decode("x", "[NaN]"));
        assertThrows(MalformedJsonException.class, () -> decoder.decode("x", "{'a': 1}"));
    }

    @Test
    void absurd_nesting_is_refused_not_a_stack_overflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThrows(MalformedJsonException.class, () -> decoder.decode("x", deep));
    }
}
