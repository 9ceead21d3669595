package dev.omnigraph.domain.cluster;

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

/**
 * A minimal JSON reader for tests only (the domain has no parser: turning text into trees is an
 * adapter's job). Keeps member order; numbers with a fraction or exponent are floating.
 */
public final class TestJson {

    private final String text;
    private int at;

    private TestJson(String text) {
        this.text = text;
    }

    public static JsonValue parse(String text) {
        TestJson parser = new TestJson(text);
        JsonValue value = parser.value();
        parser.skipBlanks();
        if (parser.at != text.length()) {
            throw new IllegalArgumentException("trailing text at " + parser.at);
        }
        return value;
    }

    public static JsonObject object(String text) {
        return parse(text).asObject();
    }

    private JsonValue value() {
        skipBlanks();
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return new JsonString(string());
            case 't':
                expect("true");
                return JsonBool.TRUE;
            case 'f':
                expect("false");
                return JsonBool.FALSE;
            case 'n':
                expect("null");
                return JsonNull.INSTANCE;
            default:
                return number();
        }
    }

    private JsonObject object() {
        JsonObject.Builder builder = JsonObject.builder();
        at++;
        skipBlanks();
        if (text.charAt(at) == '}') {
            at++;
            return builder.build();
        }
        while (true) {
            skipBlanks();
            String key = string();
            skipBlanks();
            expect(":");
            builder.put(key, value());
            skipBlanks();
            char c = text.charAt(at++);
            if (c == '}') {
                return builder.build();
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or } at " + (at - 1));
            }
        }
    }

    private JsonArray array() {
        List<JsonValue> elements = new ArrayList<>();
        at++;
        skipBlanks();
        if (text.charAt(at) == ']') {
            at++;
            return new JsonArray(elements);
        }
        while (true) {
            elements.add(value());
            skipBlanks();
            char c = text.charAt(at++);
            if (c == ']') {
                return new JsonArray(elements);
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or ] at " + (at - 1));
            }
        }
    }

    private String string() {
        expect("\"");
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
    }

    private JsonNumber number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String literal = text.substring(start, at);
        boolean floating = literal.contains(".") || literal.contains("e") || literal.contains("E");
        return JsonNumber.of(new BigDecimal(literal), floating);
    }

    private void expect(String literal) {
        if (!text.startsWith(literal, at)) {
            throw new IllegalArgumentException("expected " + literal + " at " + at);
        }
        at += literal.length();
    }

    private void skipBlanks() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
