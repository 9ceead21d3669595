package dev.omnigraph.adapters.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.policy.PolicyBundle;
import dev.omnigraph.domain.policy.PolicyBundleRead;
import dev.omnigraph.domain.policy.PolicyBundleReader;
import dev.omnigraph.domain.policy.PolicyKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * YAML text to the domain's tree for tests (production code gets trees from the YAML port, which this
 * adapter must not see), and bundle reading on top of it.
 */
final class TestYaml {

    private static final YAMLMapper YAML = new YAMLMapper();

    private TestYaml() {
    }

    static JsonValue tree(String text) {
        try {
            JsonNode node = YAML.readTree(text);
            return node == null ? JsonNull.INSTANCE : convert(node);
        } catch (IOException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }

    static PolicyBundle bundle(String file, String text, Optional<PolicyKind> boundAs) {
        PolicyBundleRead read = PolicyBundleReader.read(file, text, tree(text), boundAs);
        if (read instanceof PolicyBundleRead.Invalid invalid) {
            throw new AssertionError(invalid.message());
        }
        return ((PolicyBundleRead.Valid) read).bundle();
    }

    private static JsonValue convert(JsonNode node) {
        if (node.isObject()) {
            JsonObject.Builder object = JsonObject.builder();
            node.fields().forEachRemaining(field -> object.put(field.getKey(), convert(field.getValue())));
            return object.build();
        }
        if (node.isArray()) {
            List<JsonValue> elements = new ArrayList<>();
            node.forEach(element -> elements.add(convert(element)));
            return new JsonArray(elements);
        }
        if (node.isTextual()) {
            return new JsonString(node.textValue());
        }
        if (node.isBoolean()) {
            return JsonBool.of(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return JsonNumber.of(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return JsonNumber.of(node.decimalValue(), true);
        }
        return JsonNull.INSTANCE;
    }
}
