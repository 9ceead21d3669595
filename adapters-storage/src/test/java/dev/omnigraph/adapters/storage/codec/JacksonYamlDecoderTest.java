package dev.omnigraph.adapters.storage.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.out.MalformedYamlException;
import dev.omnigraph.ports.out.YamlDecoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cluster.yaml} reaches the domain's strict reader through this adapter. Key order matters (the
 * config digest is computed over the parsed document), scalars must be typed like the reference's YAML
 * reader so {@code version: 1} is a number and {@code "1"} is not, and repeated keys must come through
 * instead of failing: the domain scans the raw text and reports every duplicate with its line.
 */
class JacksonYamlDecoderTest {

    private final YamlDecoder decoder = Codecs.yaml();

    @Test
    void mappings_keep_key_order_and_scalars_are_typed() {
        JsonValue value = decoder.decode("cluster.yaml", """
                version: 1
                metadata: { name: acme }
                state: { lock: false, backend: "cluster" }
                graphs:
                  zeta: { schema: z.pg }
                  alpha:
                    schema: a.pg
                    queries: [q/, "x.gq"]
                empty:
                quoted: "1"
                blank: ""
                key: ${OPENAI_API_KEY}   # a comment
                """);
        JsonObject root = value.asObject();
        assertEquals(List.of("version", "metadata", "state", "graphs", "empty", "quoted", "blank", "key"), List.copyOf(root.keys()));
        assertEquals(1, root.get("version").asNumber().longValueExact());
        assertEquals(List.of("zeta", "alpha"), List.copyOf(root.get("graphs").asObject().keys()));
        assertEquals(JsonNull.INSTANCE, root.get("empty"));
        assertEquals("1", root.get("quoted").asString());
        assertEquals("", root.get("blank").asString());
        assertEquals("${OPENAI_API_KEY}", root.get("key").asString());
        assertEquals("{\"lock\":false,\"backend\":\"cluster\"}", JsonWriter.compact(root.get("state")));
    }

    @Test
    void repeated_keys_come_through_with_the_later_value() {
        JsonObject graph = decoder.decode("cluster.yaml", "schema: a.pg\nschema: b.pg\n").asObject();
        assertEquals("b.pg", graph.get("schema").asString());
        assertEquals(1, graph.size());
    }

    @Test
    void an_empty_document_is_null() {
        assertTrue(decoder.decode("cluster.yaml", "# nothing\n").isNull());
    }

    @Test
    void malformed_yaml_names_its_line() {
        MalformedYamlException error = assertThrows(MalformedYamlException.class,
                () -> decoder.decode("cluster.yaml", "version: 1\ngraphs:\n  a: [unclosed\n"));
        assertTrue(error.line() >= 3, error.getMessage());
        assertTrue(error.getMessage().startsWith("cluster.yaml:"), error.getMessage());
        assertTrue(!error.reason().contains("^") && !error.reason().contains("\n"), error.reason());
    }

    @Test
    void a_second_document_is_refused() {
        assertThrows(MalformedYamlException.class, () -> decoder.decode("cluster.yaml", "a: 1\n---\nb: 2\n"));
    }
}
