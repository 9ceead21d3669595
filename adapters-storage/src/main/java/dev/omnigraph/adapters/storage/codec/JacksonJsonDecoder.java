package dev.omnigraph.adapters.storage.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.MalformedJsonException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link JsonDecoder} on Jackson's streaming parser, building the domain tree directly (no databind). */
final class JacksonJsonDecoder implements JsonDecoder {

    private static final int MAX_DEPTH = 512;

    private final JsonFactory factory = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Override
    public JsonValue decode(String source, String text) {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedJsonException(source, 1, 1, "empty document");
            }
            JsonValue value = read(source, parser, first, 0);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new MalformedJsonException(source, at.getLineNr(), at.getColumnNr(), "unexpected content after the document");
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new MalformedJsonException(source, line, column, e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJsonException(source, 1, 1, e.getMessage());
        }
    }

    private JsonValue read(String source, JsonParser parser, JsonToken token, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            JsonLocation at = parser.currentTokenLocation();
            throw new MalformedJsonException(source, at.getLineNr(), at.getColumnNr(), "nesting deeper than " + MAX_DEPTH);
        }
        switch (token) {
            case START_OBJECT -> {
                JsonObject.Builder object = JsonObject.builder();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, read(source, parser, parser.nextToken(), depth + 1));
                }
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
                throw new MalformedJsonException(source, at.getLineNr(), at.getColumnNr(), "unexpected token " + token);
            }
        }
    }
}
