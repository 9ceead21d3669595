package dev.omnigraph.adapters.storage.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import java.io.IOException;
import java.util.Optional;

/** Scalar tokens of any Jackson parser (JSON or YAML) as our JSON tree: numbers keep their exact value. */
final class JacksonScalars {

    private JacksonScalars() {
    }

    /** The scalar at the current token; empty for structure tokens, which each decoder reads its own way. */
    static Optional<JsonValue> read(JsonParser parser, JsonToken token) throws IOException {
        return Optional.ofNullable(switch (token) {
            case VALUE_STRING -> new JsonString(parser.getText());
            case VALUE_NUMBER_INT -> JsonNumber.of(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> JsonNumber.of(parser.getDecimalValue(), true);
            case VALUE_TRUE -> JsonBool.TRUE;
            case VALUE_FALSE -> JsonBool.FALSE;
            case VALUE_NULL -> JsonNull.INSTANCE;
            default -> null;
        });
    }
}
