package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonShapeException;
import dev.omnigraph.domain.json.JsonValue;

import java.math.BigDecimal;

/**
 * One bound of {@code @range}. Like the reference, a bound written without a fraction that fits a
 * signed 64-bit integer is an {@link IntegerBound}; anything else is a {@link FloatBound}.
 */
public sealed interface RangeBound permits RangeBound.IntegerBound, RangeBound.FloatBound {

    /** The bound as written back into source ({@code -5}, {@code 0.5}). */
    String sourceSpelling();

    /** The reference's JSON: {@code {"Integer":n}} / {@code {"Float":x}}. */
    JsonObject toJson();

    /** The reference's debug spelling, used in canonical constraint ordering: {@code Integer(5)}, {@code Float(0.5)}. */
    String debugSpelling();

    record IntegerBound(long value) implements RangeBound {
        @Override
        public String sourceSpelling() {
            return Long.toString(value);
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("Integer", value).build();
        }

        @Override
        public String debugSpelling() {
            return "Integer(" + value + ")";
        }
    }

    record FloatBound(double value) implements RangeBound {
        public FloatBound {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("range bounds must be finite");
            }
        }

        @Override
        public String sourceSpelling() {
            String plain = new BigDecimal(Double.toString(value)).toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("Float", JsonNumber.ofDouble(value)).build();
        }

        @Override
        public String debugSpelling() {
            return "Float(" + rustDebug(value) + ")";
        }

        /** Rust's {@code {:?}} for an f64: plain with at least one fraction digit, scientific outside [1e-4, 1e16). */
        private static String rustDebug(double value) {
            double magnitude = Math.abs(value);
            BigDecimal exact = new BigDecimal(Double.toString(value));
            if (value == 0 || (magnitude >= 1e-4 && magnitude < 1e16)) {
                String plain = exact.toPlainString();
                return plain.contains(".") ? plain : plain + ".0";
            }
            BigDecimal stripped = exact.stripTrailingZeros();
            String digits = stripped.unscaledValue().abs().toString();
            int exponent = digits.length() - 1 - stripped.scale();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "e" + exponent;
        }
    }

    static RangeBound fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        if (object.has("Integer")) {
            return new IntegerBound(object.get("Integer").asNumber().longValueExact());
        }
        if (object.has("Float")) {
            return new FloatBound(object.get("Float").asNumber().doubleValue());
        }
        throw new JsonShapeException("a range bound is {\"Integer\":n} or {\"Float\":x}");
    }
}
