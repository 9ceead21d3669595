package dev.omnigraph.adapters.storage.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.out.MalformedYamlException;
import dev.omnigraph.ports.out.YamlDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * {@link YamlDecoder} on Jackson's streaming YAML parser (SnakeYAML underneath), building the domain tree
 * directly. Key order is kept; a repeated key keeps its later value (the caller reports duplicates from
 * the raw text, with their lines).
 */
final class JacksonYamlDecoder implements YamlDecoder {

    private static final int MAX_DEPTH = 256;

    private final YAMLFactory factory = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    @Override
    public JsonValue decode(String source, String text) {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return JsonNull.INSTANCE;
            }
            JsonValue value = read(source, parser, first, 0);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new MalformedYamlException(source, at.getLineNr(), at.getColumnNr(),
                        "expected a single YAML document, found another one");
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new MalformedYamlException(source, line, column, firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MalformedYamlException(source, 1, 1, String.valueOf(e.getMessage()));
        }
    }

    private JsonValue read(String source, JsonParser parser, JsonToken token, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            JsonLocation at = parser.currentTokenLocation();
            throw new MalformedYamlException(source, at.getLineNr(), at.getColumnNr(), "nesting deeper than " + MAX_DEPTH);
        }
        switch (token) {
            case START_OBJECT -> {
                LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    JsonValue value = read(source, parser, parser.nextToken(), depth + 1);
                    members.remove(name);
                    members.put(name, value);
                }
                JsonObject.Builder object = JsonObject.builder();
                members.forEach(object::put);
                return object.build();
            }
            case START_ARRAY -> {
                List<JsonValue> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(read(source, parser, next, depth + 1));
                }
                return new JsonArray(elements);
            }
            default -> {
                Optional<JsonValue> scalar = JacksonScalars.read(parser, token);
                if (scalar.isPresent()) {
                    return scalar.get();
                }
                JsonLocation at = parser.currentTokenLocation();
                throw new MalformedYamlException(source, at.getLineNr(), at.getColumnNr(), "unexpected YAML token " + token);
            }
        }
    }

    /**
     * SnakeYAML's message without its source excerpts: the unindented lines (context and problem),
     * joined; the indented ones echo the source, a caret and the position, which the exception carries.
     */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "not YAML";
        }
        List<String> kept = new ArrayList<>();
        for (String line : message.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                kept.add(line.strip());
            }
        }
        return kept.isEmpty() ? message.strip() : String.join("; ", kept);
    }
}
