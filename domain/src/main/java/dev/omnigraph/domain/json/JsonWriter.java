package dev.omnigraph.domain.json;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON trees byte-compatibly with the reference's serializer ({@code serde_json}).
 *
 * <p>Contract for both forms: member order is insertion order; strings escape {@code "} and
 * {@code \}, write {@code \b \t \n \f \r} short and every other control character below U+0020 as
 * <code>&#92;u00xx</code> (lower-case hex), and keep everything else (including non-ASCII) literal;
 * integers are plain digits; floating-point numbers use the shortest round-trip digits laid out
 * like the reference ({@code 1.0}, {@code 0.001}, {@code 1e-7}, {@code 1.5e20}).
 * {@link #compact} has no whitespace at all; {@link #pretty} indents by two spaces, puts one
 * member or element per line, separates keys with {@code ": "} and writes empty containers as
 * {@code {}} / {@code []}.
 */
public final class JsonWriter {

    private JsonWriter() {
    }

    public static String compact(JsonValue value) {
        StringBuilder out = new StringBuilder();
        writeCompact(value, out);
        return out.toString();
    }

    public static String pretty(JsonValue value) {
        StringBuilder out = new StringBuilder();
        writePretty(value, out, 0);
        return out.toString();
    }

    private static void writeCompact(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(member.getKey(), out);
                out.append(':');
                writeCompact(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof JsonArray array) {
            out.append('[');
            boolean first = true;
            for (JsonValue element : array.elements()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeCompact(element, out);
            }
            out.append(']');
        } else {
            writeScalar(value, out);
        }
    }

    private static void writePretty(JsonValue value, StringBuilder out, int depth) {
        if (value instanceof JsonObject object) {
            if (object.size() == 0) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            Iterator<Map.Entry<String, JsonValue>> members = object.members().entrySet().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonValue> member = members.next();
                indent(out, depth + 1);
                writeString(member.getKey(), out);
                out.append(": ");
                writePretty(member.getValue(), out, depth + 1);
                out.append(members.hasNext() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append('}');
        } else if (value instanceof JsonArray array) {
            List<JsonValue> elements = array.elements();
            if (elements.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < elements.size(); i++) {
                indent(out, depth + 1);
                writePretty(elements.get(i), out, depth + 1);
                out.append(i + 1 < elements.size() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append(']');
        } else {
            writeScalar(value, out);
        }
    }

    private static void writeScalar(JsonValue value, StringBuilder out) {
        if (value instanceof JsonString string) {
            writeString(string.value(), out);
        } else if (value instanceof JsonNumber number) {
            out.append(number.isFloating()
                    ? formatFloating(number.value())
                    : number.value().toBigIntegerExact().toString());
        } else if (value instanceof JsonBool bool) {
            out.append(bool.value() ? "true" : "false");
        } else {
            out.append("null");
        }
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The reference's float layout for a value given by its shortest decimal digits: with
     * {@code digits × 10^k}, {@code n} digits and decimal-point position {@code p = n + k}:
     * plain with a trailing {@code .0} when {@code k ≥ 0} and {@code p ≤ 16}; plain with an inner
     * point when {@code 0 < p ≤ 16}; {@code 0.000ddd} when {@code -5 < p ≤ 0}; otherwise
     * scientific {@code d.ddde±x} (no {@code .} for one digit).
     */
    static String formatFloating(BigDecimal value) {
        if (value.signum() == 0) {
            return "0.0";
        }
        String sign = value.signum() < 0 ? "-" : "";
        BigDecimal magnitude = value.abs().stripTrailingZeros();
        String digits = magnitude.unscaledValue().toString();
        int exponent = -magnitude.scale();
        int length = digits.length();
        int point = length + exponent;
        StringBuilder out = new StringBuilder(sign);
        if (exponent >= 0 && point <= 16) {
            out.append(digits).append("0".repeat(exponent)).append(".0");
        } else if (point > 0 && point <= 16) {
            out.append(digits, 0, point).append('.').append(digits, point, length);
        } else if (point > -5 && point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (length == 1) {
            out.append(digits).append('e').append(point - 1);
        } else {
            out.append(digits.charAt(0)).append('.').append(digits, 1, length).append('e').append(point - 1);
        }
        return out.toString();
    }
}
