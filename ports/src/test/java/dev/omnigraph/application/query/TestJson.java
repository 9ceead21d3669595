package dev.omnigraph.application.query;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A minimal strict JSON parser for test fixtures (the production parser lives behind JsonDecoder). */
final class TestJson {

    private final String text;
    private int position;

    private TestJson(String text) {
        this.text = text;
    }

    static JsonValue parse(String text) {
        TestJson parser = new TestJson(text);
        JsonValue value = parser.value();
        parser.whitespace();
        if (parser.position != text.length()) {
            throw parser.error("trailing content");
        }
        return value;
    }

    private JsonValue value() {
        whitespace();
        char c = peek();
        switch (c) {
            case '{' -> {
                return object();
            }
            case '[' -> {
                return array();
            }
            case '"' -> {
                return new JsonString(string());
            }
            case 't' -> {
                expect("true");
                return JsonBool.of(true);
            }
            case 'f' -> {
                expect("false");
                return JsonBool.of(false);
            }
            case 'n' -> {
                expect("null");
                return JsonNull.INSTANCE;
            }
            default -> {
                return number();
            }
        }
    }

    private JsonObject object() {
        position++;
        JsonObject.Builder builder = JsonObject.builder();
        whitespace();
        if (peek() == '}') {
            position++;
            return builder.build();
        }
        while (true) {
            whitespace();
            String key = string();
            whitespace();
            if (text.charAt(position++) != ':') {
                throw error("expected ':'");
            }
            builder.put(key, value());
            whitespace();
            char next = text.charAt(position++);
            if (next == '}') {
                return builder.build();
            }
            if (next != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private JsonArray array() {
        position++;
        List<JsonValue> elements = new ArrayList<>();
        whitespace();
        if (peek() == ']') {
            position++;
            return new JsonArray(elements);
        }
        while (true) {
            elements.add(value());
            whitespace();
            char next = text.charAt(position++);
            if (next == ']') {
                return new JsonArray(elements);
            }
            if (next != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        if (text.charAt(position++) != '"') {
            throw error("expected a string");
        }
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = text.charAt(position++);
            switch (escape) {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private JsonNumber number() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        String literal = text.substring(start, position);
        if (literal.isEmpty()) {
            throw error("unexpected character");
        }
        boolean floating = literal.contains(".") || literal.contains("e") || literal.contains("E");
        return JsonNumber.of(new BigDecimal(literal), floating);
    }

    private void expect(String word) {
        if (!text.startsWith(word, position)) {
            throw error("expected " + word);
        }
        position += word.length();
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private void whitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at offset " + position);
    }
}
